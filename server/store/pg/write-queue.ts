import type pg from 'pg';
import type { Logger } from '../../runtime/logger';
import type { ChangeCapture, ChangeSet } from './change-capture';
import { inTransaction } from './pg-pool';
import { deleteRows, upsertRows, writeSequences } from './store-tables';
import { FencedError, type WriteFence } from './write-fence';

/** Why a write is not in PostgreSQL yet: the server cannot be reached (or refused the batch). */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    message: string,
    /** Seconds after which a retry may succeed. */
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

/** Tables whose rows are per-minute or per-quarter summaries: the ones let go past the bound. */
const SUMMARIES = new Set(['metric_history', 'quarter_history']);

export interface WriteQueueOptions {
  pool: pg.Pool;
  capture: ChangeCapture;
  fence: WriteFence;
  logger: Logger;
  /** How often what the working copy wrote is shipped even when nobody waits for it. */
  flushEveryMs?: number;
  /** Wait between attempts while PostgreSQL cannot be reached. */
  retryMs?: number;
  /** Rows waiting past which summaries (history minutes, quarter hours) are dropped, counted; nothing else is. */
  maxPendingRows?: number;
}

interface Waiting {
  set: ChangeSet;
}

/**
 * Ships the working copy's writes to PostgreSQL in the order they were made: change sets wait in one queue
 * and go in one transaction per attempt (a batch), retried until they commit. `committed()` is the
 * promise that everything written so far is there: the ingest API answers only after it.
 */
export class WriteQueue {
  private readonly queue: Waiting[] = [];
  /** Callers of `committed`, each waiting for the set holding change number `target`. */
  private readonly waiters = new Set<{ target: number; resolve: () => void }>();
  private committedUpto = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failure: { since: number; message: string } | null = null;
  private stopped = false;
  private abandoned = false;
  private pendingRows = 0;
  private droppedRows = 0;
  private committedRows = 0;

  constructor(private readonly options: WriteQueueOptions) {}

  /** Starts shipping (this gateway now writes the system of record). */
  arm(): void {
    this.timer ??= setInterval(() => this.ship(), this.options.flushEveryMs ?? 50);
    this.timer.unref();
  }

  get armed(): boolean {
    return this.timer !== null;
  }

