import { existsSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../runtime/logger';
import { corruptMiddle, essentials, storeFileWithData } from '../../tests/support/store-files';
import { DamagedStoreError, openStore, type GatewayStore } from './index';

const clock = { now: () => Date.UTC(2026, 11, 7, 3, 0, 0) };
const opened: GatewayStore[] = [];
const open = (dataDir: string, fresh = false, logger = silentLogger) => {
  const store = openStore({ dataDir, clock, logger, fresh });
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));
const newDir = () => mkdtempSync(join(tmpdir(), 'qb-check-'));

const damages: Array<[string, (file: string) => void, RegExp]> = [
  ['an empty (zero-length) file', (file) => truncateSync(file, 0), /the file is empty: 0 bytes/],
  ['a file truncated to half its length', (file) => truncateSync(file, Math.floor(statSync(file).size / 2)), /database disk image is malformed|quick_check/],
  ['a file with pages damaged in the middle', corruptMiddle, /database disk image is malformed|quick_check/],
];

describe('openStore checks the file it opens', () => {
  it.each(damages)('refuses %s, naming the file and the way out, and leaves it untouched', (_, damage, detail) => {
    const dir = newDir();
    const file = storeFileWithData(dir);
    damage(file);
    const size = statSync(file).size;
    let error: unknown;
    try {
      open(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DamagedStoreError);
    const message = (error as Error).message;
    expect(message).toContain(`The database ${file} is damaged (`);
    expect(message).toMatch(detail);
    expect(message).toContain('npm run restore -- <backup-file>');
    expect(message).toContain('--fresh-store (QUEUEBOARD_FRESH_STORE=1)');
    expect(message).not.toContain('\n');
    expect(statSync(file).size).toBe(size);
    expect(readdirSync(dir).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it.each(damages)('with --fresh-store moves %s aside, never deleting it, and begins an empty store', (_, damage) => {
    const dir = newDir();
    const file = storeFileWithData(dir);
    damage(file);
    const size = statSync(file).size;
    const lines: string[] = [];
    const store = open(dir, true, createLogger({ write: (line) => lines.push(line) }));
    expect(essentials(store)).toEqual({ thresholds: [], alert: null, audit: [], openTickets: 0 });
    const aside = join(dir, 'queueboard.sqlite.damaged-2026-12-07T03-00-00-000Z');
    expect(statSync(aside).size).toBe(size);
    expect(lines.join('\n')).toMatch(/WARN {2}damaged database moved aside: starting an empty store \(--fresh-store\) file=.* movedTo=.*damaged-2026/);
  });

  it('keeps a healthy store with --fresh-store, and creates a store where there is no file', () => {
    const dir = newDir();
    expect(existsSync(join(dir, 'queueboard.sqlite'))).toBe(false);
    open(dir).close();
    const file = storeFileWithData(dir);
    const store = open(dir, true);
    expect(essentials(store).thresholds).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.includes('damaged'))).toEqual([]);
    expect(store.file).toBe(file);
  });

  it('refuses a file that is not SQLite at all as damaged', () => {
    const dir = newDir();
    writeFileSync(join(dir, 'queueboard.sqlite'), 'this is a text file, long enough to have a header of sorts............................');
    expect(() => open(dir)).toThrow(DamagedStoreError);
  });
});
