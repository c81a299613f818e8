import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientAddress } from '../../server/auth/client-address';
import { FailureLimiter } from '../../server/auth/failure-limiter';
import { createOriginPolicy } from '../../server/auth/origin-policy';
import { TokenRegistry } from '../../server/auth/token-registry';
import { silentLogger } from '../../server/runtime/logger';
import { RefusalLog } from '../../server/runtime/refusal-log';
import { GatewayStats } from '../../server/runtime/stats';
import { createAdmission } from '../../server/socket/admission';
import { createSocketGateway } from '../../server/socket/socket-gateway';
import type { Snapshot, Update, UpdateEncoding } from '../../shared/protocol/protocol';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { FakeTime } from '../support/fake-time';
import { refusingCommands } from '../support/refusing-commands';

// The modules socket.io itself loads (CommonJS), not the ES builds an import here would get: their spies see its calls.
const load = createRequire(import.meta.url);
const parser = load('socket.io-parser') as { Encoder: { prototype: { encode(packet: unknown): unknown[] } } };
const ws = load('ws') as { Sender: { frame(data: Buffer, options: unknown): Buffer[] } };

const servers: Server[] = [];
const sockets: TestSocket[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const close of closers.splice(0)) await close();
  for (const server of servers.splice(0)) server.closeAllConnections();
});

const QUEUES = ['q-a', 'q-b'];

async function start() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const stats = new GatewayStats(time.now());
  const httpServer = createServer();
  servers.push(httpServer);
  const refusals = new RefusalLog({ clock: time, logger: silentLogger });
  const snapshot: Snapshot = { protocol: 6, serverTime: time.now(), seq: 0, offices: [], queues: [], states: [], alerts: [] };
  const gateway = createSocketGateway({
    httpServer,
    snapshot: () => snapshot,
    queueIds: QUEUES,
    thresholds: () => ({ revision: 0, overrides: [], profiles: [], pendingSeconds: 120, recoverySeconds: 120 }) as never,
    history: () => ({ ok: true, resolutionMs: 60_000, queues: [] }),
    incidents: () => ({ open: [] }),
    commands: refusingCommands,
    tokens: new TokenRegistry([], 'display'),
    failures: new FailureLimiter({ maxFailures: 10, windowSeconds: 60 }),
    admission: createAdmission({ origin: createOriginPolicy([]), clientAddress: createClientAddress([]), maxConnectionsPerAddress: 100, refusals, stats }),
    clientAddress: createClientAddress([]),
    refusals,
    maxRejectedPerMinute: 120,
    clock: time,
    logger: silentLogger,
    stats,
    allowedOrigins: [],
  });
  closers.push(() => gateway.close());
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { gateway, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

async function screens(url: string, count: number, encoding: UpdateEncoding): Promise<TestSocket[]> {
  const opened = Array.from({ length: count }, () => connect(url, { protocol: 6, client: 'wall', encoding }));
  sockets.push(...opened);
  await Promise.all(opened.map((socket) => nextEvent(socket, 'snapshot')));
  return opened;
}

const update: Update = { serverTime: 1, seq: 1, changes: [{ queueId: 'q-b', updatedAt: 1, metrics: { backlog: 7 } }] } as never;

describe('an update to many screens', () => {
  // The fan-out's cost per screen is one write: a per-screen emit (for a filter, a subscription, a check) would
  // encode the packet and build the WebSocket frame once per screen, the gap to bare socket.io (issue 21).
  it.each([4, 24])('is encoded once per encoding and framed once per encoding, whatever the screens (%i of each)', async (each) => {
    const { gateway, url } = await start();
    const compact = await screens(url, each, 'compact');
    const json = await screens(url, each, 'json');
    const received: unknown[] = [];
    for (const socket of [...compact, ...json]) socket.on('update', (u) => received.push(u));
    const encodes = vi.spyOn(parser.Encoder.prototype, 'encode');
    const frames = vi.spyOn(ws.Sender, 'frame');
    gateway.broadcast(update);
    expect(encodes).toHaveBeenCalledTimes(2);
    expect(frames).toHaveBeenCalledTimes(2);
    const deadline = Date.now() + 5000;
    while (received.length < 2 * each && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // a second copy to any screen would be here by now
    // Each screen got its own encoding: the compact form refers to queues by index.
    expect(received).toHaveLength(2 * each);
    expect(received.filter((u) => (u as { c?: unknown }).c !== undefined)).toHaveLength(each);
    expect(received.filter((u) => (u as { changes?: unknown }).changes !== undefined)).toHaveLength(each);
  });
});
