import { existsSync, mkdtempSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killHard, startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { gatewayCommand, gatewayEnv, runToExit } from '../support/run-to-exit';
import { corruptMiddle, storeFileWithData } from '../support/store-files';

const running: GatewayProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map(killHard));
});

const damages: Array<[string, (file: string) => void]> = [
  ['pages damaged in the middle of a file with data', corruptMiddle],
  ['a zero-length file', (file) => truncateSync(file, 0)],
  ['a file truncated to half its length', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
];

describe('a gateway started on a broken store file', () => {
  it.each(damages)('with %s: prints what to do in one line, no stack trace, exits 78 and keeps the file', async (_, damage) => {
    const dir = mkdtempSync(join(tmpdir(), 'qb-broken-'));
    const dataDir = join(dir, 'data');
    const file = storeFileWithData(dataDir);
    damage(file);
    const size = statSync(file).size;
    const [command, args] = gatewayCommand;
    const result = await runToExit(command, args, { ...gatewayEnv, QUEUEBOARD_DATA_DIR: dataDir });
    expect(result.code).toBe(78);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(`The database ${file} is damaged (`), 'The gateway did not start.']);
    expect(lines[0]).toContain('npm run restore -- <backup-file>');
    expect(lines[0]).toContain('--fresh-store');
    expect(result.stderr).not.toMatch(/SqliteError|\n\s+at /);
    expect(statSync(file).size).toBe(size);
  });

  it('starts on an empty store with QUEUEBOARD_FRESH_STORE=1, the damaged file moved aside whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qb-broken-'));
    const dataDir = join(dir, 'data');
    const file = storeFileWithData(dataDir);
    corruptMiddle(file);
    const size = statSync(file).size;
    const gateway = await startGatewayProcess({ QUEUEBOARD_DATA_DIR: dataDir, QUEUEBOARD_FRESH_STORE: '1' });
    running.push(gateway);
    expect((await fetch(`${gateway.url}/healthz`)).ok).toBe(true);
    const aside = readdirSync(dataDir).filter((name) => /^queueboard\.sqlite\.damaged-[\dT-]+Z$/.test(name));
    expect(aside).toHaveLength(1);
    expect(statSync(join(dataDir, aside[0]!)).size).toBe(size);
    expect(gateway.output()).toMatch(/WARN {2}damaged database moved aside: starting an empty store \(--fresh-store\)/);
  });

  it('still creates a store where there is none yet', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'qb-broken-')), 'new', 'data');
    const gateway = await startGatewayProcess({ QUEUEBOARD_DATA_DIR: dataDir });
    running.push(gateway);
    expect(existsSync(join(dataDir, 'queueboard.sqlite'))).toBe(true);
  });
});
