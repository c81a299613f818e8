import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricEngine } from '../metrics';
import { Counter, MetricsRegistry } from '../runtime/prometheus';
import { createIngestApi } from './ingest-api';
import { createKeyVerifier, hashKey } from './ingest-keys';
import { IngestPipeline } from './ingest-pipeline';
import { LoopLagMeter, overloadCheck } from './loop-lag';

// Issue 16: held at saturation, ingest took the event loop so far behind that the walls went 1.73 s without
// a message. Past a bound of sustained lag, ingest is now refused with 429 and Retry-After before its body
// is read, and nothing of it applied: refusals rather than slowness.
const T0 = Date.UTC(2026, 11, 7, 9);
const servers: Server[] = [];
const meters: LoopLagMeter[] = [];
afterEach(async () => {
  meters.splice(0).forEach((m) => m.stop());
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function api(lagMs: () => number) {
  const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
  const registry = new MetricsRegistry();
  const rejected = registry.counter('rejected_total', 'x');
  const pipeline = new IngestPipeline({ engine, log: null, isDurable: () => true, dropped: new Counter('dropped'), touched: () => {}, sourceStatus: () => {} });
  const handle = createIngestApi({
    verifyKey: createKeyVerifier([{ sourceId: 'crm', sha256: hashKey('loop-lag-test-key') }], [{ id: 'chat', team: 'Care', pushFed: true }]),
    isKnownQueue: (id) => id === 'chat',
    queueOfTicket: (id) => engine.queueOfTicket(id),
    sink: pipeline,
    maxBodyBytes: 1 << 20,
    rejected,
    ingested: registry.counter('ingested_total', 'x'),
    overloaded: overloadCheck(lagMs, 100),
  });
  const server = createServer((req, res) => void handle(req, res, new URL(req.url!, 'http://x').pathname));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const post = (n: number) =>
    fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer loop-lag-test-key' },
      body: JSON.stringify({ events: [{ eventId: `e${n}`, type: 'created', ticketId: `t${n}`, queueId: 'chat', at: T0 }] }),
    });
  return { engine, registry, post };
}

describe('ingest refused while the event loop is behind', () => {
  it('answers 429 with Retry-After and the lag past the bound, applies nothing, and takes input again once the loop keeps up', async () => {
    let lag = 250;
    const { engine, registry, post } = await api(() => lag);
    const refused = await post(1);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({
      error: 'the gateway is 250 ms behind (it takes input while under 100 ms): nothing was applied; try again in 1 s',
      code: 'ingest-overloaded',
      retryAfter: 1,
    });
    expect(engine.metricsFor('chat', T0).backlog).toBe(0);
    expect(registry.render()).toContain('rejected_total{reason="ingest-overloaded"} 1');
    lag = 40;
    expect((await post(2)).status).toBe(200);
    expect(engine.metricsFor('chat', T0).backlog).toBe(1);
  });

  it('measures lag that lasts, not one pause', async () => {
    const meter = new LoopLagMeter();
    meters.push(meter);
    const block = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 400));
    // One pause of 300 ms among turns on time: below the bound.
    block(300);
    await turn();
    expect(meter.sustainedLagMs()).toBeLessThan(100);
    // Every turn of the loop takes 80 ms for about a second: every sample is late.
    for (let i = 0; i < 14; i++) {
      block(80);
      await turn();
    }
    expect(meter.sustainedLagMs()).toBeGreaterThanOrEqual(40);
  });
});
