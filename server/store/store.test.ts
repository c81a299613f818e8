import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { silentLogger } from '../runtime/logger';
import { ConflictError, openStore, StoreError, type GatewayStore } from './index';
import { MIGRATIONS } from './migrations';
import type { Alert } from '../../shared/protocol/protocol';


const clock = { now: () => 1_000 };
const opened: GatewayStore[] = [];
// Migration numbers are fixed per feature (forecast 6, broadcasts 7, …), so the latest is not the count.
const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
const open = (dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'))) => {
  const store = openStore({ dataDir, clock, logger: silentLogger });
  opened.push(store);
  return { store, dataDir };
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const ev = (eventId: string, type: TicketEvent['type'], ticketId: string, at: number, queueId?: string): TicketEvent =>
  ({ eventId, type, ticketId, at, ...(queueId ? { queueId } : {}) }) as TicketEvent;

describe('openStore', () => {
  it('creates the file in WAL mode with every migration recorded, and re-opens without re-applying', () => {
    const { store, dataDir } = open();
    const db = new Database(store.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
    store.close();
    const again = open(dataDir).store;
    expect(again.events.counts()).toEqual({ events: 0, readings: 0, keys: 0 });
  });

  it('continues a partly migrated database with the migrations it lacks', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'));
    const extra = { version: LATEST_VERSION + 1, name: 'test column', sql: 'ALTER TABLE alerts ADD COLUMN team TEXT' };
    openStore({ dataDir, clock, logger: silentLogger }).close();
    const store = openStore({ dataDir, clock, logger: silentLogger, migrations: [...MIGRATIONS, extra] });
    opened.push(store);
    const db = new Database(store.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.version);
    db.close();
  });

  it('applies a migration numbered below ones already applied: a store made with 7 and 9 but not 6 gets 6', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'));
    const db = new Database(join(dataDir, 'queueboard.sqlite'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version !== 6)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(migration.version, migration.name);
    }
    db.pragma(`user_version = ${LATEST_VERSION}`);
    db.close();
    const { store } = open(dataDir);
    store.quarters.record([{ queueId: 'chat', slot: 0, inflow: 3, outflow: 2, backlog: 5, agentsOnline: 1 }]);
    expect(store.quarters.size()).toBe(1);
    const check = new Database(store.file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(check.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    check.close();
  });

  it('adds the connector cursors (migration 11) to a store of migration 10, keeping what it holds', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'));
    // A store as the previous gateway left it: every migration up to 10, an event accepted.
    const db = new Database(join(dataDir, 'queueboard.sqlite'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 10)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(migration.version, migration.name);
    }
    db.pragma('user_version = 10');
    db.prepare("INSERT INTO input_keys (source_id, kind, input_id, received_at) VALUES ('crm', 'event', 'a1', 100)").run();
    db.close();
    const { store } = open(dataDir);
    expect(store.events.appendBatch('crm', [ev('a1', 'created', 't1', 100, 'email')])).toEqual({ accepted: [], duplicates: 1 });
    expect(store.cursors.read('zd', 'tickets')).toBeNull();
    store.cursors.save('zd', 'tickets', 'abc', 2000);
    expect(store.cursors.read('zd', 'tickets')).toEqual({ value: 'abc', savedAt: 2000 });
  });

  it('upgrades a store of the uncompacted format: its events replay once, and their ids are still known', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'));
    // A store as the previous gateway left it: schema version 3, every event in the log.
    const db = new Database(join(dataDir, 'queueboard.sqlite'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.slice(0, 3)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(migration.version, migration.name);
    }
    db.pragma('user_version = 3');
    const insert = db.prepare('INSERT INTO events (source_id, event_id, type, ticket_id, queue_id, at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('crm', 'a1', 'created', 't1', 'email', 100);
    insert.run('crm', 'a2', 'first-reply', 't1', null, 200);
    db.prepare('INSERT INTO open_tickets (ticket_id, queue_id, opened_at) VALUES (?, ?, ?)').run('t1', 'email', 100);
    db.close();
    const { store } = open(dataDir);
    expect(store.events.checkpoint()).toBeNull();
    expect([...store.events.replay()].map((r) => r.event.eventId)).toEqual(['a1', 'a2']);
    expect(store.events.appendBatch('crm', [ev('a1', 'created', 't1', 100, 'email')])).toEqual({ accepted: [], duplicates: 1 });
  });

  it('refuses a database from a newer gateway, naming both versions, and leaves it untouched', () => {
    const { store, dataDir } = open();
    store.close();
    const db = new Database(store.file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStore({ dataDir, clock, logger: silentLogger })).toThrow(
      new StoreError(`The database ${store.file} has schema version 99, newer than this gateway knows (${LATEST_VERSION}). Run the newer gateway, or restore a backup made by this version; the file was left untouched.`),
    );
  });

  it('names the file when it cannot be opened', () => {
    const parent = join(mkdtempSync(join(tmpdir(), 'qb-store-')), 'a-file');
    writeFileSync(parent, 'not a folder');
    expect(() => openStore({ dataDir: join(parent, 'data'), clock, logger: silentLogger })).toThrow(
      `Cannot open the database ${join(parent, 'data', 'queueboard.sqlite')}: ENOTDIR`,
    );
  });
});

describe('EventLog', () => {
  it('accepts a batch once: a retry is all duplicates, and events replay in the order accepted', () => {
    const { store } = open();
    const batch = [ev('1', 'created', 't1', 500, 'chat'), ev('2', 'first-reply', 't1', 400), ev('2', 'first-reply', 't1', 400)];
    expect(store.events.appendBatch('crm', batch)).toEqual({ accepted: batch.slice(0, 2), duplicates: 1 });
    expect(store.events.appendBatch('crm', batch)).toEqual({ accepted: [], duplicates: 3 });
    // Same event id from another source is another event.
    expect(store.events.appendBatch('zendesk', [batch[0]!]).accepted).toHaveLength(1);
    expect([...store.events.replay()].map((r) => [r.sourceId, r.event.eventId, r.event.at])).toEqual([
      ['crm', '1', 500],
      ['crm', '2', 400],
      ['zendesk', '1', 500],
    ]);
    expect([...store.events.replay()][1]!.event).toEqual({ eventId: '2', type: 'first-reply', ticketId: 't1', at: 400 });
  });

  it('replaces the input a checkpoint covers in one commit, and still knows a retried batch afterwards', () => {
    const { store, dataDir } = open();
    const batch = [ev('a1', 'created', 't1', 100, 'email'), ev('a2', 'solved', 't1', 200)];
    store.events.appendBatch('crm', batch);
    store.events.appendReading('acd', 'phone', { readingId: 'r1', at: 100, backlog: 5 });
    expect(store.events.compact('{"state":1}')).toEqual({ events: 2, readings: 1 });
    store.events.appendBatch('crm', [ev('a3', 'created', 't2', 300, 'chat')]);
    expect([...store.events.replay()].map((r) => r.event.eventId)).toEqual(['a3']);
    expect([...store.events.replayReadings()]).toEqual([]);
    store.close();
    const again = open(dataDir).store;
    expect(again.events.checkpoint()).toEqual({ takenAt: 1_000, state: '{"state":1}' });
    expect(again.events.appendBatch('crm', batch)).toEqual({ accepted: [], duplicates: 2 });
    expect(again.events.appendReading('acd', 'phone', { readingId: 'r1', at: 100, backlog: 5 })).toEqual({ accepted: false });
    expect(again.events.counts()).toEqual({ events: 1, readings: 0, keys: 4 });
  });

  it('forgets idempotency keys older than the cutoff, and only those', () => {
    let now = 1_000;
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-store-'));
    const store = openStore({ dataDir, clock: { now: () => now }, logger: silentLogger });
    opened.push(store);
    store.events.appendBatch('crm', [ev('old', 'created', 't1', 100, 'email')]);
    now = 5_000;
    store.events.appendBatch('crm', [ev('new', 'created', 't2', 100, 'email')]);
    store.events.compact('{}');
    expect(store.events.pruneKeys(2_000)).toBe(1);
    expect(store.events.appendBatch('crm', [ev('old', 'created', 't1', 100, 'email'), ev('new', 'created', 't2', 100, 'email')]).duplicates).toBe(1);
  });
});

describe('MetricHistory', () => {
  it('keeps one value per queue per minute, the last write winning, and prunes by age', () => {
    const { store } = open();
    store.history.recordMinute(60_000, [{ queueId: 'chat', metrics: { backlog: 1 } }, { queueId: 'email', metrics: { backlog: 9 } }]);
    store.history.recordMinute(60_000, [{ queueId: 'chat', metrics: { backlog: 2 } }]);
    store.history.recordMinute(120_000, [{ queueId: 'chat', metrics: { backlog: 3, slaAttainment: null } }]);
    expect(store.history.since(0).get('chat')).toEqual([
      { at: 60_000, metrics: { backlog: 2 } },
      { at: 120_000, metrics: { backlog: 3, slaAttainment: null } },
    ]);
    expect(store.history.prune(120_000)).toBe(2);
    expect([...store.history.since(0).keys()]).toEqual(['chat']);
  });
});

describe('ThresholdStore and AlertStore', () => {
  it('refuses a change based on a stale version and audits every change with old and new', () => {
    const { store } = open();
    const key = { scope: 'queue', scopeId: 'chat', metric: 'backlog', profile: '' } as const;
    const first = store.thresholds.put({ ...key, warning: 10, critical: 20, pendingSeconds: null, recoverySeconds: null }, null, 'ana', 1000);
    expect(first.version).toBe(1);
    store.thresholds.put({ ...key, warning: 12, critical: 20, pendingSeconds: 120, recoverySeconds: null }, 1, 'bram', 2000);
    expect(() => store.thresholds.put({ ...key, warning: 99, critical: 100, pendingSeconds: null, recoverySeconds: null }, 1, 'ana', 3000)).toThrow(ConflictError);
    expect(store.thresholds.list()).toEqual([expect.objectContaining({ warning: 12, version: 2, updatedBy: 'bram' })]);
    const [latest] = store.audit.list({ limit: 1 });
    expect(latest).toMatchObject({ actor: 'bram', action: 'threshold.put', subject: 'threshold queue:chat/backlog' });
    expect((latest!.before as { warning: number }).warning).toBe(10);
    expect((latest!.after as { warning: number }).warning).toBe(12);
    store.thresholds.remove(key, 2, 'ana', 4000);
    expect(store.thresholds.list()).toEqual([]);
    expect(store.audit.list({ limit: 10 }).map((e) => e.action)).toEqual(['threshold.remove', 'threshold.put', 'threshold.put']);
  });

  it('rolls the change back when its audit entry cannot be written', () => {
    const { store } = open();
    const db = new Database(store.file);
    db.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    db.close();
    const key = { scope: 'default', scopeId: '', metric: 'backlog', profile: '' } as const;
    expect(() => store.thresholds.put({ ...key, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, null, 'ana', 1)).toThrow(/audit refused/);
    expect(store.thresholds.list()).toEqual([]);
  });

  it('keeps alerts as the gateway changes them, audits what people do, and lists the open ones', () => {
    const { store } = open();
    const alert = (id: string, queueId: string, openedAt: number): Alert => ({
      id, queueId, kind: 'threshold', metric: 'backlog', level: 'critical', value: 40, threshold: 30, projectedMinutes: null,
      openedAt, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
    });
    store.alerts.save(alert('a1', 'chat', 10));
    store.alerts.save({ ...alert('a2', 'email', 20), kind: 'at-risk', level: 'warning', projectedMinutes: 12 });
    store.alerts.saveByPerson({ ...alert('a1', 'chat', 10), acknowledged: { by: 'ana', at: 30, note: 'on it' } }, 'ana', 'alert.acknowledge', 30);
    store.alerts.saveByPerson({ ...store.alerts.get('a2')!, snoozed: { by: 'bram', at: 40, until: 3600 } }, 'bram', 'alert.snooze', 40);
    expect(store.alerts.get('a2')).toMatchObject({ kind: 'at-risk', projectedMinutes: 12, snoozed: { by: 'bram', at: 40, until: 3600 } });
    store.alerts.save({ ...store.alerts.get('a2')!, resolvedAt: 50, resolution: 'recovered' });
    expect(store.alerts.listOpen()).toEqual([{ ...alert('a1', 'chat', 10), acknowledged: { by: 'ana', at: 30, note: 'on it' } }]);
    expect(store.alerts.listRecent(5).map((a) => [a.id, a.resolution])).toEqual([['a2', 'recovered'], ['a1', null]]);
    const audit = store.audit.list({ limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['alert.snooze', 'alert.acknowledge']);
    expect(audit[1]).toMatchObject({ actor: 'ana', before: { acknowledged: null }, after: { acknowledged: { by: 'ana' } } });
  });
});
