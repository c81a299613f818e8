import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../runtime/logger';
import { DATABASE_FILE, openChecked } from '../database';
import { StoreError } from '../store-errors';
import { migratePostgres } from './pg-migrations';
import { checkPostgresUrl, createPool, inTransaction, redactedUrl } from './pg-pool';
import { copySqliteToPostgres, STORE_TABLES } from './store-tables';

export interface MoveOptions {
  dataDir: string;
  url: string;
  /** Empty a PostgreSQL store that already holds data first (otherwise it is refused). */
  replace: boolean;
  logger: Logger;
}

export interface MoveResult {
  file: string;
  target: string;
  /** Rows per table, the same on both sides (checked inside the copy's transaction). */
  counts: Map<string, number>;
}

/**
 * Copies a gateway's SQLite store (stopped) into PostgreSQL, every table and its sequences, in one transaction:
 * a failure leaves PostgreSQL as it was. A target that already holds data is refused unless `replace`.
 */
export async function moveToPostgres(options: MoveOptions): Promise<MoveResult> {
  checkPostgresUrl(options.url, '--url');
  const file = join(options.dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new StoreError(`There is no store to move: ${file} does not exist (set QUEUEBOARD_DATA_DIR or --data-dir to the gateway's data folder).`);
  const target = redactedUrl(options.url);
  const db = openChecked(file, { dataDir: options.dataDir, clock: { now: () => Date.now() }, logger: options.logger });
  const pool = createPool(options.url, options.logger);
  try {
    await migratePostgres(pool, options.logger).catch((error: Error) => {
      throw error instanceof StoreError ? error : new StoreError(`Cannot reach the PostgreSQL store ${target}: ${error.message}`);
    });
    const counts = await inTransaction(pool, async (client) => {
      const held = await countAll((sql) => client.query<{ n: number }>(sql).then((r) => r.rows[0]!.n));
      const nonEmpty = [...held].filter(([, n]) => n > 0);
      if (nonEmpty.length > 0 && !options.replace) {
        throw new StoreError(
          `The PostgreSQL store ${target} already holds data (${nonEmpty.map(([t, n]) => `${t}: ${n}`).join(', ')}): nothing was copied. ` +
            'Move into an empty database, or pass --replace to empty this one first.',
        );
      }
      if (options.replace) await client.query(`TRUNCATE ${[...STORE_TABLES.map((t) => t.name), 'sqlite_sequences'].join(', ')}`);
      const copied = await copySqliteToPostgres(db, client);
      const landed = await countAll((sql) => client.query<{ n: number }>(sql).then((r) => r.rows[0]!.n));
      const differ = [...copied].filter(([table, n]) => landed.get(table) !== n);
      if (differ.length > 0) throw new StoreError(`The copy does not add up (${differ.map(([t, n]) => `${t}: ${n} in SQLite, ${landed.get(t)} in PostgreSQL`).join('; ')}): nothing was copied.`);
      return copied;
    });
    return { file, target, counts };
  } finally {
    db.close();
    await pool.end();
  }
}

async function countAll(count: (sql: string) => Promise<number>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of STORE_TABLES) counts.set(table.name, await count(`SELECT COUNT(*)::int AS n FROM ${table.name}`));
  return counts;
}
