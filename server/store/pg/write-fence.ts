import type pg from 'pg';
import { inTransaction } from './pg-pool';

/** This gateway's writes were refused: another loaded the store after it and writes it now. */
export class FencedError extends Error {
  override name = 'FencedError';
}

/**
 * One writer at a time, checked by PostgreSQL itself: loading a working copy raises the epoch in `queueboard_writer`
 * (and waits for any write transaction holding it to end), and every write transaction first locks the row and
 * checks the epoch is still its own. The lease in Redis decides who evaluates; this keeps a writer that lost it
 * without noticing from committing after the next one loaded.
 */
export class WriteFence {
  private epoch: number | null = null;

  constructor(private readonly holder: string) {}

  /** Becomes the writer; the working copy must be read after this. */
  async claim(pool: pg.Pool): Promise<void> {
    this.epoch = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ epoch: number }>(
        'UPDATE queueboard_writer SET epoch = epoch + 1, holder = $1, since = $2 WHERE id = 1 RETURNING epoch',
        [this.holder, Date.now()],
      );
      return rows[0]!.epoch;
    });
  }

  /** Inside a write transaction, before anything is written: throws FencedError when another writer claimed since. */
  async check(client: pg.ClientBase): Promise<void> {
    const { rows } = await client.query<{ epoch: number; holder: string }>('SELECT epoch, holder FROM queueboard_writer WHERE id = 1 FOR SHARE');
    const current = rows[0]!;
    if (this.epoch === null || current.epoch !== this.epoch) {
      throw new FencedError(`another gateway (${current.holder || 'unnamed'}) loaded the PostgreSQL store after this one and writes it now`);
    }
  }
}
