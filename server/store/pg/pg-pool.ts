import pg from 'pg';
import type { Logger } from '../../runtime/logger';
import { StoreError } from '../store-errors';

/** BIGINT (epoch milliseconds, sequence numbers, counts) as a number: every value the store keeps is below 2^53. */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** PostgreSQL did not answer at start: not an operator-only problem (it may be starting too), so a supervisor retries. */
export class StoreUnreachableError extends Error {
  override name = 'StoreUnreachableError';
}

/** The address as a person may read it: the password never reaches a log or a message. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable address)';
  }
}

/** Refuses anything but a postgres:// or postgresql:// address, naming the variable and the rule. */
export function checkPostgresUrl(url: string, variable = 'QUEUEBOARD_STORE'): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError(`${variable}="${url}": must be a postgres:// address, e.g. postgres://queueboard@db-host:5432/queueboard`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoreError(`${variable}="${redactedUrl(url)}": must start with postgres:// or postgresql:// (got ${parsed.protocol})`);
  }
  return url;
}

/**
 * A small pool: one gateway writes through one ordered queue (write-queue.ts) and reads only to hydrate.
 * Connections fail fast (2 s) so an unreachable server turns into a 503 rather than a hung request.
 */
export function createPool(url: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: checkPostgresUrl(url), types: PG_TYPES, max: 3, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (a restart) must not end the process: the next query reconnects.
  pool.on('error', (error) => logger.warn('PostgreSQL connection lost; the next write reconnects', { store: redactedUrl(url), problem: error.message }));
  return pool;
}

/** Runs `work` in one transaction on one connection of the pool; a connection that failed is not reused. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection cut mid-transaction (the server stopped) is reported by the failed query: the event is not a crash.
  const dropped = () => undefined;
  client.on('error', dropped);
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', dropped);
    client.release(failure);
  }
}
