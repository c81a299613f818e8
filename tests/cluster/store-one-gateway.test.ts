import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { connect, nextEvent } from '../support/gateway-harness';
import { killHard, startGatewayProcess } from '../support/gateway-process';
import { startRealPostgres, type RealPostgres } from '../support/real-postgres';
import { freePort } from '../support/real-servers';
import { gatewayCommand, gatewayEnv, runToExit } from '../support/run-to-exit';

// One gateway, no Redis, its store in PostgreSQL: another machine started on the same PostgreSQL goes on from it.
let postgres: RealPostgres;
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'qb-one-pg-'));
  folders.push(dir);
  return dir;
};
beforeAll(async () => {
  postgres = await startRealPostgres();
});
afterAll(async () => {
  await postgres?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const batch = [
  { eventId: 'one-1', type: 'created', ticketId: 'one-t1', queueId: 'lis-chat-pt', at: new Date().toISOString() },
  { eventId: 'one-2', type: 'created', ticketId: 'one-t2', queueId: 'lis-chat-pt', at: new Date().toISOString() },
];
const ingest = (url: string) =>
  fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' }, body: JSON.stringify({ events: batch }) }).then((r) => r.json());

describe('one gateway on a PostgreSQL store', () => {
  it('another gateway, on another data folder, starts from what the first wrote: thresholds, and the event ids it took', async () => {
    const first = await startGatewayProcess({ QUEUEBOARD_STORE: postgres.url, QUEUEBOARD_DATA_DIR: folder() }, 40_000);
    try {
      expect(await ingest(first.url)).toEqual({ accepted: 2, duplicates: 0 });
      const manager = connect(first.url, { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, { origin: null });
      try {
        await nextEvent(manager, 'thresholds', 15_000);
        const key = { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog' } as const;
        expect(await manager.emitWithAck('thresholds:save', { changes: [{ key, value: { warning: 7, critical: 9 }, expectedVersion: null }] })).toMatchObject({ ok: true });
      } finally {
        manager.disconnect();
      }
      // Shipped within 50 ms: give it a moment, then the first machine is gone without a word.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await killHard(first);
    }
    const second = await startGatewayProcess({ QUEUEBOARD_STORE: postgres.url, QUEUEBOARD_DATA_DIR: folder() }, 40_000);
    const manager = connect(second.url, { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, { origin: null });
    try {
      const thresholds = await nextEvent(manager, 'thresholds', 15_000);
      expect(thresholds.overrides).toEqual([expect.objectContaining({ scopeId: 'lis-chat-pt', metric: 'backlog', warning: 7, critical: 9, version: 1 })]);
      expect(await ingest(second.url)).toEqual({ accepted: 0, duplicates: 2 });
      expect(second.output()).toMatch(/working copy loaded from PostgreSQL/);
    } finally {
      manager.disconnect();
      await killHard(second);
    }
  }, 120_000);

  it('a PostgreSQL that does not answer at start: the gateway waits 10 s, then stops naming QUEUEBOARD_STORE (for its supervisor to retry)', async () => {
    const closed = await freePort();
    const [command, args] = gatewayCommand;
    const result = await runToExit(command, args, { ...gatewayEnv, QUEUEBOARD_DATA_DIR: folder(), QUEUEBOARD_STORE: `postgres://queueboard:secret@127.0.0.1:${closed}/queueboard` }, 40_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/QUEUEBOARD_STORE: the PostgreSQL store postgres:\/\/queueboard:\*\*\*@127\.0\.0\.1:\d+\/queueboard did not answer within 10 s/);
    expect(result.stderr).toMatch(/The gateway did not start/);
    expect(result.stderr).not.toContain('secret');
  }, 60_000);
});
