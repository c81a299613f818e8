import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { IncidentStore } from '../incidents/incident-store';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import { AlertStore } from './alert-store';
import { AuditLog } from './audit-log';
import { BroadcastStore } from './broadcast-store';
import { CursorStore } from './cursor-store';
import { EventLog } from './event-log';
import { MetricHistory } from './metric-history';
import { MIGRATIONS, type Migration } from './migrations';
import { QuarterHistory } from './quarter-history';
import { isDamageError, moveAside, quickCheck, refuseEmptyFile } from './store-check';
import { DamagedStoreError, StoreError } from './store-errors';
import { ThresholdStore } from './threshold-store';
import { DeadLetterStore } from '../notify/dead-letter-store';
import type { SystemOfRecord } from './pg/replicated-store';

export interface GatewayStore {
  readonly file: string;
  readonly events: EventLog;
  readonly history: MetricHistory;
  /** Eight weeks at 15-minute resolution, for the inflow baseline (server/forecast/). */
  readonly quarters: QuarterHistory;
  readonly thresholds: ThresholdStore;
  readonly alerts: AlertStore;
  readonly audit: AuditLog;
  /** Webhook deliveries that failed (server/notify/). */
  readonly deadLetters: DeadLetterStore;
  readonly broadcasts: BroadcastStore;
  readonly incidents: IncidentStore;
  /** Where each helpdesk connection has read up to (server/sources/). */
  readonly cursors: CursorStore;
  /** Set when PostgreSQL holds the record and this SQLite file is a working copy (server/store/pg/replicated-store.ts). */
  readonly systemOfRecord?: SystemOfRecord;
  close(): void;
}

export { StoreError } from './store-errors';

export const DATABASE_FILE = 'queueboard.sqlite';

export interface OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  migrations?: readonly Migration[];
  /** The operator asked for a fresh store: a damaged or empty file is moved aside (never deleted) and a new one begun. */
  fresh?: boolean;
}

/**
 * Opens (or, where there is no file yet, creates) the gateway's database in `dataDir`, checks it with
 * `PRAGMA quick_check` and brings its schema up to date. A damaged or empty file is refused.
 */
export function openStore(options: OpenStoreOptions): GatewayStore {
  const file = join(options.dataDir, DATABASE_FILE);
  let db: Database.Database;
  try {
    db = openChecked(file, options);
  } catch (error) {
    if (!(error instanceof DamagedStoreError) || !options.fresh) throw error;
    const aside = moveAside(file, 'damaged', options.clock.now());
    options.logger.warn('damaged database moved aside: starting an empty store (--fresh-store)', { file, movedTo: aside, problem: error.detail });
    db = openChecked(file, options);
  }
  return storeOver(db, file, options.clock);
}

/** The store's classes over an open, migrated database (the replicated store of server/store/pg/ builds on it too). */
export function storeOver(db: Database.Database, file: string, clock: Clock): GatewayStore {
  const audit = new AuditLog(db);
  return {
    file,
    events: new EventLog(db, clock),
    history: new MetricHistory(db),
    quarters: new QuarterHistory(db),
    thresholds: new ThresholdStore(db, audit),
    alerts: new AlertStore(db, audit),
    audit,
    deadLetters: new DeadLetterStore(db),
    broadcasts: new BroadcastStore(db, audit),
    incidents: new IncidentStore(db, audit),
    cursors: new CursorStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Opens, checks and migrates the SQLite file (a damaged one throws DamagedStoreError). */
export function openChecked(file: string, options: OpenStoreOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    refuseEmptyFile(file);
    db = new Database(file);
    // WAL: readers never block the writer. FULL: a commit is on disk before the ingest API answers 200,
    // so an acknowledged batch survives a power cut as well as a killed process.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const started = Date.now();
    quickCheck(db, file);
    options.logger.debug('database checked', { file, quickCheckMs: Date.now() - started });
    migrate(db, options.migrations ?? MIGRATIONS, options.clock, options.logger);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    if (error instanceof StoreError) throw error;
    if (isDamageError(error)) throw new DamagedStoreError(file, (error as Error).message);
    throw new StoreError(`Cannot open the database ${file}: ${(error as Error).message}`);
  }
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
  // By what is recorded, not only by the highest version: numbers are fixed per feature (forecast 6, broadcasts 7,
  // webhooks 9), so a store made where 7 and 9 arrived first still lacks 6 and must get it.
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((row) => row.version));
  for (const migration of migrations) {
    if (applied.has(migration.version) || (applied.size === 0 && migration.version <= current)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, clock.now());
      db.pragma(`user_version = ${Math.max(migration.version, db.pragma('user_version', { simple: true }) as number)}`);
    })();
    logger.info('database migrated', { version: migration.version, name: migration.name });
  }
}