  /** Resolves once every write made so far is committed in PostgreSQL; rejects after `timeoutMs` without it. */
  committed(timeoutMs = 5000): Promise<void> {
    if (this.abandoned) return Promise.reject(this.unavailableError() ?? new StoreUnavailableError('this gateway no longer writes the PostgreSQL store', 2));
    if (!this.armed || this.stopped) return Promise.resolve();
    const target = this.options.capture.lastChange() ?? this.queue.at(-1)?.set.upto;
    if (target === undefined || target === null) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(this.unavailableError() ?? new StoreUnavailableError(`PostgreSQL did not commit within ${timeoutMs} ms`, 2));
      }, timeoutMs);
      const waiter = { target, resolve: () => (clearTimeout(timeout), resolve()) };
      this.waiters.add(waiter);
      this.ship();
    });
  }

  /** Set while PostgreSQL cannot be reached: what to tell a client, and when to retry. */
  unavailableError(): StoreUnavailableError | null {
    if (!this.failure) return null;
    return new StoreUnavailableError(`the PostgreSQL store cannot be reached (${this.failure.message})`, 2);
  }

  stats(): { pendingRows: number; droppedRows: number; committedRows: number; failing: boolean } {
    return { pendingRows: this.pendingRows, droppedRows: this.droppedRows, committedRows: this.committedRows, failing: this.failure !== null };
  }

  /** Stops shipping after one last attempt (up to `timeoutMs`) at what is waiting. */
  async stop(timeoutMs = 3000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.stopped) return;
    this.stopped = true;
    const drained = (async () => {
      // One attempt at a time: the loop of `ship` finishes its own first.
      await this.running;
      for (let more = this.enqueue(true); more || this.queue.length > 0; more = this.enqueue(true)) {
        if (!(await this.attempt())) return;
      }
    })();
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    if (this.pendingRows > 0) this.options.logger.error('stopped with writes not in PostgreSQL', { rows: this.pendingRows });
  }

  /** Stops at once and forgets what waits (this gateway lost the lease, or was fenced: another now writes the record). */
  abandon(reason = 'the lease was lost'): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopped = true;
    this.abandoned = true;
    this.failure ??= { since: Date.now(), message: reason };
    if (this.pendingRows > 0) this.options.logger.error('writes not yet in PostgreSQL are left out', { reason, rows: this.pendingRows });
    this.queue.length = 0;
    this.pendingRows = 0;
  }

  /** Takes the next changes into the queue; false when there were none. */
  private enqueue(force = false): boolean {
    if ((!this.armed || this.stopped) && !force) return false;
    const set = this.options.capture.take();
    if (!set) return false;
    const bounded = this.pendingRows + set.size > (this.options.maxPendingRows ?? 200_000) ? this.withoutSummaries(set) : set;
    this.queue.push({ set: bounded });
    this.pendingRows += bounded.size;
    return true;
  }

  private withoutSummaries(set: ChangeSet): ChangeSet {
    const upserts = set.upserts.filter(({ table }) => !SUMMARIES.has(table.name));
    const deletes = set.deletes.filter(({ table }) => !SUMMARIES.has(table.name));
    const size = [...upserts.map((u) => u.rows.length), ...deletes.map((d) => d.keys.length)].reduce((a, b) => a + b, 0);
    this.droppedRows += set.size - size;
    this.options.logger.warn('PostgreSQL writes past their bound: history minutes and quarter hours dropped', { dropped: set.size - size, waiting: this.pendingRows });
    return { upserts, deletes, sequences: set.sequences, size, upto: set.upto };
  }

  private ship(): void {
    this.enqueue();
    if (this.running || this.queue.length === 0) return;
    this.running = (async () => {
      try {
        while (this.queue.length > 0 && !this.stopped) {
          const ok = await this.attempt();
          if (!ok) await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 1000));
          this.enqueue();
        }
      } finally {
        this.running = null;
      }
    })();
  }

  /** One transaction with every set waiting now (in order); true when it committed. */
  private async attempt(): Promise<boolean> {
    const batch = this.queue.slice(0, 20);
    try {
      await inTransaction(this.options.pool, async (client) => {
        await this.options.fence.check(client);
        for (const { set } of batch) {
          // Children's deletes first, parents' upserts first: a key freed and taken again in one set never collides.
          for (const { table, keys } of [...set.deletes].reverse()) await deleteRows(client, table, keys);
          for (const { table, rows } of set.upserts) await upsertRows(client, table, rows);
          await writeSequences(client, set.sequences);
        }
      });
    } catch (error) {
      const message = (error as Error).message || String(error);
      if (error instanceof FencedError) {
        // For good: this gateway's copy is no longer the record's. Ingest is refused until it restarts.
        this.failure = { since: Date.now(), message };
        this.abandon(message);
        return false;
      }
      if (!this.failure) this.options.logger.error('PostgreSQL write failed: ingest answers 503 until it is back; writes wait, in order', { problem: message, rows: this.pendingRows });
      this.failure = { since: Date.now(), message };
      return false;
    }
    if (this.failure) this.options.logger.info('PostgreSQL reachable again: waiting writes committed', { rows: this.pendingRows, downMs: Date.now() - this.failure.since });
    this.failure = null;
    this.queue.splice(0, batch.length);
    for (const { set } of batch) {
      this.pendingRows -= set.size;
      this.committedRows += set.size;
      this.committedUpto = set.upto;
    }
    for (const waiter of this.waiters) {
      if (waiter.target > this.committedUpto) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
    return true;
  }
}
