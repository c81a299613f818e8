import { monotonicNow, type Clock, type Scheduler } from '../runtime/clock';
import type { Logger } from '../runtime/logger';

/** The parts of the store that grow without end unless pruned or compacted. */
export interface PrunableStore {
  history: { prune(cutoffMs: number): number };
  events: { compact(state: string, options?: { deleteCovered?: boolean }): unknown; pruneKeys(cutoffMs: number): number; deleteCovered?(limit: number): number };
}

/**
 * A compaction taken in slices that yield to the event loop, so walls, beats and /healthz keep their
 * schedule while a large state (a flood's million open tickets: over a second of work) is written.
 */
export interface SlicedCompaction {
  /** Holds durable input back until the returned function is called: the engine keeps the log's state. */
  hold(): () => void;
  /** The checkpoint, built a queue at a time (it yields between them). */
  stateSlices(now: number): Generator<void, string>;
  /** Resolves on a later turn of the event loop (setImmediate): what waited meanwhile runs. */
  nextTurn(): Promise<void>;
}

export interface HousekeepingOptions {
  store: PrunableStore;
  clock: Clock;
  scheduler: Scheduler;
  /**
   * The state of the engine that holds exactly the durable input appended so far, pruned to `now` (JSON):
   * it becomes the event log's checkpoint, and the input it covers is deleted with the same commit.
   */
  engineState: (now: number) => string;
  /** Clock milliseconds per real millisecond (--speed). */
  clockSpeed: number;
  /** Where a beat that failed (a full disk) is reported; the next beat tries again. */
  logger: Logger;
  /** Wraps each pruning, to time it with the other database writes. */
  timed: (write: () => void) => void;
  /** A tail this long is compacted at once rather than at the next beat: it bounds the replay at a restart. */
  compactEveryEvents?: number;
  /** How long idempotency keys are kept (inputKeyHorizonMs); two days by default. */
  keyHorizonMs?: number;
  /** Compactions after the first run are taken in slices; absent, each is one synchronous write. */
  sliced?: SlicedCompaction;
}

/** Screens can ask for the last 24 hours of history. */
export const HISTORY_RETENTION_MS = 24 * 3_600_000;
/**
 * A batch retried within this span of its first arrival is still recognised as a duplicate, although a
 * checkpoint has absorbed the input itself: two days covers a sender that retries after a day-long outage.
 */
export const INPUT_KEY_HORIZON_MS = 48 * 3_600_000;

/**
 * The horizon for a configuration: a connector re-reads `backfillHours` at every start, so its keys are
 * kept that long plus a day the gateway may have been down; otherwise a re-read event would count twice.
 */
export function inputKeyHorizonMs(connectors: ReadonlyArray<object>): number {
  const backfill = connectors.map((c) => ('backfillHours' in c && typeof c.backfillHours === 'number' ? c.backfillHours : 0));
  return Math.max(INPUT_KEY_HORIZON_MS, (Math.max(0, ...backfill) + 24) * 3_600_000);
}
const EVERY_CLOCK_MS = 10 * 60_000;
/** A tail this long is compacted at once (a flood), not at the next beat: it bounds the replay at a restart. */
export const COMPACT_EVERY_EVENTS = 200_000;
/**
 * A checkpoint about this large takes ~50 ms to write (2 shared cores); a larger one is written that many
 * times less often at the beat, so a huge state (a flood's million open tickets: 57 MB, ~1 s) does not hold
 * the event loop every ten minutes. The tail stays bounded by COMPACT_EVERY_EVENTS whatever the state.
 */
export const STATE_BYTES_PER_BEAT = 2.5 * 2 ** 20;
/** Covered input deleted per transaction after a sliced compaction: a few milliseconds each. */
export const DELETE_SLICE_ROWS = 5000;

/**
 * Keeps the store bounded: history older than a day; the event log as one checkpoint of the engine plus
 * the tail since it (compacted every ten clock minutes, less often for a huge state, at once when the tail
 * grows long); idempotency keys older than their horizon.
 */
