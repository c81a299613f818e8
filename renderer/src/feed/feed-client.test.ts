import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { createAppStore } from '../store/store';
import { encodeCompactUpdate, queueLayout } from '../../../shared/protocol/compact-update';
import type { Update } from '../../../shared/protocol/protocol';
import { FakeSocket } from '../../../tests/support/fake-feed-socket';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient } from './feed-client';

function setup() {
  const store = createAppStore();
  const socket = new FakeSocket();
  const frames: Array<() => void> = [];
  let writes = 0;
  store.subscribe(() => writes++);
  startFeedClient({ store, socket, requestFrame: (cb) => frames.push(cb), now: () => 1_700_000_000_500 });
  const runFrames = () => frames.splice(0).forEach((cb) => cb());
  return { store, socket, frames, runFrames, writes: () => writes };
}

const layoutOfFixture = queueLayout(snapshot(7).queues.map((q) => q.id));
const update = (seq: number, backlog: number): Update => ({ serverTime: 1, seq, changes: [{ queueId: 'lis-chat', metrics: { backlog } }] });

describe('feed client', () => {
  it('goes live on a valid snapshot and corrects for the gateway clock', () => {
    const { store, socket } = setup();
    socket.receive('connect');
    expect(store.getState().connection.status).toBe('connecting');
    socket.receive('snapshot', snapshot(7));
    expect(store.getState().connection.status).toBe('live');
    expect(store.getState().feed.queues).toHaveLength(3);
    expect(store.getState().connection.clockOffsetMs).toBe(-500);
  });

  it('gathers many updates into one store write per frame', () => {
    const { store, socket, frames, runFrames, writes } = setup();
    socket.receive('snapshot', snapshot(7));
    const before = writes();
    for (let seq = 8; seq < 18; seq++) socket.receive('update', update(seq, seq));
    expect(frames).toHaveLength(1);
    const afterMessages = writes();
    runFrames();
    expect(writes() - afterMessages).toBe(1);
    expect(afterMessages - before).toBe(10); // only the last-message time, never the feed
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(17);
    expect(store.getState().feed.seq).toBe(17);
  });

  it('keeps the gateway clock offset fresh from updates (a sped-up gateway clock drifts)', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', { ...update(8, 5), serverTime: 1_700_000_090_500 });
    runFrames();
    expect(store.getState().connection.clockOffsetMs).toBe(90_000);
  });

  it('asks for a fresh snapshot when an update is missing, and drops what it held', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', update(8, 50));
    socket.receive('update', update(10, 99));
    expect(socket.emitted).toEqual(['resync']);
    runFrames();
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4);
    socket.receive('update', update(11, 77)); // still waiting for the snapshot: ignored
    runFrames();
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4);
  });

  it('ignores updates already folded into the snapshot', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', update(7, 1000));
    runFrames();
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4);
    expect(socket.emitted).toEqual([]);
  });

  it('counts and reports an invalid message without applying it', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', { serverTime: 1, seq: 8, changes: [{ queueId: 'lis-chat', metrics: { backlog: -3 } }] });
    socket.receive('snapshot', { protocol: 1, offices: 'nope' });
    runFrames();
    expect(store.getState().connection.invalidMessages).toBe(2);
    expect(store.getState().connection.problem).toMatchObject({ key: 'invalid', detail: expect.stringMatching(/^snapshot: /) });
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4);
    expect(store.getState().feed.queues).toHaveLength(3);
  });

  it('asks for the compact update in its handshake', () => {
    expect(handshakeAuth('wall', null)).toEqual({ protocol: 6, client: 'wall', encoding: 'compact' });
    expect(handshakeAuth('desk', 'ana-token')).toMatchObject({ client: 'desk', encoding: 'compact', token: 'ana-token' });
  });

  it('applies a compact update exactly as the readable one', () => {
    const readable: Update = {
      serverTime: 1_700_000_000_000,
      seq: 8,
      changes: [
        { queueId: 'ams-phone', metrics: { backlog: 31, slaAttainment: 88.5 }, updatedAt: 1_699_999_999_200 },
        { queueId: 'lis-chat', health: { status: 'critical', metrics: { backlog: 'critical' }, stale: null, atRisk: null }, updatedAt: null },
      ],
    };
    const compact = encodeCompactUpdate(readable, layoutOfFixture);
    expect(compact.c[0]).toEqual([2, -800, 0, 31, 6, 88.5]);
    const viaCompact = setup();
    const viaReadable = setup();
    for (const { socket } of [viaCompact, viaReadable]) socket.receive('snapshot', snapshot(7));
    viaCompact.socket.receive('update', JSON.parse(JSON.stringify(compact)));
    viaReadable.socket.receive('update', readable);
    viaCompact.runFrames();
    viaReadable.runFrames();
    const feed = viaCompact.store.getState().feed;
    expect(feed.states['ams-phone']).toMatchObject({ metrics: { backlog: 31, slaAttainment: 88.5 }, updatedAt: 1_699_999_999_200 });
    expect(feed.states['lis-chat']).toMatchObject({ health: { status: 'critical' }, updatedAt: null });
    expect(feed).toEqual(viaReadable.store.getState().feed);
    expect(viaCompact.store.getState().connection.invalidMessages).toBe(0);
  });

  it('counts a malformed compact update, asks for a snapshot at once, and keeps what it had gathered', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('update', encodeCompactUpdate(update(8, 50), layoutOfFixture));
    const malformed = encodeCompactUpdate(update(9, 60), layoutOfFixture);
    malformed.c[0]![3] = -1;
    socket.receive('update', malformed);
    expect(socket.emitted).toEqual(['resync']);
    expect(store.getState().connection.invalidMessages).toBe(1);
    expect(store.getState().connection.problem).toEqual({ key: 'invalid', detail: 'update: c[0][3]: backlog: must be 0 or more' });
    socket.receive('update', encodeCompactUpdate(update(10, 70), layoutOfFixture)); // waiting for the snapshot: ignored
    runFrames();
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(50);
    expect(socket.emitted).toEqual(['resync']);
  });

  it('never applies indices to another queue list: a layout mismatch is counted and resyncs', () => {
    const { store, socket, runFrames } = setup();
    socket.receive('snapshot', snapshot(7));
    const reordered = queueLayout(['ams-phone', 'lis-email', 'lis-chat']);
    socket.receive('update', encodeCompactUpdate({ serverTime: 1, seq: 8, changes: [{ queueId: 'ams-phone', metrics: { backlog: 99 } }] }, reordered));
    runFrames();
    expect(socket.emitted).toEqual(['resync']);
    expect(store.getState().connection.invalidMessages).toBe(1);
    expect(store.getState().connection.problem).toMatchObject({ detail: expect.stringMatching(/^update: l: layout .* is not the layout of the snapshot held/) });
    expect(store.getState().feed.states['lis-chat']?.metrics.backlog).toBe(4);
    expect(store.getState().feed.states['ams-phone']?.metrics.backlog).not.toBe(99);
  });

  it('says it is reconnecting when the connection drops, and reconnects after a server-side close', () => {
    const { store, socket } = setup();
    socket.receive('snapshot', snapshot(7));
    socket.receive('disconnect', 'transport close');
    expect(store.getState().connection.status).toBe('reconnecting');
    expect(socket.connects).toBe(0);
    socket.receive('disconnect', 'io server disconnect');
    expect(socket.connects).toBe(1);
  });

  it('stops retrying and says why when the gateway speaks another protocol version', () => {
    const { store, socket } = setup();
    const error = Object.assign(new Error('refused'), {
      data: { code: 'protocol-mismatch', message: 'This gateway speaks protocol 2; the screen speaks 1.', serverProtocol: 2 },
    });
    socket.receive('connect_error', error);
    expect(store.getState().connection.status).toBe('incompatible');
    expect(store.getState().connection.problem).toMatchObject({ key: 'incompatible', detail: expect.stringMatching(/speaks protocol 2/) });
    expect(socket.disconnects).toBe(1);
    socket.receive('connect_error', new Error('xhr poll error'));
    expect(store.getState().connection.status).toBe('incompatible');
  });

  it('waits the retryAfter it is told after too many attempts, then tries again by itself', () => {
    const store = createAppStore();
    const socket = new FakeSocket();
    const clock = 1_700_000_000_000;
    const timers: Array<{ ms: number; task: () => void }> = [];
    startFeedClient({ store, socket, requestFrame: () => {}, now: () => clock, every: () => () => {}, after: (ms, task) => (timers.push({ ms, task }), () => {}) });
    const error = Object.assign(new Error('refused'), {
      data: { code: 'too-many-attempts', message: 'Too many failed attempts: try again in 7 s.', serverProtocol: 3, retryAfter: 7 },
    });
    socket.receive('connect_error', error);
    expect(store.getState().connection).toMatchObject({ status: 'refused', problem: { key: 'locked-out', retryAt: clock + 7000 } });
    expect([socket.disconnects, socket.connects]).toEqual([1, 0]);
    expect(timers.map((t) => t.ms)).toEqual([7000]);
    timers[0]!.task();
    expect(store.getState().connection.status).toBe('connecting');
    expect(socket.connects).toBe(1);
  });

  it('reconnects for ever, soon: from half a second, doubling to at most three seconds with jitter, so a wall is back within 5 s', () => {
    expect(HANDSHAKE_OPTIONS).toMatchObject({ reconnection: true, reconnectionAttempts: Infinity, reconnectionDelay: 500, reconnectionDelayMax: 3000 });
    expect(HANDSHAKE_OPTIONS.randomizationFactor).toBeGreaterThan(0);
  });

  it('notices a gateway gone silent without closing anything, and starts over at once', () => {
    const store = createAppStore();
    const socket = new FakeSocket();
    let clock = 1_700_000_000_000;
    let check: () => void = () => {};
    startFeedClient({ store, socket, requestFrame: () => {}, now: () => clock, every: (_ms, f) => ((check = f), () => {}) });
    socket.receive('snapshot', snapshot(7));
    clock += 3000;
    socket.receive('heartbeat', { serverTime: clock });
    clock += 3000;
    check();
    expect(store.getState().connection.status).toBe('live');
    expect(socket.connects).toBe(0);
    clock += 1;
    check();
    expect(store.getState().connection.status).toBe('reconnecting');
    expect(store.getState().connection.problem).toEqual({ key: 'disconnected' });
    expect([socket.disconnects, socket.connects]).toEqual([1, 1]);
  });

  it('shows a refusal from the gateway, and counts a malformed one as invalid rather than trusting its shape', () => {
    const { store, socket } = setup();
    socket.receive('rejected', { event: 'resync', issues: ['resync: at most one per 1000 ms'] });
    expect(store.getState().connection.problem).toEqual({ key: 'rejected', detail: 'resync: resync: at most one per 1000 ms' });
    socket.receive('rejected', { event: 5, issues: 'no' });
    expect(store.getState().connection.problem).toMatchObject({ key: 'invalid', detail: expect.stringMatching(/^rejected: event: .*; issues: /) });
    expect(store.getState().connection.invalidMessages).toBe(2);
  });

  it('refuses a malformed session and thresholds message, naming the event and the field', () => {
    const { store, socket } = setup();
    socket.receive('session', { role: 'admin', name: 'Mallory' });
    expect(store.getState().connection.problem).toMatchObject({ key: 'invalid', detail: expect.stringMatching(/^session: role: /) });
    socket.receive('session', { role: 'lead', name: 'Ana Costa' });
    expect(store.getState().session).toEqual({ role: 'lead', name: 'Ana Costa' });
  });

  it('holds the broadcasts of the snapshot, then of each broadcasts event, and refuses a malformed one naming the field', () => {
    const { store, socket } = setup();
    const broadcast = {
      id: 'b1', text: 'Fire drill at 11:00', severity: 'info', audience: { kind: 'all' }, startsAt: 1, endsAt: 2, linkedQueueIds: [],
      queueIds: ['lis-chat'], postedBy: 'Marta Silva', postedAt: 1, edited: null, state: 'active',
    };
    socket.receive('snapshot', { ...snapshot(7), broadcasts: [broadcast] });
    expect(store.getState().broadcasts.map((b) => b.id)).toEqual(['b1']);
    socket.receive('broadcasts', { serverTime: 3, broadcasts: [{ ...broadcast, severity: 'loud' }] });
    expect(store.getState().connection.problem).toMatchObject({ key: 'invalid', detail: expect.stringMatching(/^broadcasts: broadcasts\[0\]\.severity: /) });
    expect(store.getState().broadcasts.map((b) => b.id)).toEqual(['b1']);
    socket.receive('broadcasts', { serverTime: 3, broadcasts: [] });
    expect(store.getState().broadcasts).toEqual([]);
  });
});
