import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import { AlertStore } from './alert-store';
import { AuditLog } from './audit-log';
import { EventLog } from './event-log';
import { MetricHistory } from './metric-history';
import { MIGRATIONS, type Migration } from './migrations';
import { ThresholdStore } from './threshold-store';

export interface GatewayStore {
  readonly file: string;
  readonly events: EventLog;
  readonly history: MetricHistory;
  readonly thresholds: ThresholdStore;
  readonly alerts: AlertStore;
  readonly audit: AuditLog;
  close(): void;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export const DATABASE_FILE = 'queueboard.sqlite';

/** Opens (or creates) the gateway's database in `dataDir` and brings its schema up to date. */
export function openStore(options: { dataDir: string; clock: Clock; logger: Logger; migrations?: readonly Migration[] }): GatewayStore {
  const file = join(options.dataDir, DATABASE_FILE);
  let db: Database.Database;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    db = new Database(file);
    // WAL: readers never block the writer. FULL: a commit is on disk before the ingest API answers 200,
    // so an acknowledged batch survives a power cut as well as a killed process.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS, options.clock, options.logger);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`Cannot open the database ${file}: ${(error as Error).message}`);
  }
  const audit = new AuditLog(db);
  return {
    file,
    events: new EventLog(db, options.clock),
    history: new MetricHistory(db),
    thresholds: new ThresholdStore(db, audit),
    alerts: new AlertStore(db, audit),
    audit,
    close: () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database, migrations: readonly Migration[], clock: Clock, logger: Logger): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const known = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) {
    throw new StoreError(
      `The database ${db.name} has schema version ${current}, newer than this gateway knows (${known}). ` +
        'Run the newer gateway, or restore a backup made by this version; the file was left untouched.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, clock.now());
      db.pragma(`user_version = ${migration.version}`);
    })();
    logger.info('database migrated', { version: migration.version, name: migration.name });
  }
}
