import type pg from 'pg';
import type { Logger } from '../../runtime/logger';
import { StoreError } from '../store-errors';
import { inTransaction } from './pg-pool';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * PostgreSQL's schema, versioned on its own (table queueboard_pg_migrations). Tables and columns mirror the SQLite
 * store (server/store/migrations.ts) by name, as rows travel between them whole (store-tables.ts): a SQLite
 * migration that adds a column needs a PostgreSQL one adding the same. Sequence numbers (events.seq, audit_log.id,
 * …) are plain BIGINT: SQLite assigns them and PostgreSQL keeps them, so a checkpoint's `events_upto` means the same
 * rows in both. Never edit a released one: add the next.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'the SQLite store as of its migration 10, and the SQLite sequences',
    sql: `
      CREATE TABLE events (
        seq BIGINT PRIMARY KEY, source_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, ticket_id TEXT NOT NULL,
        queue_id TEXT, at BIGINT NOT NULL, satisfied INTEGER, UNIQUE (source_id, event_id));
      CREATE TABLE readings (
        seq BIGINT PRIMARY KEY, source_id TEXT NOT NULL, reading_id TEXT, queue_id TEXT NOT NULL, at BIGINT NOT NULL,
        backlog INTEGER, agents_online INTEGER, oldest_waiting_seconds DOUBLE PRECISION, sla_breached INTEGER,
        UNIQUE (source_id, reading_id));
      CREATE TABLE input_keys (
        source_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('event', 'reading')), input_id TEXT NOT NULL,
        received_at BIGINT NOT NULL, PRIMARY KEY (source_id, kind, input_id));
      CREATE TABLE engine_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1), taken_at BIGINT NOT NULL, events_upto BIGINT NOT NULL,
        readings_upto BIGINT NOT NULL, state TEXT NOT NULL, generation BIGINT);
      CREATE TABLE engine_checkpoint_chunks (generation BIGINT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (generation, idx));
      CREATE TABLE metric_history (queue_id TEXT NOT NULL, minute BIGINT NOT NULL, metrics TEXT NOT NULL, PRIMARY KEY (queue_id, minute));
      CREATE TABLE quarter_history (
        queue_id TEXT NOT NULL, slot BIGINT NOT NULL, inflow INTEGER NOT NULL, outflow INTEGER NOT NULL,
        backlog INTEGER, agents_online INTEGER, PRIMARY KEY (queue_id, slot));
      CREATE TABLE thresholds (
        scope TEXT NOT NULL CHECK (scope IN ('default', 'office', 'queue')), scope_id TEXT NOT NULL DEFAULT '', metric TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '', warning DOUBLE PRECISION NOT NULL, critical DOUBLE PRECISION NOT NULL,
        pending_seconds INTEGER, recovery_seconds INTEGER, version INTEGER NOT NULL, updated_at BIGINT NOT NULL,
        updated_by TEXT NOT NULL, PRIMARY KEY (scope, scope_id, metric, profile));
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY, queue_id TEXT NOT NULL, metric TEXT NOT NULL, level TEXT NOT NULL, value DOUBLE PRECISION,
        threshold DOUBLE PRECISION, opened_at BIGINT NOT NULL, resolved_at BIGINT, acknowledged_by TEXT, acknowledged_at BIGINT,
        ack_note TEXT, snoozed_until BIGINT, snoozed_by TEXT, kind TEXT NOT NULL DEFAULT 'threshold', projected_minutes INTEGER,
        resolution TEXT, snoozed_at BIGINT, incident_id TEXT);
      CREATE INDEX alerts_open ON alerts (resolved_at);
      CREATE TABLE audit_log (
        id BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, before TEXT, after TEXT);
      CREATE TABLE broadcasts (
        id TEXT PRIMARY KEY, content TEXT NOT NULL, posted_by TEXT NOT NULL, posted_at BIGINT NOT NULL, edited_by TEXT,
        edited_at BIGINT, ended_at BIGINT, ended_by TEXT, end_reason TEXT CHECK (end_reason IN ('ended', 'expired')));
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, queue_ids TEXT NOT NULL, opened_at BIGINT NOT NULL, opened_by TEXT NOT NULL,
        closed_at BIGINT, closed_by TEXT);
      CREATE TABLE incident_timeline (seq BIGINT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents (id), entry TEXT NOT NULL);
      CREATE TABLE webhook_dead_letters (
        id BIGINT PRIMARY KEY, target_id TEXT NOT NULL, event_id TEXT NOT NULL, kind TEXT NOT NULL, event TEXT NOT NULL,
        attempts INTEGER NOT NULL, last_error TEXT NOT NULL, failed_at BIGINT NOT NULL);
      -- SQLite's AUTOINCREMENT high-water marks: a working copy loaded from here never reuses a number (a checkpoint
      -- covering events up to seq 900 must not cover a new event numbered 12 after every older one was compacted away).
      CREATE TABLE sqlite_sequences (name TEXT PRIMARY KEY, seq BIGINT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'the writer fence: the gateway that loaded the store last is the only one whose writes commit',
    sql: `
      -- Raised by each gateway as it loads its working copy (write-fence.ts); every write transaction checks it, so a
      -- gateway that lost the lease but did not notice yet (paused, cut off) cannot land a batch after the next one loaded.
      CREATE TABLE queueboard_writer (id INTEGER PRIMARY KEY CHECK (id = 1), epoch BIGINT NOT NULL, holder TEXT NOT NULL, since BIGINT NOT NULL);
      INSERT INTO queueboard_writer VALUES (1, 0, '', 0);
    `,
  },
  {
    version: 3,
    name: 'connector cursors (the SQLite store\'s migration 11)',
    sql: `
      CREATE TABLE connector_cursors (
        source_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, saved_at BIGINT NOT NULL, PRIMARY KEY (source_id, name));
    `,
  },
];

const LOCK_KEY = 4_310_021; // any fixed number: gateways starting together migrate one at a time

/** Brings the PostgreSQL schema up to date, one migration a transaction, under an advisory lock. */
export async function migratePostgres(pool: pg.Pool, logger: Logger, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS queueboard_pg_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
  });
  for (const migration of migrations) {
    const applied = await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM queueboard_pg_migrations');
      const known = migrations.at(-1)?.version ?? 0;
      const newest = Math.max(0, ...rows.map((row) => row.version));
      if (newest > known) {
        throw new StoreError(`The PostgreSQL store has schema version ${newest}, newer than this gateway knows (${known}): run the newer gateway.`);
      }
      if (rows.some((row) => row.version === migration.version)) return false;
      await client.query(migration.sql);
      await client.query('INSERT INTO queueboard_pg_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      return true;
    });
    if (applied) logger.info('PostgreSQL store migrated', { version: migration.version, name: migration.name });
  }
}
