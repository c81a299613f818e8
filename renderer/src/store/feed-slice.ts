import type { StateCreator } from 'zustand';
import type { Office, Queue } from '../../../shared/model';
import type { Alert, QueueState, QueueStatePatch, Snapshot } from '../../../shared/protocol/protocol';
import type { AppState } from './store';

export interface FeedSlice {
  feed: {
    offices: readonly Office[];
    queues: readonly Queue[];
    states: Readonly<Record<string, QueueState>>;
    /** Open alerts by id; a resolved one leaves. */
    alerts: Readonly<Record<string, Alert>>;
    /** Sequence number of the last update applied. */
    seq: number;
  };
  applySnapshot: (snapshot: Snapshot, localTime: number) => void;
  /** Applies a frame's worth of patches and alert changes in one store write. */
  applyPatches: (patches: readonly QueueStatePatch[], seq: number, alerts?: readonly Alert[], clockOffsetMs?: number) => void;
}

export const createFeedSlice: StateCreator<AppState, [], [], FeedSlice> = (set) => ({
  feed: { offices: [], queues: [], states: {}, alerts: {}, seq: 0 },
  applySnapshot: (snapshot, localTime) =>
    set((s) => ({
      feed: {
        offices: snapshot.offices,
        queues: snapshot.queues,
        states: Object.fromEntries(snapshot.states.map((state) => [state.queueId, state])),
        alerts: Object.fromEntries(snapshot.alerts.map((alert) => [alert.id, alert])),
        seq: snapshot.seq,
      },
      connection: { ...s.connection, clockOffsetMs: snapshot.serverTime - localTime },
    })),
  applyPatches: (patches, seq, alertChanges = [], clockOffsetMs) =>
    set((s) => {
      let alerts = s.feed.alerts;
      if (alertChanges.length > 0) {
        const next = { ...alerts };
        for (const alert of alertChanges) {
          if (alert.resolvedAt === null) next[alert.id] = alert;
          else delete next[alert.id];
        }
        alerts = next;
      }
      const states = { ...s.feed.states };
      for (const patch of patches) {
        const current = states[patch.queueId];
        if (!current) continue;
        states[patch.queueId] = {
          queueId: current.queueId,
          metrics: patch.metrics ? { ...current.metrics, ...patch.metrics } : current.metrics,
          health: patch.health ?? current.health,
          updatedAt: patch.updatedAt === undefined ? current.updatedAt : patch.updatedAt,
        };
      }
      // Updates carry the gateway's time too: keep the offset fresh (a sped-up demo clock drifts fast).
      const connection = clockOffsetMs === undefined ? s.connection : { ...s.connection, clockOffsetMs };
      return { feed: { ...s.feed, states, alerts, seq }, connection };
    }),
});

export const feedSelectors = {
  offices: (s: AppState) => s.feed.offices,
  queues: (s: AppState) => s.feed.queues,
  queueState: (queueId: string) => (s: AppState) => s.feed.states[queueId],
  alerts: (s: AppState) => s.feed.alerts,
  /** A queue's open alerts that someone acknowledged or snoozed (use with useShallow). */
  handledAlerts: (queueId: string) => (s: AppState) =>
    Object.values(s.feed.alerts).filter((a) => a.queueId === queueId && (a.acknowledged !== null || a.snoozed !== null)),
};
