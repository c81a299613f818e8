import type { WindowSnapshot } from './engine-snapshot';
import { round1 } from './queue-windows';
import { SampleWindow } from './sample-window';

/** CSAT's rolling window when the configuration names none: a week, so a quiet night does not empty it. */
export const DEFAULT_CSAT_WINDOW_MS = 7 * 86_400_000;

/**
 * Customer ratings per queue over their own rolling window (by rating time): CSAT is the share of satisfied
 * ratings in percent, one decimal, with the number of ratings it is of. Kept apart from QueueWindows because
 * a week of ratings outlives every other window. Bounded like the other windows: past `capacity` the oldest
 * ratings are dropped and counted.
 */
export class CsatWindows {
  private readonly byQueue = new Map<string, SampleWindow>();

  constructor(
    queueIds: Iterable<string>,
    private readonly windowMs: number,
    capacity: number,
  ) {
    for (const id of queueIds) this.byQueue.set(id, new SampleWindow(capacity));
  }

  /** Records one rating; false for a queue the engine does not know. */
  rate(queueId: string, at: number, satisfied: boolean): boolean {
    const window = this.byQueue.get(queueId);
    if (!window) return false;
    window.add(at, satisfied ? 1 : 0);
    return true;
  }

  valuesFor(queueId: string, now: number): { csat: number | null; csatRatings: number } {
    const window = this.byQueue.get(queueId);
    if (!window) return { csat: null, csatRatings: 0 };
    window.prune(now - this.windowMs);
    return { csat: window.size === 0 ? null : round1((window.sum() / window.size) * 100), csatRatings: window.size };
  }

  /** Lets ratings older than the window go, as reading does: a checkpoint is taken pruned. */
  prune(now: number): void {
    for (const window of this.byQueue.values()) window.prune(now - this.windowMs);
  }

  /** Each queue's ratings, for the event log's checkpoint (compaction deletes the rated events it covers). */
  snapshot(): Record<string, WindowSnapshot> {
    return Object.fromEntries([...this.byQueue].map(([queueId, window]) => [queueId, window.snapshot()]));
  }

  /** Puts a checkpoint's ratings back; queues no longer configured are left out, new ones start empty. */
  restore(saved: Readonly<Record<string, WindowSnapshot>>): void {
    for (const [queueId, window] of this.byQueue) {
      const ratings = saved[queueId];
      if (ratings) window.restore(ratings);
      else window.restore({ ats: [], values: [], total: 0, evicted: 0 });
    }
  }

  retained(): number {
    let total = 0;
    for (const window of this.byQueue.values()) total += window.size;
    return total;
  }

  evicted(): number {
    let total = 0;
    for (const window of this.byQueue.values()) total += window.evicted;
    return total;
  }
}
