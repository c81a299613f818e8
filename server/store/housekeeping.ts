import { monotonicNow, type Clock, type Scheduler } from '../runtime/clock';

/** The parts of the store that grow without end unless pruned. */
export interface PrunableStore {
  history: { prune(cutoffMs: number): number };
  events: { prune(cutoffMs: number): unknown };
}

export interface HousekeepingOptions {
  store: PrunableStore;
  clock: Clock;
  scheduler: Scheduler;
  /** The longest metric window: events inside it are still needed to rebuild the queues after a restart. */
  resolutionHours: number;
  /** Clock milliseconds per real millisecond (--speed). */
  clockSpeed: number;
  /** Wraps each pruning, to time it with the other database writes. */
  timed: (write: () => void) => void;
}

/** Screens can ask for the last 24 hours of history. */
export const HISTORY_RETENTION_MS = 24 * 3_600_000;
const EVERY_CLOCK_MS = 10 * 60_000;

/** Keeps the store bounded: history older than a day, events older than what any window or the history needs. */
export class Housekeeping {
  private cancel: (() => void) | null = null;
  /** The wall time of the last run and the monotonic time it was taken at. */
  private anchor: { wall: number; monotonic: number } | null = null;

  constructor(private readonly options: HousekeepingOptions) {}

  run(): void {
    const { store, resolutionHours, timed } = this.options;
    const now = this.prunedUpTo();
    const eventCutoff = now - Math.max(HISTORY_RETENTION_MS, resolutionHours * 3_600_000);
    timed(() => {
      store.history.prune(now - HISTORY_RETENTION_MS);
      store.events.prune(eventCutoff);
    });
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
    this.cancel ??= this.options.scheduler.every(Math.max(1000, EVERY_CLOCK_MS / this.options.clockSpeed), () => this.run());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
