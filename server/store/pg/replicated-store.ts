import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import { openChecked, storeOver, type GatewayStore } from '../database';
import { ChangeCapture } from './change-capture';
import { migratePostgres } from './pg-migrations';
import { createPool, inTransaction, redactedUrl, StoreUnreachableError } from './pg-pool';
import { StoreError } from '../store-errors';
import { readPostgres, replaceSqlite } from './store-tables';
import { WriteFence } from './write-fence';
import { StoreUnavailableError, WriteQueue } from './write-queue';

/** The local SQLite file a gateway works on when PostgreSQL holds the record: rebuilt from it, never the one-machine store. */
export const WORKING_COPY_FILE = 'queueboard-working-copy.sqlite';

/** What a store backed by PostgreSQL adds to the SQLite store its classes work on. */
export interface SystemOfRecord {
  /** The address, password hidden. */
  readonly where: string;
  /** Replaces the working copy with what PostgreSQL holds (before this gateway evaluates). */
  hydrate(): Promise<void>;
  /** From now on every write of the working copy is shipped to PostgreSQL, in order. */
  arm(): void;
  /** Resolves once every write so far is committed in PostgreSQL; rejects (StoreUnavailableError) otherwise. */
  committed(timeoutMs?: number): Promise<void>;
  /** Set while PostgreSQL cannot be reached. */
  unavailable(): StoreUnavailableError | null;
  stats(): { pendingRows: number; droppedRows: number; committedRows: number; failing: boolean };
  /** Stops shipping at once and forgets what waits: another gateway now writes PostgreSQL. */
  abandon(): void;
  /** Ships what waits (a few seconds at most) and closes the connections. */
  stop(): Promise<void>;
}

export interface OpenReplicatedOptions {
  url: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** Tests make the retry and flush faster. */
  retryMs?: number;
  maxPendingRows?: number;
  /** This gateway's name in the writer fence (write-fence.ts); host and process by default. */
  holder?: string;
  /** How long a start waits for PostgreSQL to answer (10 s, as for Redis). */
  connectWithinMs?: number;
}

/**
 * A store whose record is PostgreSQL: the gateway's classes work on a local SQLite working copy, synchronous as
 * ever, and what they write is shipped row by row to PostgreSQL (change-capture.ts, write-queue.ts). The copy
 * starts empty and is loaded from PostgreSQL by `hydrate`, so a gateway taking over starts from the last one's record.
 */
export async function openReplicatedStore(options: OpenReplicatedOptions): Promise<GatewayStore & { systemOfRecord: SystemOfRecord }> {
  const file = join(options.dataDir, WORKING_COPY_FILE);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const pool = createPool(options.url, options.logger);
  try {
    await migrateWithin(pool, options, options.connectWithinMs ?? 10_000);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = openChecked(file, { dataDir: options.dataDir, clock: options.clock, logger: options.logger });
  // The copy is rebuilt from PostgreSQL at every load: what must survive a power cut is PostgreSQL's commit, not this file's.
  db.pragma('synchronous = OFF');
  const capture = new ChangeCapture(db);
  const fence = new WriteFence(options.holder ?? `${hostname()}:${process.pid}`);
  const queue = new WriteQueue({ pool, capture, fence, logger: options.logger, ...(options.retryMs ? { retryMs: options.retryMs } : {}), ...(options.maxPendingRows ? { maxPendingRows: options.maxPendingRows } : {}) });
  const store = storeOver(db, file, options.clock);
  let stopped = false;
  const systemOfRecord: SystemOfRecord = {
    where: redactedUrl(options.url),
    async hydrate() {
      const started = Date.now();
      await fence.claim(pool);
      const content = await readConsistently(pool);
      replaceSqlite(db, content);
      capture.discard();
      const rows = [...content.tables.values()].reduce((sum, list) => sum + list.length, 0);
      options.logger.info('working copy loaded from PostgreSQL', { store: systemOfRecord.where, rows, ms: Date.now() - started });
    },
    arm: () => queue.arm(),
    committed: (timeoutMs) => queue.committed(timeoutMs),
    unavailable: () => queue.unavailableError(),
    stats: () => queue.stats(),
    abandon: () => queue.abandon(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await queue.stop();
      await pool.end();
    },
  };
  return { ...store, systemOfRecord };
}

/** Every table as of one moment (REPEATABLE READ): a writer committing meanwhile is wholly in or wholly out. */
function readConsistently(pool: pg.Pool): ReturnType<typeof readPostgres> {
  return inTransaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return readPostgres(client);
  });
}

/** Migrates once PostgreSQL answers, trying again for `withinMs`; a refusal of the schema itself is not retried. */
async function migrateWithin(pool: pg.Pool, options: OpenReplicatedOptions, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await migratePostgres(pool, options.logger);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      if (Date.now() > deadline) {
        throw new StoreUnreachableError(`QUEUEBOARD_STORE: the PostgreSQL store ${redactedUrl(options.url)} did not answer within ${withinMs / 1000} s (${(error as Error).message})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
