import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { METRIC_IDS } from '../../shared/metrics';
import { COMMAND_NAMES } from '../../shared/protocol/commands';
import { HandshakeRefusalSchema, PROTOCOL_VERSION, SnapshotSchema, UpdateSchema, type Update } from '../../shared/protocol/protocol';
import { parseWith } from '../../shared/protocol/validation';
import { BUSY_MORNING, connect, nextEvent, startDemoGateway, type TestSocket } from '../support/gateway-harness';

let gateway: Gateway;
let url: string;
let startedAt: number;
const sockets: TestSocket[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const socket = connect(...args);
  sockets.push(socket);
  return socket;
};

beforeEach(async () => {
  startedAt = Date.now();
  ({ gateway, url } = await startDemoGateway());
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await gateway.close();
});

describe('gateway over a real socket.io connection', () => {
  it('sends a valid snapshot on connect, then valid numbered updates with only what changed', async () => {
    const socket = open(url);
    const updates: Update[] = [];
    socket.on('update', (u) => updates.push(u));
    const snapshot = await nextEvent(socket, 'snapshot');
    const parsed = parseWith(SnapshotSchema, snapshot);
    expect(parsed.ok && parsed.value.offices.map((o) => o.id)).toEqual(['lisbon', 'amsterdam']);
    expect(snapshot.queues.length).toBeGreaterThanOrEqual(12);
    expect(snapshot.states.every((s) => s.metrics.backlog !== null)).toBe(true);
    // The configured queue groups, resolved into queue ids, so a wall can show one alone (?group=).
    expect(snapshot.groups?.map((g) => [g.id, g.queueIds.length])).toEqual([['social', 5], ['partners', 4]]);
    // The gateway's own clock (the harness starts it on a busy morning), not the test's.
    expect(Math.abs(snapshot.serverTime - (BUSY_MORNING + Date.now() - startedAt))).toBeLessThan(2000);

    await new Promise((r) => setTimeout(r, 2600));
    expect(updates.length).toBeGreaterThanOrEqual(2);
    // At most a few per second.
    expect(updates.length).toBeLessThanOrEqual(11);
    for (const update of updates) expect(parseWith(UpdateSchema, update).ok).toBe(true);
    expect(updates.map((u) => u.seq)).toEqual(updates.map((_, i) => updates[0]!.seq + i));
    expect(updates[0]!.seq).toBe(snapshot.seq + 1);
    // Deltas: an update names only the queues and fields that changed, never the offices or queue list.
    const first = updates.find((u) => u.changes.some((c) => c.metrics))!;
    expect(Object.keys(first).filter((k) => k !== 'alerts')).toEqual(['serverTime', 'seq', 'changes']);
    expect(first.changes.length).toBeLessThanOrEqual(snapshot.queues.length);
    expect(first.changes.some((c) => c.metrics && Object.keys(c.metrics).length < METRIC_IDS.length)).toBe(true);
  });

  it('answers resync with a fresh snapshot and refuses a resync storm with a counted reason', async () => {
    const socket = open(url);
    await nextEvent(socket, 'snapshot');
    await new Promise((r) => setTimeout(r, 1100));
    socket.emit('resync');
    expect((await nextEvent(socket, 'snapshot')).protocol).toBe(PROTOCOL_VERSION);
    socket.emit('resync');
    expect(await nextEvent(socket, 'rejected')).toEqual({ event: 'resync', issues: ['resync: at most one per 1000 ms'] });
    expect(gateway.stats.rejectedMessages.get('resync-too-often')).toBe(1);
  });

  it('rejects unknown events by name and keeps the connection', async () => {
    const socket = open(url);
    await nextEvent(socket, 'snapshot');
    (socket as unknown as { emit(e: string, v: unknown): void }).emit('drop_tables', { all: true });
    expect(await nextEvent(socket, 'rejected')).toEqual({
      event: 'drop_tables',
      // Every command of the map, in its order (the map grows with features: broadcasts, incidents…).
      issues: [`drop_tables: unknown event; this gateway accepts resync, history, ${COMMAND_NAMES.join(', ')}`],
    });
    expect(socket.connected).toBe(true);
    expect(gateway.stats.rejectedMessages.get('unknown-event')).toBe(1);
  });

  it('refuses a handshake from another protocol version, saying which version it speaks', async () => {
    const socket = open(url, { protocol: 99, client: 'wall' });
    const error = await new Promise<Error & { data?: unknown }>((resolve) => socket.once('connect_error', resolve));
    const refusal = parseWith(HandshakeRefusalSchema, error.data);
    expect(refusal.ok && refusal.value).toMatchObject({ code: 'protocol-mismatch', serverProtocol: PROTOCOL_VERSION });
    expect(error.message).toContain(`speaks protocol ${PROTOCOL_VERSION}; the screen speaks 99`);

    const bad = open(url, { client: 'toaster' });
    const badError = await new Promise<Error & { data?: { code: string } }>((resolve) => bad.once('connect_error', resolve));
    expect(badError.data?.code).toBe('bad-handshake');
    expect(badError.message).toMatch(/protocol: .*client: /);
    expect(Object.fromEntries(gateway.stats.refusedHandshakes)).toEqual({ 'protocol-mismatch': 1, 'bad-handshake': 1 });
  });

  it('answers a history request through its acknowledgement, and names the fields of a bad one', async () => {
    const socket = open(url);
    await nextEvent(socket, 'snapshot');
    // This gateway runs without a store: a valid request gets an empty history, not an error.
    expect(await socket.emitWithAck('history', { spanMs: 3_600_000, metrics: ['backlog'] })).toEqual({ ok: true, resolutionMs: 60_000, queues: [] });
    const bad = await socket.emitWithAck('history', { spanMs: 48 * 3_600_000, metrics: ['happiness'] } as never);
    expect(bad).toEqual({ ok: false, code: 'invalid', issues: ['spanMs: must be at most 24 h in ms', expect.stringMatching(/^metrics\[0\]: /)] });
    expect(gateway.stats.rejectedMessages.get('invalid-history-request')).toBe(1);
  });

  it('reports connected clients by kind on /healthz', async () => {
    const wall = open(url);
    const web = open(url, { protocol: PROTOCOL_VERSION, client: 'web' });
    await Promise.all([nextEvent(wall, 'snapshot'), nextEvent(web, 'snapshot')]);
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', clients: { total: 2, byKind: { wall: 1, web: 1 } }, queues: 14, protocol: PROTOCOL_VERSION });
    expect(typeof body.uptimeSeconds).toBe('number');
    web.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    expect((await (await fetch(`${url}/healthz`)).json()).clients.total).toBe(1);
  });

  it('serves the API namespace as JSON 404 and refuses other methods on pages', async () => {
    expect((await fetch(`${url}/api/v1/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });
});
