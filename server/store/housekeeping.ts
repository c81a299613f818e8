import type { Clock, Scheduler } from '../runtime/clock';

/** The parts of the store that grow without end unless pruned. */
export interface PrunableStore {
  history: { prune(cutoffMs: number): number };
  events: { prune(cutoffMs: number, ratingsCutoffMs?: number): unknown };
}

export interface HousekeepingOptions {
  store: PrunableStore;
  clock: Clock;
  scheduler: Scheduler;
  /** The longest metric window: events inside it are still needed to rebuild the queues after a restart. */
  resolutionHours: number;
  /** The CSAT window: ratings inside it are kept for a restart, however old the other events are. */
  csatDays?: number;
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

  constructor(private readonly options: HousekeepingOptions) {}

  run(): void {
    const { store, clock, resolutionHours, csatDays, timed } = this.options;
    const now = clock.now();
    const eventCutoff = now - Math.max(HISTORY_RETENTION_MS, resolutionHours * 3_600_000);
    const ratingsCutoff = csatDays === undefined ? eventCutoff : Math.min(eventCutoff, now - csatDays * 86_400_000);
    timed(() => {
      store.history.prune(now - HISTORY_RETENTION_MS);
      store.events.prune(eventCutoff, ratingsCutoff);
    });
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
