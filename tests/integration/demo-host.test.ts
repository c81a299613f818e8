import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { createLogger } from '../../server/runtime/logger';
import { readSettings } from '../../server/runtime/settings';
import { startGateway } from '../../server/start-gateway';

// Issue 15: with no configuration the gateway ran the demo, whose tokens are in the README, on 0.0.0.0.
const dirs: string[] = [];
let gateway: Gateway | null = null;
afterEach(async () => {
  await gateway?.close();
  gateway = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startDemo(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qb-demo-host-'));
  dirs.push(dir);
  const lines: string[] = [];
  const settings = readSettings({ PORT: '0', QUEUEBOARD_DATA_DIR: join(dir, 'data'), ...env }, process.cwd());
  gateway = await startGateway(settings, createLogger({ write: (line) => lines.push(line) }), 'test');
  const startLine = lines.find((line) => line.includes('gateway listening')) ?? '';
  return { address: gateway.httpServer.address() as AddressInfo, startLine };
}

describe('the built-in demo listens on this machine only unless HOST is set (issue 15)', () => {
  it('binds 127.0.0.1 without HOST and says so in its start line', async () => {
    const { address, startLine } = await startDemo();
    expect(address.address).toBe('127.0.0.1');
    expect(startLine).toContain('config="built-in demo (seed 1)"');
    expect(startLine).toContain(`host="127.0.0.1 only: the built-in demo's tokens are public, so it is kept on this machine (set HOST=0.0.0.0 to let other machines connect)"`);
  });

  it('binds what HOST says, and the start line says the demo is open to the network', async () => {
    const { address, startLine } = await startDemo({ HOST: '0.0.0.0' });
    expect(address.address).toBe('0.0.0.0');
    expect(startLine).toContain('host="0.0.0.0, set by HOST: the built-in demo, whose tokens anyone can read in the README, is open to the network"');
  });
});