export class Housekeeping {
  private cancel: (() => void) | null = null;
  private tail = 0;
  private compactedAt: number | null = null;
  private stateBytes = 0;
  /** The wall time of the last run and the monotonic time it was taken at. */
  private anchor: { wall: number; monotonic: number } | null = null;
  /** A sliced compaction under way: at most one at a time. */
  private compacting: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: HousekeepingOptions) {}

  run(): void {
    const { store, timed, engineState } = this.options;
    const now = this.prunedUpTo();
    const compact = this.compactionDue(now);
    timed(() => {
      store.history.prune(now - HISTORY_RETENTION_MS);
      if (compact) {
        const state = engineState(now);
        store.events.compact(state);
        this.stateBytes = state.length;
      }
      store.events.pruneKeys(now - (this.options.keyHorizonMs ?? INPUT_KEY_HORIZON_MS));
    });
    // Only once it is written: a compaction that failed is tried again at the next beat.
    if (compact) {
      this.tail = 0;
      this.compactedAt = now;
    }
  }

  /** Counts input appended to the log since the last compaction; compacts once the tail is long. */
  appended(count: number): void {
    this.tail += count;
    if (this.tail < (this.options.compactEveryEvents ?? COMPACT_EVERY_EVENTS)) return;
    if (this.options.sliced) this.compactInSlices(this.prunedUpTo());
    else this.run();
  }

  /** Resolves once no sliced compaction is under way (tests, and a clean stop). */
  settled(): Promise<void> {
    return this.compacting ?? Promise.resolve();
  }

  /** The beat with sliced compaction: pruning at once (cheap), the compaction in slices when due. */
  private runSliced(): void {
    const { store, timed } = this.options;
    const now = this.prunedUpTo();
    timed(() => {
      store.history.prune(now - HISTORY_RETENTION_MS);
      store.events.pruneKeys(now - (this.options.keyHorizonMs ?? INPUT_KEY_HORIZON_MS));
    });
    if (this.compactionDue(now)) this.compactInSlices(now);
  }

  /**
   * Holds durable input, builds the checkpoint a queue at a time, writes it (one short transaction: the
   * row), lets input in again, then deletes what it covers in small transactions. Starts on the next turn,
   * so input let in by a previous hold is applied first. A failure is logged; the next beat tries again.
   */
  private compactInSlices(now: number): void {
    const sliced = this.options.sliced!;
    const { store, timed, logger } = this.options;
    this.compacting ??= (async () => {
      let release: (() => void) | null = null;
      try {
        await sliced.nextTurn();
        if (this.stopped) return;
        release = sliced.hold();
        const slices = sliced.stateSlices(now);
        let step = slices.next();
        while (!step.done) {
          await sliced.nextTurn();
          if (this.stopped) return;
          step = slices.next();
        }
        const state = step.value;
        timed(() => store.events.compact(state, { deleteCovered: store.events.deleteCovered === undefined }));
        this.tail = 0;
        this.compactedAt = now;
        this.stateBytes = state.length;
        release();
        release = null;
        for (let deleted = 1; deleted > 0 && !this.stopped && store.events.deleteCovered; ) {
          timed(() => (deleted = store.events.deleteCovered!(DELETE_SLICE_ROWS)));
          if (deleted > 0) await sliced.nextTurn();
        }
      } catch (error) {
        logger.error('compaction failed: the event log keeps its tail; the next beat tries again', { problem: (error as Error).message });
      } finally {
        release?.();
        this.compacting = null;
      }
    })();
  }

  /** The first run, a long tail, or a tail whose checkpoint is old enough for the state's size. */
  private compactionDue(now: number): boolean {
    if (this.compactedAt === null || this.tail >= (this.options.compactEveryEvents ?? COMPACT_EVERY_EVENTS)) return true;
    // Nothing new since the last checkpoint: it still holds the state (windows are pruned when read).
    if (this.tail === 0) return false;
    // A tenth of a beat of slack: a timer firing a little early must not push the compaction a whole beat on.
    return now - this.compactedAt >= EVERY_CLOCK_MS * (Math.max(1, this.stateBytes / STATE_BYTES_PER_BEAT) - 0.1);
  }

  /**
   * The wall time cutoffs are counted back from, never more than the monotonic time since the last run ahead
   * of it: a wall clock stepped forward must not prune data screens and windows still need. A step back
   * prunes less for a while, which is harmless.
   */
  private prunedUpTo(): number {
    const wall = this.options.clock.now();
    const monotonic = monotonicNow(this.options.clock);
    const now = this.anchor ? Math.min(wall, this.anchor.wall + (monotonic - this.anchor.monotonic)) : wall;
    this.anchor = { wall: now, monotonic };
    return now;
  }

  /** Every ten minutes of clock time: a sped-up soak prunes as often, in simulated time, as a real floor. */
  start(): void {
    this.stopped = false;
    this.cancel ??= this.options.scheduler.every(Math.max(1000, EVERY_CLOCK_MS / this.options.clockSpeed), () => this.beat());
  }

  /** A failure on the timer would end the gateway: it is logged instead, and the next beat tries again. */
  private beat(): void {
    try {
      if (this.options.sliced) this.runSliced();
      else this.run();
    } catch (error) {
      this.options.logger.error('housekeeping failed: history, event log and keys were not pruned; the next beat tries again', {
        problem: (error as Error).message,
      });
    }
  }

  /** Stops the beat; a sliced compaction under way stops at its next slice (its input is let in, nothing half-written). */
  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.stopped = true;
  }
}
