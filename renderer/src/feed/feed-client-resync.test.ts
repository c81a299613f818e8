import { describe, expect, it } from 'vitest';
import { FakeSocket } from '../../../tests/support/fake-feed-socket';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { createAppStore } from '../store/store';
import { boardRetryDelay } from './board-requests';
import { startFeedClient } from './feed-client';

/** One-shot timers a test runs by hand, in the order they fall due; a cancelled one never runs. */
function fakeTimers() {
  let clock = 1_700_000_000_000;
  const timers: Array<{ at: number; task: () => void; cancelled: boolean }> = [];
  return {
    now: () => clock,
    after: (ms: number, task: () => void) => {
      const timer = { at: clock + ms, task, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    pending: () => timers.filter((t) => !t.cancelled).map((t) => t.at - clock),
    /** Moves the clock to the next timer and runs it; returns the wait it had. */
    runNext() {
      const next = timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at)[0];
      if (!next) throw new Error('no timer pending');
      const waited = next.at - clock;
      clock = next.at;
      next.cancelled = true;
      next.task();
      return waited;
    },
    advance(ms: number) {
      clock += ms;
    },
  };
}

const update = (seq: number) => ({ serverTime: 1, seq, changes: [{ queueId: 'lis-chat', metrics: { backlog: seq } }] });

function setup(random = () => 0.5) {
  const store = createAppStore();
  const socket = new FakeSocket();
  const time = fakeTimers();
  startFeedClient({ store, socket, requestFrame: (f) => f(), now: time.now, every: () => () => {}, after: time.after, random });
  return { store, socket, time };
}

describe('a screen whose requests for its board go unanswered', () => {
  it('keeps asking, with a growing wait, says what it is doing, and goes live when the board comes', () => {
    const { store, socket, time } = setup();
    socket.receive('connect');
    expect(socket.emitted).toEqual([]); // the gateway sends the board on connect unasked
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      socket.receive('heartbeat', { serverTime: time.now() }); // the gateway speaks, but no board comes
      waits.push(time.runNext());
      expect(store.getState().connection.status).toBe('connecting');
      expect(store.getState().connection.problem).toEqual({ key: 'awaiting-board', attempt: i + 2, retryAt: time.now() + time.pending()[0]! });
    }
    expect(socket.emitted).toEqual(Array(7).fill('resync'));
    expect(waits).toEqual([1500, 3000, 6000, 12_000, 22_500, 22_500, 22_500]);
    expect(time.pending()).toHaveLength(1); // one request out at a time

    socket.receive('snapshot', snapshot(7));
    expect(store.getState().connection).toMatchObject({ status: 'live', problem: null });
    expect(store.getState().feed.queues).toHaveLength(3);
    expect(time.pending()).toEqual([]);
  });

  it('leaves live at once when an update is missing, shows the board as old, and asks again until it is answered', () => {
    const { store, socket, time } = setup();
    socket.receive('connect');
    socket.receive('snapshot', snapshot(7));
    const boardAt = time.now();
    socket.receive('update', update(9)); // seq 8 lost
    expect(socket.emitted).toEqual(['resync']);
    expect(store.getState().connection.status).toBe('connecting');
    time.advance(500);
    socket.receive('heartbeat', { serverTime: time.now() });
    socket.receive('update', update(10));
    // The board's age is that of its last applied message: heartbeats while it is owed do not make old data young.
    expect(store.getState().connection.lastMessageAt).toBe(boardAt);
    time.runNext();
    time.runNext();
    expect(socket.emitted).toEqual(['resync', 'resync', 'resync']);
    expect(store.getState().connection.problem).toMatchObject({ key: 'awaiting-board', attempt: 3 });
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4); // nothing applied over the old board
    socket.receive('snapshot', snapshot(12));
    expect(store.getState().connection.status).toBe('live');
    expect(store.getState().connection.lastMessageAt).toBe(time.now());
    socket.receive('update', update(13));
    expect(socket.emitted).toHaveLength(3);
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(13);
    expect(time.pending()).toEqual([]);
  });

  it('asks nothing while the socket is down, and starts again from the first wait when it reconnects', () => {
    const { socket, time } = setup();
    socket.receive('connect');
    time.runNext();
    time.runNext();
    expect(socket.emitted).toHaveLength(2);
    socket.receive('disconnect', 'transport close');
    expect(time.pending()).toEqual([]);
    socket.receive('connect');
    expect(time.pending()).toEqual([1500]);
    socket.receive('connect'); // a second connect event never doubles the requests
    expect(time.pending()).toEqual([1500]);
    time.runNext();
    expect(socket.emitted).toHaveLength(3);
  });

  it('asks once for a gap while a request is out, not once per gap', () => {
    const { socket, time } = setup();
    socket.receive('connect');
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', update(9));
    socket.receive('update', update(11));
    socket.receive('update', 'not an update');
    expect(socket.emitted).toEqual(['resync']);
    expect(time.pending()).toHaveLength(1);
  });
});

describe('the wait before asking for the board again', () => {
  it('doubles from 1–2 s up to 15–30 s, jittered, never under the gateway limit of one resync a second', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => boardRetryDelay(n, low))).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => boardRetryDelay(n, high))).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(boardRetryDelay(1000, high)).toBe(30_000);
  });
});
