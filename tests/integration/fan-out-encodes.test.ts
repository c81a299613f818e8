import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Update, UpdateEncoding } from '../../shared/protocol/protocol';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { LoneSocketGateways } from '../support/lone-socket-gateway';

// The modules socket.io itself loads (CommonJS), not the ES builds an import here would get: their spies see its calls.
const load = createRequire(import.meta.url);
const parser = load('socket.io-parser') as { Encoder: { prototype: { encode(packet: unknown): unknown[] } } };
const ws = load('ws') as { Sender: { frame(data: Buffer, options: unknown): Buffer[] } };

const gateways = new LoneSocketGateways();
const sockets: TestSocket[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.disconnect();
  await gateways.closeAll();
});

const QUEUES = ['q-a', 'q-b'];

const start = () => gateways.start({ queueIds: QUEUES, maxConnectionsPerAddress: 100 });

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
