import { describe, expect, it } from 'vitest';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { createAppStore } from '../store/store';
import { startHistoryClient, type HistorySocket } from './history-client';

class FakeSocket implements HistorySocket {
  listeners = new Map<string, Set<() => void>>();
  requests: Array<{ request: unknown; reply: (response: unknown) => void }> = [];
  on(event: string, listener: () => void) {
    this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
  }
  off(event: string, listener: () => void) {
    this.listeners.get(event)?.delete(listener);
  }
  emit(_event: 'history', request: unknown, reply: (response: unknown) => void) {
    this.requests.push({ request, reply });
  }
  fire(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

const MIN = 60_000;
const T0 = 1_700_000_040_000; // a whole minute, as the gateway's own clock

function setup() {
  const store = createAppStore();
  const socket = new FakeSocket();
  const timers = new Set<() => void>();
  let now = T0;
  const stop = startHistoryClient({
    store,
    socket,
    setInterval: (callback) => (timers.add(callback), callback),
    clearInterval: (handle) => timers.delete(handle as () => void),
    now: () => now,
  });
  const tick = (ms: number) => {
    now += ms;
    timers.forEach((t) => t());
  };
  return { store, socket, timers, tick, stop };
}

describe('history client', () => {
  it('asks for the last hour of backlog once per connection and loads the answer', () => {
    const { store, socket } = setup();
    socket.fire('snapshot');
    socket.fire('snapshot'); // a resync
    expect(socket.requests.map((r) => r.request)).toEqual([{ spanMs: 60 * MIN, metrics: ['backlog'] }]);
    socket.requests[0]!.reply({ ok: true, resolutionMs: MIN, queues: [{ queueId: 'lis-chat', at: [T0 - MIN, T0], values: { backlog: [3, 4] } }] });
    expect(store.getState().history.backlog['lis-chat']).toEqual({ at: [T0 - MIN, T0], values: [3, 4] });
    socket.fire('disconnect');
    socket.fire('snapshot');
    expect(socket.requests).toHaveLength(2);
  });

  it('ignores an invalid answer and one that arrives after a reconnect', () => {
    const { store, socket } = setup();
    socket.fire('snapshot');
    socket.requests[0]!.reply({ ok: true, queues: 'nonsense' });
    expect(store.getState().history.backlog).toEqual({});
    socket.fire('snapshot'); // tried again after the invalid answer
    socket.fire('disconnect');
    socket.requests[1]!.reply({ ok: true, resolutionMs: MIN, queues: [{ queueId: 'lis-chat', at: [T0], values: { backlog: [1] } }] });
    expect(store.getState().history.backlog).toEqual({});
  });

  it('adds one point a minute from live values, none while disconnected or for a stale queue, and stops cleanly', () => {
    const { store, tick, timers, stop, socket } = setup();
    store.getState().applySnapshot(
      snapshot(1, { serverTime: T0, states: [state('lis-chat', { metrics: { backlog: 7 } as never }), state('lis-email', { health: { status: 'stale', metrics: {}, stale: { reason: 'no-recent-data', message: 'x', lastStatus: 'ok' }, atRisk: null } }), state('ams-phone')] }),
      T0,
    );
    store.getState().setConnection('live');
    tick(MIN);
    expect(store.getState().history.backlog['lis-chat']).toEqual({ at: [T0 + MIN], values: [7] });
    expect(store.getState().history.backlog['lis-email']!.values).toEqual([null]);
    store.getState().setConnection('reconnecting', { key: 'disconnected' });
    tick(MIN);
    expect(store.getState().history.backlog['lis-chat']!.at).toHaveLength(1);
    stop();
    expect(timers.size).toBe(0);
    expect([...socket.listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('starts each sparkline from the snapshot at once, and keeps this minute when the hour arrives (issue 17)', () => {
    const { store, socket } = setup();
    store.getState().applySnapshot(snapshot(1, { serverTime: T0, states: [state('lis-chat', { metrics: { backlog: 7 } as never })] }), T0);
    store.getState().setConnection('live');
    socket.fire('snapshot');
    expect(store.getState().history.backlog['lis-chat']).toEqual({ at: [T0], values: [7] });
    socket.requests[0]!.reply({ ok: true, resolutionMs: MIN, queues: [{ queueId: 'lis-chat', at: [T0 - 2 * MIN, T0 - MIN], values: { backlog: [5, 6] } }] });
    expect(store.getState().history.backlog['lis-chat']).toEqual({ at: [T0 - 2 * MIN, T0 - MIN, T0], values: [5, 6, 7] });
    // A gateway without a store answers with no queues: the snapshot's point stays, the next minute makes a line.
    socket.fire('disconnect');
    socket.fire('snapshot');
    socket.requests[1]!.reply({ ok: true, resolutionMs: MIN, queues: [] });
    expect(store.getState().history.backlog['lis-chat']).toEqual({ at: [T0], values: [7] });
  });
});
