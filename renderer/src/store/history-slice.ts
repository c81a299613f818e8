import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Points kept per queue: an hour at one per minute. Bounded, so weeks on the wall use flat memory. */
export const HISTORY_POINTS = 60;

/** A queue's recent backlog, one point per minute, oldest first. */
export interface BacklogSeries {
  readonly at: readonly number[];
  readonly values: readonly (number | null)[];
}

export interface HistorySlice {
  history: { backlog: Readonly<Record<string, BacklogSeries>> };
  /** Replaces every queue's series with the gateway's minute history (after a snapshot). */
  loadHistory: (series: Readonly<Record<string, BacklogSeries>>) => void;
  /** Appends one live point per queue for the minute starting at `minute`; a minute already there is replaced. */
  appendMinute: (minute: number, values: Readonly<Record<string, number | null>>) => void;
}

function bounded(series: BacklogSeries): BacklogSeries {
  const drop = Math.max(0, series.at.length - HISTORY_POINTS);
  return drop === 0 ? series : { at: series.at.slice(drop), values: series.values.slice(drop) };
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  history: { backlog: {} },
  loadHistory: (series) =>
    set(() => ({ history: { backlog: Object.fromEntries(Object.entries(series).map(([id, s]) => [id, bounded(s)])) } })),
  appendMinute: (minute, values) =>
    set((s) => {
      const backlog: Record<string, BacklogSeries> = {};
      for (const [queueId, value] of Object.entries(values)) {
        const current = s.history.backlog[queueId] ?? { at: [], values: [] };
        const last = current.at.length - 1;
        if (last >= 0 && current.at[last]! > minute) {
          backlog[queueId] = current; // the gateway's history is already ahead of this clock
        } else if (last >= 0 && current.at[last] === minute) {
          backlog[queueId] = { at: current.at, values: [...current.values.slice(0, last), value] };
        } else {
          backlog[queueId] = bounded({ at: [...current.at, minute], values: [...current.values, value] });
        }
      }
      // Queues no longer configured leave with the next minute: nothing grows without bound.
      return { history: { backlog } };
    }),
});

export const historySelectors = {
  backlog: (queueId: string) => (s: AppState) => s.history.backlog[queueId],
};
