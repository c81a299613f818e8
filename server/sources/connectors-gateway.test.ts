import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk, type Route } from '../../tests/support/fake-helpdesk';
import { LISBON_OFFICE } from '../../tests/support/one-office';
import { parseConfigText } from '../config/load-config';
import { createGateway, type Gateway } from '../gateway';
import { openStore } from '../store';
import { createConnectorSources } from './create-connector-sources';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const TOKEN = 'zd-gateway-test-token-0123';
const iso = (ms: number) => new Date(ms).toISOString();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

let outage = false;
const zendesk: Route = (req, res) => {
  if (outage) return sendJson(res, 503, 'Service Unavailable');
  if (req.url.pathname === '/api/v2/search/count') return sendJson(res, 200, { count: 12 }, { 'x-rate-limit': 700, 'x-rate-limit-remaining': 600 });
  if (req.url.pathname === '/api/v2/search/export') return sendJson(res, 200, { results: [], meta: { has_more: false, after_cursor: null } });
  if (req.url.pathname === '/api/v2/incremental/tickets/cursor') {
    return sendJson(res, 200, {
      tickets: [1, 2, 3].map((id) => ({ id, group_id: 100, via: { channel: 'email' }, status: id === 3 ? 'solved' : 'open', created_at: iso(NOW - id * 10 * MIN), updated_at: iso(NOW - MIN) })),
      after_cursor: 'c1',
      end_of_stream: true,
    });
  }
  if (req.url.pathname === '/api/v2/satisfaction_ratings') {
    const rating = { id: 9, ticket_id: 3, group_id: 100, score: 'good', created_at: iso(NOW - 20 * MIN), updated_at: iso(NOW - 5 * MIN) };
    return sendJson(res, 200, { satisfaction_ratings: [rating], meta: { has_more: false, after_cursor: null } });
  }
  return sendJson(res, 200, {
    ticket_metric_events: [1, 2].map((id) => ({ id, ticket_id: id, metric: 'reply_time', instance_id: 1, type: 'fulfill', time: iso(NOW - id * 10 * MIN + id * 4 * MIN) })),
    next_page: null,
    end_time: Math.floor((NOW - 2 * MIN) / 1000),
  });
};

async function startGatewayWith(baseUrl: string, dataDir: string, time: FakeTime, logger: ReturnType<typeof capturingLogger>): Promise<{ gateway: Gateway; settled: () => Promise<unknown> }> {
  const config = parseConfigText(
    JSON.stringify({
      version: 1,
      offices: [LISBON_OFFICE],
      queues: [
        { id: 'zd-billing', name: 'Billing', officeId: 'lisbon', channel: 'email', team: { name: 'Care', kind: 'in-house' }, targets: { firstResponseSeconds: 300 }, source: { kind: 'zendesk', connection: 'zd', groupId: 100 } },
      ],
      connectors: [{ id: 'zd', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: TOKEN, backfillHours: 2 }],
    }),
    'gateway.json',
  );
  const { sleep } = fakeSleep(time);
  const sources = createConnectorSources(config, { fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep, random: () => 0, logger, env: {} });
  const gateway = createGateway({ config, sources, clock: time, scheduler: time, logger, store: openStore({ dataDir, clock: time, logger }), rendererDir: 'dist/renderer' });
  await gateway.listen(0, '127.0.0.1');
  const settled = () => Promise.all(sources.map((s) => s.settled()));
  await settled();
  return { gateway, settled };
}

describe('a Zendesk connection in the gateway', () => {
  it('feeds the wall, a re-poll changes nothing, rebuilds from its log after a restart, shows its queue stale with the reason while down and live again after', async () => {
    const time = new FakeTime(NOW);
    const helpdesk = await startFakeHelpdesk(zendesk, time);
    closers.push(helpdesk.close);
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-connectors-'));
    const logger = capturingLogger();

    let { gateway, settled } = await startGatewayWith(helpdesk.baseUrl, dataDir, time, logger);
    time.advance(1000);
    const metrics = () => gateway.snapshot().states.find((s) => s.queueId === 'zd-billing')!.metrics;
    expect(metrics()).toMatchObject({ backlog: 12, firstResponseP50: 240, firstResponseP90: 480, resolutionP50: 1740, slaAttainment: 50 });
    expect(metrics()).toMatchObject({ csat: 100, csatRatings: 1 });
    const retained = gateway.engine.retainedItems();
    const before = { requests: helpdesk.requests.length };

    time.advance(MIN);
    await settled();
    expect(helpdesk.requests.length).toBeGreaterThan(before.requests);
    expect(gateway.engine.retainedItems()).toBe(retained);
    expect(metrics()).toMatchObject({ firstResponseP50: 240, firstResponseP90: 480, resolutionP50: 1740, slaAttainment: 50 });

    await gateway.close();
    outage = true;
    ({ gateway, settled } = await startGatewayWith(helpdesk.baseUrl, dataDir, time, logger));
    closers.push(() => gateway.close());
    time.advance(1000);
    expect(metrics()).toMatchObject({ firstResponseP50: 240, resolutionP50: 1740 });
    // The rating was rebuilt from the event log, with Zendesk down.
    expect(metrics()).toMatchObject({ csat: 100, csatRatings: 1 });
    for (let i = 0; i < 8; i++) {
      time.advance(MIN);
      await settled();
    }
    time.advance(1000);
    // While Zendesk is down its queue is stale with the reason, never green.
    const health = () => gateway.snapshot().states.find((s) => s.queueId === 'zd-billing')!.health;
    expect(health()).toMatchObject({ status: 'stale', stale: { reason: 'source-down', message: expect.stringMatching(/^Zendesk answered 503 \w+ times in a row$/) } });
    outage = false;
    for (let i = 0; i < 8; i++) {
      time.advance(MIN);
      await settled();
    }
    time.advance(1000);
    expect(health().status).not.toBe('stale');
    const log = logger.lines.join('\n');
    expect(log).toMatch(/source status.*"state":"down","reason":"Zendesk answered 503 three times in a row"/);
    expect(log).toMatch(/source status.*"state":"up"/);
    expect(log).not.toContain(TOKEN);
    expect(gateway.metricsText()).toMatch(/^queueboard_source_items_skipped\{source="[^"]+"\} \d+$/m);
  });
});
