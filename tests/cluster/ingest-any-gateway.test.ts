import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStore } from '../../renderer/src/store/store';
import { startClusterWorld, type ClusterGateway, type ClusterWorld } from '../support/cluster-world';
import { until } from '../support/feed-screen';

let world: ClusterWorld;
let evaluator: ClusterGateway;
let standbys: ClusterGateway[];
let screens: AppStore[];
const run = Date.now().toString(36);

const post = (gateway: ClusterGateway, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
const created = (eventId: string, queueId: string, at: number) => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId, at });

/** The lines of a gateway's /metrics that start with `name`, as one text (what a scraper sees). */
async function series(gateway: ClusterGateway, name: string): Promise<string> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(name)).join('\n');
}

beforeAll(async () => {
  world = await startClusterWorld(3);
  evaluator = await world.evaluator();
  standbys = world.gateways.filter((g) => g !== evaluator);
  // A wall on each gateway, each connected first to its own.
  screens = world.gateways.map((g) => world.screen(world.urls.indexOf(g.url)));
  await until('three walls live', () => screens.every((s) => s.getState().connection.status === 'live'), 20_000);
}, 90_000);
afterAll(async () => {
  await world?.close();
});

describe('HTTP ingest on any gateway of a cluster', () => {
  it('events and readings posted to standbys are on the walls of every gateway', async () => {
    const queueId = 'lis-chat-pt';
    const oldest = (s: AppStore) => s.getState().feed.states[queueId]?.metrics.oldestWaitingSeconds ?? 0;
    // The demo's chat tickets are answered within minutes: none has waited anywhere near five hours.
    expect(Math.max(...screens.map(oldest))).toBeLessThan(5 * 3600);
    const sixHoursAgo = Date.now() - 6 * 3600_000;
    const events = await post(standbys[0]!, '/api/v1/events', { events: [created(`wall-${run}`, queueId, sixHoursAgo)] });
    expect(events.status).toBe(200);
    expect(await events.json()).toEqual({ accepted: 1, duplicates: 0 });
    await until('every wall shows the six-hour wait', () => screens.every((s) => oldest(s) >= 6 * 3600 - 60), 10_000);

    // The demo never sends a backlog reading: a backlog of 4321 can only be this one.
    const reading = await post(standbys[1]!, '/api/v1/queues/ams-chat-nl/readings', { at: Date.now(), backlog: 4321, readingId: `r-${run}` });
    expect(reading.status).toBe(200);
    expect(await reading.json()).toEqual({ accepted: true, duplicate: false });
    await until('every wall shows the backlog read', () => screens.every((s) => s.getState().feed.states['ams-chat-nl']?.metrics.backlog === 4321), 10_000);
    // A standby handed both on and applied neither itself; the evaluator applied both for it.
    expect(await series(standbys[0]!, 'queueboard_ingest_forwarded_total')).toBe('queueboard_ingest_forwarded_total{kind="events",outcome="answered"} 1');
    expect(await series(standbys[1]!, 'queueboard_ingest_forwarded_total')).toBe('queueboard_ingest_forwarded_total{kind="reading",outcome="answered"} 1');
    expect(await series(standbys[0]!, 'queueboard_ingest_forwarded_bytes_total')).toMatch(/^queueboard_ingest_forwarded_bytes_total \d{3}$/);
    expect(await series(evaluator, 'queueboard_ingest_forwards_applied_total')).toBe('queueboard_ingest_forwards_applied_total{outcome="applied"} 2');
  });

  it('an event id is accepted once cluster-wide: sent to one standby, then the other, then the evaluator', async () => {
    const at = Date.now() - 60_000;
    const batch = { events: [0, 1, 2].map((i) => created(`dup-${run}-${i}`, 'lis-email-pt', at)) };
    const accepted = () => series(evaluator, 'queueboard_events_ingested_total{outcome="accepted",source="push"}');
    const before = await accepted();
    const answers = [];
    for (const gateway of [standbys[0]!, standbys[1]!, evaluator, standbys[0]!]) {
      const response = await post(gateway, '/api/v1/events', batch);
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers).toEqual([
      { status: 200, body: { accepted: 3, duplicates: 0 } },
      { status: 200, body: { accepted: 0, duplicates: 3 } },
      { status: 200, body: { accepted: 0, duplicates: 3 } },
      { status: 200, body: { accepted: 0, duplicates: 3 } },
    ]);
    const count = (line: string) => Number(line.split(' ').at(-1) ?? 0);
    expect(count(await accepted()) - count(before)).toBe(3);
    // A reading's id counts once too.
    const reading = { at: Date.now(), backlog: 12, readingId: `dup-r-${run}` };
    expect(await (await post(standbys[1]!, '/api/v1/queues/lis-email-pt/readings', reading)).json()).toEqual({ accepted: true, duplicate: false });
    expect(await (await post(standbys[0]!, '/api/v1/queues/lis-email-pt/readings', reading)).json()).toEqual({ accepted: false, duplicate: true });
  });

  it('a standby refuses a bad request exactly as the evaluator does, and the evaluator never hears of it', async () => {
    const refusedOnEvaluator = await series(evaluator, 'queueboard_input_rejected_total');
    const cases: Array<{ what: string; path: string; body: unknown; headers?: Record<string, string> }> = [
      { what: 'no key', path: '/api/v1/events', body: { events: [] }, headers: { authorization: '' } },
      { what: 'a wrong key', path: '/api/v1/events', body: { events: [] }, headers: { authorization: 'Bearer not-a-key-of-ours' } },
      { what: 'a bad batch', path: '/api/v1/events', body: { events: [{ eventId: 'x', type: 'solved', ticketId: '', at: -5 }, created('y', 'porto', Date.now())] } },
      { what: 'an unknown queue', path: '/api/v1/queues/porto/readings', body: { at: Date.now(), backlog: 1 } },
      { what: 'not JSON', path: '/api/v1/events', body: 'hello', headers: { 'content-type': 'text/plain' } },
      { what: 'too large', path: '/api/v1/events', body: JSON.stringify({ events: [], pad: 'x'.repeat(1024 * 1024) }) },
    ];
    const answer = async (gateway: ClusterGateway, c: (typeof cases)[number]) => {
      const response = await post(gateway, c.path, c.body, c.headers);
      return {
        what: c.what,
        status: response.status,
        body: await response.text(),
        headers: ['content-type', 'www-authenticate', 'retry-after'].map((name) => response.headers.get(name)),
      };
    };
    const fromStandby = [];
    for (const c of cases) fromStandby.push(await answer(standbys[0]!, c));
    expect(fromStandby.map((a) => a.status)).toEqual([401, 401, 400, 400, 415, 413]);
    expect(fromStandby[2]!.body).toContain('events[1].queueId: \\"porto\\" is not a configured queue');
    // Nothing of them reached the evaluator: not applied, not refused there, not forwarded.
    expect(await series(evaluator, 'queueboard_input_rejected_total')).toBe(refusedOnEvaluator);
    expect(await series(standbys[0]!, 'queueboard_ingest_forwarded_total')).not.toContain('outcome="no-evaluator"');
    const fromEvaluator = [];
    for (const c of cases) fromEvaluator.push(await answer(evaluator, c));
    expect(fromStandby).toEqual(fromEvaluator);
  });

  // Last: the evaluator stops once its lease runs out without Redis.
  it('Redis down: a standby answers 503 redis-unreachable at once, with Retry-After', async () => {
    await world.redis.stop();
    const batch = { events: [created(`redis-${run}`, 'lis-email-pt', Date.now())] };
    let answer: { status: number; retryAfter: string | null; body: { code?: string }; ms: number } | undefined;
    // node-redis notices the closed connection at once; a few tries allow for the moment it takes.
    for (let tries = 0; tries < 20 && answer?.body.code !== 'redis-unreachable'; tries++) {
      const started = performance.now();
      const response = await post(standbys[0]!, '/api/v1/events', batch);
      answer = { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { code?: string }, ms: performance.now() - started };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer).toMatchObject({ status: 503, retryAfter: '2', body: { code: 'redis-unreachable' } });
    expect(answer!.ms).toBeLessThan(1000);
  });
});
