import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { PG_TYPES } from '../../server/store/pg/pg-pool';
import { openReplicatedStore } from '../../server/store/pg/replicated-store';
import { STORE_TABLES, sqliteRows } from '../../server/store/pg/store-tables';
import { startRealPostgres, type RealPostgres } from '../support/real-postgres';
import { runToExit } from '../support/run-to-exit';
import { clock, freshDatabase } from '../support/store-backends';
import { fillStore } from '../support/store-files';

const store = (...args: string[]) => runToExit('npm', ['run', '--silent', 'store', '--', ...args], {}, 60_000);

let server: RealPostgres;
const folders: string[] = [];
beforeAll(async () => {
  server = await startRealPostgres();
});
afterAll(async () => {
  await server?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A stopped gateway's store with thresholds, acknowledged alerts, audit, incidents, broadcasts and a compacted event log. */
function sqliteStore(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'qb-move-'));
  folders.push(dataDir);
  const s = openStore({ dataDir, clock, logger: silentLogger });
  fillStore(s, 2000);
  s.events.compact('{"engine":"state"}', { deleteCovered: false });
  s.events.deleteCovered(500);
  s.events.appendBatch('push', [{ eventId: 'after', type: 'created', ticketId: 'tx', queueId: 'chat', at: 9000 }]);
  s.incidents.open({ id: 'i1', title: 'Phones', queueIds: ['chat'], openedAt: 1, openedBy: 'ana', closedAt: null, closedBy: null }, { kind: 'opened', at: 1, actor: 'ana', title: 'Phones', queueIds: ['chat'] });
  s.history.recordMinute(60_000, [{ queueId: 'chat', metrics: { backlog: 3 } }]);
  s.close();
  return dataDir;
}

describe('npm run store -- to-postgres', () => {
  it('copies every table of a SQLite store into PostgreSQL, row for row, and a gateway loads the same store from it', async () => {
    const dataDir = sqliteStore();
    const url = await freshDatabase(server);
    const moved = await store('to-postgres', '--url', url, '--data-dir', dataDir);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/events: 1501\n/);
    expect(moved.stdout).toMatch(/audit_log: 3\n/);
    const sqlite = new Database(join(dataDir, 'queueboard.sqlite'), { readonly: true });
    const client = new pg.Client({ connectionString: url, types: PG_TYPES });
    await client.connect();
    try {
      for (const table of STORE_TABLES) {
        const { rows } = await client.query(`SELECT * FROM ${table.name} ORDER BY ${table.key.join(', ')}`);
        expect(rows, table.name).toEqual(sqliteRows(sqlite, table));
      }
    } finally {
      await client.end();
    }
    // What a gateway taking the lease works from: the same thresholds, alerts, audit, log and idempotency keys.
    const original = openStore({ dataDir, clock, logger: silentLogger });
    const copyDir = mkdtempSync(join(tmpdir(), 'qb-move-copy-'));
    folders.push(copyDir);
    const loaded = await openReplicatedStore({ url, dataDir: copyDir, clock, logger: silentLogger });
    try {
      await loaded.systemOfRecord.hydrate();
      expect(loaded.thresholds.list()).toEqual(original.thresholds.list());
      expect(loaded.alerts.listOpen()).toEqual(original.alerts.listOpen());
      expect(loaded.audit.list({ limit: 10 })).toEqual(original.audit.list({ limit: 10 }));
      expect(loaded.events.counts()).toEqual(original.events.counts());
      expect(loaded.events.checkpoint()).toEqual(original.events.checkpoint());
      expect([...loaded.events.replay()]).toEqual([...original.events.replay()]);
      expect(loaded.events.appendBatch('push', [{ eventId: 'e0-1', type: 'created', ticketId: 't', queueId: 'chat', at: 1 }]).duplicates).toBe(1);
    } finally {
      sqlite.close();
      original.close();
      await loaded.systemOfRecord.stop();
      loaded.close();
    }
  }, 120_000);

  it('refuses a PostgreSQL store that already holds data, naming what it holds, unless told to replace it', async () => {
    const dataDir = sqliteStore();
    const url = await freshDatabase(server);
    expect((await store('to-postgres', '--url', url, '--data-dir', dataDir)).code).toBe(0);
    const again = await store('to-postgres', '--url', url, '--data-dir', dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data \(events: 1501, input_keys: 2001,.*nothing was copied.*--replace/);
    const replaced = await store('to-postgres', '--url', url, '--data-dir', dataDir, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/thresholds: 1\n/);
  }, 120_000);

  it('names what is missing or wrong: no --url, an address that is not postgres://, no store in the folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'qb-move-empty-'));
    folders.push(empty);
    expect((await store('to-postgres')).stderr).toMatch(/--url is required/);
    expect((await store('to-postgres', '--url', 'mysql://x/y', '--data-dir', empty)).stderr).toMatch(/--url="mysql:\/\/x\/y": must start with postgres:\/\/ or postgresql:\/\//);
    const noStore = await store('to-postgres', '--url', server.url, '--data-dir', empty);
    expect(noStore.code).toBe(1);
    expect(noStore.stderr).toMatch(/There is no store to move: .*queueboard\.sqlite does not exist/);
  }, 120_000);
});
