import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { CompactUpdateSchema, decodeCompactUpdate, queueLayout, type CompactUpdate } from '../../shared/protocol/compact-update';
import { PROTOCOL_VERSION, UpdateSchema, type Update } from '../../shared/protocol/protocol';
import { parseWith } from '../../shared/protocol/validation';
import { connect, nextEvent, startDemoGateway, type TestSocket } from '../support/gateway-harness';

let gateway: Gateway;
let url: string;
const sockets: TestSocket[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const socket = connect(...args);
  sockets.push(socket);
  return socket;
};

beforeEach(async () => {
  ({ gateway, url } = await startDemoGateway());
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await gateway.close();
});

/** Every update a socket receives, raw, by seq. */
function collect(socket: TestSocket): Map<number, unknown> {
  const bySeq = new Map<number, unknown>();
  (socket as unknown as { on(event: string, f: (u: { seq?: number; s?: number }) => void): void }).on('update', (u) => bySeq.set((u.seq ?? u.s)!, u));
  return bySeq;
}

describe('update encodings over real socket.io connections', () => {
  it('sends the readable form to a screen that did not ask, the compact form to one that did, carrying the same updates', async () => {
    const readable = open(url, { protocol: PROTOCOL_VERSION, client: 'web' });
    const compact = open(url, { protocol: PROTOCOL_VERSION, client: 'wall', encoding: 'compact' });
    const json = open(url, { protocol: PROTOCOL_VERSION, client: 'web', encoding: 'json' });
    const received = [collect(readable), collect(compact), collect(json)] as const;
    const [, compactSnapshot] = await Promise.all([nextEvent(readable, 'snapshot'), nextEvent(compact, 'snapshot'), nextEvent(json, 'snapshot')]);
    const layout = queueLayout(compactSnapshot.queues.map((q) => q.id));
    // The demo changes something about once a second; on a loaded machine give it time rather than a fixed sleep.
    const common = () => [...received[0].keys()].filter((seq) => received[1].has(seq) && received[2].has(seq));
    const deadline = Date.now() + 12_000;
    while (common().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const seqs = common();
    expect(seqs.length).toBeGreaterThanOrEqual(3);
    let patches = 0;
    for (const seq of seqs) {
      const plain = received[0].get(seq) as Update;
      expect(parseWith(UpdateSchema, plain).ok).toBe(true);
      expect(received[2].get(seq)).toEqual(plain);
      const wire = received[1].get(seq) as CompactUpdate;
      expect(Object.keys(wire)).not.toContain('changes');
      expect(CompactUpdateSchema.safeParse(wire).success).toBe(true);
      expect(decodeCompactUpdate(wire, layout)).toEqual({ ok: true, value: plain });
      expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(plain).length);
      patches += plain.changes.length;
    }
    expect(patches).toBeGreaterThan(0);
  });

  it('refuses a handshake asking for an encoding it does not know, naming the field and the allowed values', async () => {
    const socket = open(url, { protocol: PROTOCOL_VERSION, client: 'wall', encoding: 'msgpack' });
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe('bad-handshake');
    expect(error.message).toBe('Handshake refused: encoding: must be one of "json", "compact" (default "json")');
    expect(Object.fromEntries(gateway.stats.refusedHandshakes)).toEqual({ 'bad-handshake': 1 });
  });
});
