import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/runtime/logger';
import { migratePostgres, PG_MIGRATIONS } from '../../server/store/pg/pg-migrations';
import { PG_TYPES } from '../../server/store/pg/pg-pool';
import { openReplicatedStore } from '../../server/store/pg/replicated-store';
import { STORE_TABLES, sqliteRows } from '../../server/store/pg/store-tables';
import { StoreUnavailableError } from '../../server/store/pg/write-queue';
import { fillStore, THRESHOLD_KEY } from '../support/store-files';
import { startRealPostgres, type RealPostgres } from '../support/real-postgres';
import { clock, freshDatabase } from '../support/store-backends';

let server: RealPostgres;
const folders: string[] = [];
beforeAll(async () => {
  server = await startRealPostgres();
});
afterAll(async () => {
  await server?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function armedStore(url: string, extra: { maxPendingRows?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qb-pg-'));
  folders.push(dataDir);
  const store = await openReplicatedStore({ url, dataDir, clock, logger: silentLogger, retryMs: 100, ...extra });
  await store.systemOfRecord.hydrate();
  store.systemOfRecord.arm();
  return store;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL store', () => {
  it('records its migrations once, and refuses a schema newer than it knows, naming both versions', async () => {
    const url = await freshDatabase(server);
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migratePostgres(pool, silentLogger);
      await migratePostgres(pool, silentLogger);
      expect((await pool.query('SELECT version FROM queueboard_pg_migrations')).rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
      await pool.query('INSERT INTO queueboard_pg_migrations VALUES (99, $1, 0)', ['from the future']);
      const known = PG_MIGRATIONS.at(-1)!.version;
      await expect(migratePostgres(pool, silentLogger)).rejects.toThrow(`schema version 99, newer than this gateway knows (${known})`);
    } finally {
      await pool.end();
    }
  });

  it('adds the connector cursors (migration 3) to a store migrated before them, keeping what it holds', async () => {
    const url = await freshDatabase(server);
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migratePostgres(pool, silentLogger, PG_MIGRATIONS.filter((m) => m.version <= 2));
      await pool.query("INSERT INTO audit_log VALUES (1, 10, 'ana', 'threshold.put', 'backlog', NULL, NULL)");
      await migratePostgres(pool, silentLogger);
      expect((await pool.query('SELECT actor FROM audit_log')).rows).toEqual([{ actor: 'ana' }]);
      await pool.query("INSERT INTO connector_cursors VALUES ('zd', 'tickets', 'abc', 2000)");
      expect((await pool.query('SELECT value FROM connector_cursors')).rows).toEqual([{ value: 'abc' }]);
    } finally {
      await pool.end();
    }
  });

  it('holds exactly the rows of the working copy, table by table, once committed', async () => {
    const url = await freshDatabase(server);
    const store = await armedStore(url);
    fillStore(store, 1000);
    store.events.compact('{"checkpoint":true}', { deleteCovered: false });
    store.events.deleteCovered(300);
    await store.systemOfRecord.committed();
    const copy = new Database(store.file, { readonly: true });
    try {
      for (const table of STORE_TABLES) {
        const inPostgres = await query(url, `SELECT * FROM ${table.name} ORDER BY ${table.key.join(', ')}`);
        expect(inPostgres, table.name).toEqual(sqliteRows(copy, table));
      }
      expect((await query(url, 'SELECT COUNT(*)::int AS n FROM events'))[0]).toEqual({ n: 700 });
    } finally {
      copy.close();
      await store.systemOfRecord.stop();
      store.close();
    }
  });

  it('while PostgreSQL is down: commits are refused as unavailable, writes wait in order and land when it is back', async () => {
    const url = await freshDatabase(server);
    const store = await armedStore(url);
    try {
      store.thresholds.put({ ...THRESHOLD_KEY, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, null, 'ana', 1);
      await store.systemOfRecord.committed();
      await server.stop();
      store.thresholds.put({ ...THRESHOLD_KEY, warning: 3, critical: 4, pendingSeconds: null, recoverySeconds: null }, 1, 'ana', 2);
      store.events.appendBatch('push', [{ eventId: 'while-down', type: 'created', ticketId: 't1', queueId: 'chat', at: 5 }]);
      await expect(store.systemOfRecord.committed(1500)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(store.systemOfRecord.unavailable()?.message).toMatch(/PostgreSQL store cannot be reached/);
      expect(store.systemOfRecord.stats()).toMatchObject({ failing: true });
      expect(store.systemOfRecord.stats().pendingRows).toBeGreaterThan(0);
      await server.start();
      await store.systemOfRecord.committed(15_000);
      expect(store.systemOfRecord.unavailable()).toBeNull();
      expect(await query(url, 'SELECT version, warning FROM thresholds')).toEqual([{ version: 2, warning: 3 }]);
      expect(await query(url, 'SELECT event_id FROM events')).toEqual([{ event_id: 'while-down' }]);
      expect((await query(url, "SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'threshold.put'"))[0]).toEqual({ n: 2 });
    } finally {
      await store.systemOfRecord.stop();
      store.close();
    }
  }, 60_000);

  it('past its bound, the waiting queue lets go of history minutes (counted) and keeps everything else', async () => {
    const url = await freshDatabase(server);
    const store = await armedStore(url, { maxPendingRows: 5 });
    try {
      await server.stop();
      store.thresholds.put({ ...THRESHOLD_KEY, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, null, 'ana', 1);
      await expect(store.systemOfRecord.committed(300)).rejects.toBeInstanceOf(StoreUnavailableError);
      store.history.recordMinute(60_000, Array.from({ length: 10 }, (_, i) => ({ queueId: `q${i}`, metrics: { backlog: i } })));
      store.alerts.save({ id: 'a1', queueId: 'chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 4, threshold: 3, projectedMinutes: null, openedAt: 1, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null });
      await expect(store.systemOfRecord.committed(300)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(store.systemOfRecord.stats().droppedRows).toBe(10);
      await server.start();
      await store.systemOfRecord.committed(15_000);
      expect(await query(url, 'SELECT id FROM alerts')).toEqual([{ id: 'a1' }]);
      expect(await query(url, 'SELECT COUNT(*)::int AS n FROM thresholds')).toEqual([{ n: 1 }]);
      expect(await query(url, 'SELECT COUNT(*)::int AS n FROM metric_history')).toEqual([{ n: 0 }]);
    } finally {
      await store.systemOfRecord.stop();
      store.close();
    }
  }, 60_000);

  it('a gateway that loaded the store before another cannot commit after it: its writes are refused (the fence), not mixed in', async () => {
    const url = await freshDatabase(server);
    const stale = await armedStore(url);
    const next = await armedStore(url);
    try {
      stale.thresholds.put({ ...THRESHOLD_KEY, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, null, 'stale', 1);
      await expect(stale.systemOfRecord.committed(2000)).rejects.toThrow(/another gateway .* loaded the PostgreSQL store after this one/);
      expect(stale.systemOfRecord.unavailable()).not.toBeNull();
      next.thresholds.put({ ...THRESHOLD_KEY, warning: 3, critical: 4, pendingSeconds: null, recoverySeconds: null }, null, 'next', 2);
      await next.systemOfRecord.committed();
      expect(await query(url, 'SELECT updated_by FROM thresholds')).toEqual([{ updated_by: 'next' }]);
    } finally {
      for (const store of [stale, next]) {
        await store.systemOfRecord.stop();
        store.close();
      }
    }
  });
});
