import { HISTORY_RESOLUTION_MS, HistoryResponseSchema, type HistoryRequest } from '../../../shared/protocol/protocol';
import { parseWith } from '../../../shared/protocol/validation';
import { HISTORY_POINTS, type BacklogSeries } from '../store/history-slice';
import type { AppStore } from '../store/store';

/** The part of a socket.io client socket the history feed uses; tests pass a fake. */
export interface HistorySocket {
  on(event: 'snapshot' | 'disconnect', listener: () => void): unknown;
  off(event: 'snapshot' | 'disconnect', listener: () => void): unknown;
  emit(event: 'history', request: HistoryRequest, reply: (response: unknown) => void): unknown;
}

export interface HistoryClientOptions {
  store: AppStore;
  socket: HistorySocket;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  now?: () => number;
}

/**
 * Keeps each queue's backlog sparkline: asks the gateway for the last hour after each connection's first
 * snapshot, then adds one live point a minute from the store. Each series is bounded (HISTORY_POINTS).
 * The snapshot's own backlog is this minute's point at once, before and after the hour arrives: a fresh wall
 * starts from what it already knows, and a gateway without history (no store) draws a line a minute later.
 */
export function startHistoryClient({ store, socket, setInterval, clearInterval, now = Date.now }: HistoryClientOptions): () => void {
  let loadedThisConnection = false;
  let requestId = 0;

  const onSnapshot = () => {
    if (loadedThisConnection) return; // a resync does not need the hour again
    loadedThisConnection = true;
    const id = ++requestId;
    socket.emit('history', { spanMs: HISTORY_POINTS * HISTORY_RESOLUTION_MS, metrics: ['backlog'] }, (response) => {
      if (id !== requestId) return; // an answer from an older connection
      const parsed = parseWith(HistoryResponseSchema, response);
      if (!parsed.ok || !parsed.value.ok) {
        loadedThisConnection = false; // try again with the next snapshot
        return;
      }
      const series: Record<string, BacklogSeries> = {};
      for (const queue of parsed.value.queues) series[queue.queueId] = { at: queue.at, values: queue.values.backlog ?? queue.at.map(() => null) };
      store.getState().loadHistory(series);
      sample();
    });
    sample();
  };
  const onDisconnect = () => {
    loadedThisConnection = false;
    requestId++;
  };
  socket.on('snapshot', onSnapshot);
  socket.on('disconnect', onDisconnect);

  const sample = () => {
    const state = store.getState();
    if (state.connection.status !== 'live') return; // no invented points while the numbers are old
    const minute = Math.floor((now() + state.connection.clockOffsetMs) / HISTORY_RESOLUTION_MS) * HISTORY_RESOLUTION_MS;
    const values: Record<string, number | null> = {};
    for (const queue of state.feed.queues) {
      const current = state.feed.states[queue.id];
      values[queue.id] = current && current.health.status !== 'stale' ? current.metrics.backlog : null;
    }
    state.appendMinute(minute, values);
  };
  const handle = setInterval(sample, HISTORY_RESOLUTION_MS);

  return () => {
    clearInterval(handle);
    socket.off('snapshot', onSnapshot);
    socket.off('disconnect', onDisconnect);
  };
}
