import type { StateCreator } from 'zustand';
import { compareLevels } from '../../../shared/health/levels';
import type { Office, Queue, QueueGroup } from '../../../shared/model';
import type { Alert, QueueState, QueueStatePatch, Snapshot } from '../../../shared/protocol/protocol';
import type { AppState } from './store';

/** When a batch of patches arrived: the local time, and the gateway's clock offset read from it. */
export interface PatchTiming {
  clockOffsetMs?: number;
  localTime?: number;
}

export interface FeedSlice {
  feed: {
    offices: readonly Office[];
    queues: readonly Queue[];
    /** Named sets of queues a wall can show alone (`?group=`); empty from a gateway without any. */
    groups: readonly QueueGroup[];
    states: Readonly<Record<string, QueueState>>;
    /** Open alerts by id; a resolved one leaves. */
    alerts: Readonly<Record<string, Alert>>;
    /** Sequence number of the last update applied. */
    seq: number;
    /**
     * Local time each queue last turned critical during this connection: the wall flashes and chimes on
     * the transition only, never for a snapshot (a screen switched on must not greet everyone with alarms).
     */
    escalatedAt: Readonly<Record<string, number>>;
  };
  applySnapshot: (snapshot: Snapshot, localTime: number) => void;
  /** Applies a frame's worth of patches and alert changes in one store write. */
  applyPatches: (patches: readonly QueueStatePatch[], seq: number, alerts?: readonly Alert[], at?: PatchTiming) => void;
}

export const createFeedSlice: StateCreator<AppState, [], [], FeedSlice> = (set) => ({
  feed: { offices: [], queues: [], groups: [], states: {}, alerts: {}, seq: 0, escalatedAt: {} },
  applySnapshot: (snapshot, localTime) =>
    set((s) => ({
      feed: {
        offices: snapshot.offices,
        queues: snapshot.queues,
        groups: snapshot.groups ?? [],
        states: Object.fromEntries(snapshot.states.map((state) => [state.queueId, state])),
        alerts: Object.fromEntries(snapshot.alerts.map((alert) => [alert.id, alert])),
        seq: snapshot.seq,
        // Keep only queues still configured, so the map stays as small as the board.
        escalatedAt: Object.fromEntries(
          Object.entries(s.feed.escalatedAt).filter(([id]) => snapshot.queues.some((q) => q.id === id)),
        ),
      },
      connection: { ...s.connection, clockOffsetMs: snapshot.serverTime - localTime },
    })),
  applyPatches: (patches, seq, alertChanges = [], { clockOffsetMs, localTime = Date.now() } = {}) =>
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
      let escalatedAt = s.feed.escalatedAt;
      for (const patch of patches) {
        const current = states[patch.queueId];
        if (!current) continue;
        if (patch.health?.status === 'critical' && current.health.status !== 'critical') {
          escalatedAt = { ...escalatedAt, [patch.queueId]: localTime };
        }
        states[patch.queueId] = {
          queueId: current.queueId,
          metrics: patch.metrics ? { ...current.metrics, ...patch.metrics } : current.metrics,
          health: patch.health ?? current.health,
          updatedAt: patch.updatedAt === undefined ? current.updatedAt : patch.updatedAt,
          staffing: patch.staffing === undefined ? current.staffing : patch.staffing,
          usual: patch.usual === undefined ? current.usual : patch.usual,
        };
      }
      // Updates carry the gateway's time too: keep the offset fresh (a sped-up demo clock drifts fast).
      const connection = clockOffsetMs === undefined ? s.connection : { ...s.connection, clockOffsetMs };
      return { feed: { ...s.feed, states, alerts, seq, escalatedAt }, connection };
    }),
});

export const feedSelectors = {
  offices: (s: AppState) => s.feed.offices,
  queues: (s: AppState) => s.feed.queues,
  groups: (s: AppState) => s.feed.groups,
  queueState: (queueId: string) => (s: AppState) => s.feed.states[queueId],
  alerts: (s: AppState) => s.feed.alerts,
  /** A queue's open alerts that someone acknowledged or snoozed (use with useShallow). */
  handledAlerts: (queueId: string) => (s: AppState) =>
    Object.values(s.feed.alerts).filter((a) => a.queueId === queueId && (a.acknowledged !== null || a.snoozed !== null)),
  escalatedAt: (queueId: string) => (s: AppState) => s.feed.escalatedAt[queueId],
  /** The open alert that matters most for a queue: critical before warning, then the newest. */
  worstAlert: (queueId: string) => (s: AppState) => worstAlertOf(Object.values(s.feed.alerts), queueId),
};

export function worstAlertOf(alerts: Iterable<Alert>, queueId: string): Alert | undefined {
  let worst: Alert | undefined;
  for (const alert of alerts) {
    if (alert.queueId !== queueId || alert.resolvedAt !== null) continue;
    const worse = worst ? compareLevels(alert.level, worst.level) : 1;
    if (!worst || worse > 0 || (worse === 0 && alert.openedAt > worst.openedAt)) worst = alert;
  }
  return worst;
}
