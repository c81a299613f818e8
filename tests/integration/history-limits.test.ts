import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { METRIC_IDS } from '../../shared/metrics';
import { HISTORY_MAX_SPAN_MS, HISTORY_REQUESTS_PER_MINUTE, HISTORY_RESOLUTION_MS, PROTOCOL_VERSION, type HistoryResponse } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';

// issue 16: a 227-byte anonymous `history` request returned 1.07 MB, as often as a screen liked.
const QUEUES = Array.from({ length: 12 }, (_, i) => `queue-${i}`);
const config = GatewayConfigSchema.parse({
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: QUEUES.map((id) => ({ id, name: id, officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } })),
  auth: { anonymous: 'display' },
});

const gateways: Gateway[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

/** A real gateway on loopback whose SQLite store holds a full day of every metric of twelve queues. */
async function start() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-history-limits-')), clock: time, logger: silentLogger });
  const metrics = Object.fromEntries(METRIC_IDS.map((id, i) => [id, 10 + i]));
  for (let at = time.now() - HISTORY_MAX_SPAN_MS + HISTORY_RESOLUTION_MS; at <= time.now(); at += HISTORY_RESOLUTION_MS) {
    store.history.recordMinute(at, QUEUES.map((queueId) => ({ queueId, metrics })));
  }
  const gateway = createGateway({ config, sources: [], clock: time, scheduler: time, logger: silentLogger, store, rendererDir: 'dist/renderer' });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { gateway, url: `http://127.0.0.1:${port}` };
}

async function open(url: string): Promise<TestSocket> {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'wall' });
  sockets.push(socket);
  await nextEvent(socket, 'snapshot');
  return socket;
}

const ask = (socket: TestSocket, request: Parameters<TestSocket['emitWithAck']>[1]): Promise<HistoryResponse> =>
  socket.timeout(10_000).emitWithAck('history', request as never) as Promise<HistoryResponse>;

describe('history over the socket', () => {
  it('refuses the whole day of every queue with `too-large`, and answers one queue of it', async () => {
    const { gateway, url } = await start();
    const wall = await open(url);
    const everything = await ask(wall, { spanMs: HISTORY_MAX_SPAN_MS, metrics: [...METRIC_IDS] });
    expect(everything).toMatchObject({ ok: false, code: 'too-large', issues: [expect.stringMatching(/^history: the answer would be \d+ bytes, over the 524288-byte limit/)] });
    const one = await ask(wall, { spanMs: HISTORY_MAX_SPAN_MS, metrics: [...METRIC_IDS], queueIds: ['queue-5'] });
    expect(one.ok && one.queues.map((q) => [q.queueId, q.at.length])).toEqual([['queue-5', 1440]]);
    expect(gateway.stats.rejectedMessages.get('history:too-large')).toBe(1);
  });

  it('refuses a flood of history requests from one connection with `too-often` while another connection is served', async () => {
    const { gateway, url } = await start();
    const [flooder, neighbour] = await Promise.all([open(url), open(url)]);
    const request = { spanMs: 3_600_000, metrics: ['backlog'], queueIds: ['queue-0'] } as const;
    const answers = await Promise.all(Array.from({ length: 3 * HISTORY_REQUESTS_PER_MINUTE }, () => ask(flooder, request)));
    expect(answers.filter((a) => a.ok)).toHaveLength(HISTORY_REQUESTS_PER_MINUTE);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(2 * HISTORY_REQUESTS_PER_MINUTE);
    for (const answer of refused) {
      expect(answer).toEqual({
        ok: false,
        code: 'too-often',
        retryAfter: expect.any(Number),
        issues: [expect.stringMatching(/^history: at most 10 requests a minute on one connection; ask again in \d+ s$/)],
      });
      expect(!answer.ok && answer.retryAfter).toBeGreaterThan(0);
      expect(!answer.ok && answer.retryAfter).toBeLessThanOrEqual(60);
    }
    expect(await ask(neighbour, request)).toMatchObject({ ok: true, queues: [{ queueId: 'queue-0' }] });
    expect(gateway.stats.rejectedMessages.get('history:too-often')).toBe(2 * HISTORY_REQUESTS_PER_MINUTE);
    // A refusal is an answer, not a disconnect: the flooder is still connected.
    expect(flooder.connected).toBe(true);
  });
});
