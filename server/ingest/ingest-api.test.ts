import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import { MetricsRegistry } from '../runtime/prometheus';
import { createIngestApi, type IngestSink } from './ingest-api';
import { createKeyVerifier, hashKey } from './ingest-keys';

const KEY = 'a-long-random-ingest-key';
const calls: Array<{ sourceId: string; events?: readonly TicketEvent[]; queueId?: string; reading?: QueueReadingInput }> = [];
/** The store's record (PostgreSQL): reachable and committing at once unless a test says otherwise. */
const record: { down: { message: string; retryAfter: number } | null; commit: () => Promise<void> } = { down: null, commit: () => Promise.resolve() };
const sink: IngestSink = {
  unavailable: () => record.down,
  committed: () => record.commit(),
  ingestEvents(sourceId, events) {
    calls.push({ sourceId, events });
    return { accepted: events.length, duplicates: 0 };
  },
  ingestReading(sourceId, queueId, reading) {
    calls.push({ sourceId, queueId, reading });
    return { accepted: true, duplicate: false };
  },
};
const registry = new MetricsRegistry();
const rejected = registry.counter('rejected_total', 'x');
const ingested = registry.counter('ingested_total', 'x');
let server: Server;
let base: string;

beforeAll(async () => {
  const api = createIngestApi({
    verifyKey: createKeyVerifier([{ sourceId: 'crm', sha256: hashKey(KEY) }], ['lis-chat-pt', 'ams-x'].map((id) => ({ id, team: 'Care', pushFed: true }))),
    isKnownQueue: (id) => ['lis-chat-pt', 'ams-x'].includes(id),
    queueOfTicket: () => null,
    sink,
    maxBodyBytes: 4096,
    rejected,
    ingested,
  });
  server = createServer((req, res) => {
    void api(req, res, new URL(req.url!, 'http://x').pathname).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
  record.down = null;
  record.commit = () => Promise.resolve();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const created = (eventId: string, queueId = 'lis-chat-pt') => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId, at: '2026-11-22T14:03:00Z' });

describe('POST /api/v1/events', () => {
  it('accepts a valid batch for the source behind the key, with times as epoch ms', async () => {
    const response = await post('/api/v1/events', { events: [created('e1'), { eventId: 'e2', type: 'first-reply', ticketId: 't-e1', at: 1795351380000 }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.sourceId).toBe('crm');
    expect(calls[0]!.events![0]!.at).toBe(Date.parse('2026-11-22T14:03:00Z'));
    expect(ingested.get({ source: 'crm', outcome: 'accepted' })).toBe(2);
  });

  it('refuses a missing or wrong key with 401 and counts it', async () => {
    const before = rejected.get({ reason: 'unauthorized' });
    expect((await post('/api/v1/events', { events: [created('e1')] }, { authorization: '' })).status).toBe(401);
    const wrong = await post('/api/v1/events', { events: [created('e1')] }, { authorization: 'Bearer not-the-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(rejected.get({ reason: 'unauthorized' })).toBe(before + 2);
    expect(calls).toEqual([]);
  });

  it('refuses a whole batch with one bad event, naming every bad field, and applies nothing', async () => {
    const response = await post('/api/v1/events', {
      events: [created('ok-1'), { eventId: 'x', type: 'solved', ticketId: '', at: -5 }, created('ok-2', 'nowhere'), { ...created('y'), type: 'queued', queueId: undefined }],
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid batch: nothing was applied');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        'events[1].ticketId: must not be empty',
        'events[1].at: must be after the year 2000',
        'events[2].queueId: "nowhere" is not a configured queue',
        'events[3].queueId: is required for a queued event',
      ]),
    );
    expect(calls).toEqual([]);
  });

  it('names unknown queues in an otherwise valid batch', async () => {
    const response = await post('/api/v1/events', { events: [created('a'), created('b', 'nowhere')] });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(['events[1].queueId: "nowhere" is not a configured queue']);
    expect(calls).toEqual([]);
  });

  it('answers 413 above the size limit, 400 for broken JSON, 415 for another content type, 405 for GET', async () => {
    const big = { events: Array.from({ length: 60 }, (_, i) => created(`e${i}`)) };
    const tooLarge = await post('/api/v1/events', big);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toMatch(/larger than the limit of 4096 bytes/);
    const broken = await post('/api/v1/events', '{"events": [');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/^body is not valid JSON/);
    expect((await post('/api/v1/events', 'x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${base}/api/v1/events`)).status).toBe(405);
    expect(calls).toEqual([]);
  });
});

describe('POST /api/v1/queues/{id}/readings', () => {
  it('accepts a reading for a configured queue', async () => {
    const response = await post('/api/v1/queues/ams-x/readings', { at: 1795351380000, backlog: 12, agentsOnline: 3 });
    expect(response.status).toBe(200);
    expect(calls).toEqual([{ sourceId: 'crm', queueId: 'ams-x', reading: { at: 1795351380000, backlog: 12, agentsOnline: 3 } }]);
  });

  it('refuses an unknown queue and bad values by field', async () => {
    const response = await post('/api/v1/queues/nowhere/readings', { at: 1795351380000, backlog: -1, agents: 3 });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(
      expect.arrayContaining(['queueId: "nowhere" is not a configured queue', 'backlog: must be 0 or more', expect.stringMatching(/agents/)]),
    );
    expect(calls).toEqual([]);
  });

  it('accepts a reading that reports only the SLA breach count', async () => {
    const response = await post('/api/v1/queues/ams-x/readings', { at: '2026-11-22T14:03:00Z', slaBreached: 4 });
    expect(response.status).toBe(200);
    expect(calls).toEqual([{ sourceId: 'crm', queueId: 'ams-x', reading: { at: Date.parse('2026-11-22T14:03:00Z'), slaBreached: 4 } }]);
  });

  it.each([
    [-1, 'slaBreached: must be 0 or more'],
    [2.5, 'slaBreached: must be a whole number'],
    ['3', expect.stringMatching(/^slaBreached: .*number/)],
  ])('refuses slaBreached %j, naming the field', async (value, issue) => {
    const response = await post('/api/v1/queues/ams-x/readings', { at: 1795351380000, slaBreached: value });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(expect.arrayContaining([issue]));
    expect(calls).toEqual([]);
  });

  it('names slaBreached among the fields a reading must report one of', async () => {
    const response = await post('/api/v1/queues/ams-x/readings', { at: 1795351380000 });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(['(root): must report at least one of backlog, agentsOnline, oldestWaitingSeconds, slaBreached, handleTimeSeconds']);
  });
});

describe("ingest while the store's record (PostgreSQL) is down", () => {
  it('refuses with 503, Retry-After and a code before applying anything, events and readings alike', async () => {
    record.down = { message: 'the PostgreSQL store cannot be reached (connect ECONNREFUSED)', retryAfter: 2 };
    const events = await post('/api/v1/events', { events: [created('e1')] });
    expect(events.status).toBe(503);
    expect(events.headers.get('retry-after')).toBe('2');
    expect(await events.json()).toMatchObject({ code: 'store-unavailable', retryAfter: 2, error: expect.stringMatching(/cannot be reached.*nothing was applied/) });
    expect((await post('/api/v1/queues/lis-chat-pt/readings', { at: '2026-11-22T14:05:00Z', backlog: 3 })).status).toBe(503);
    expect(calls).toHaveLength(0);
  });

  it('answers 200 only once the batch is committed, and 503 when the commit does not come', async () => {
    let commit!: () => void;
    record.commit = () => new Promise<void>((resolve) => (commit = resolve));
    const waiting = post('/api/v1/events', { events: [created('e1')] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    commit();
    expect((await waiting).status).toBe(200);
    record.commit = () => Promise.reject(Object.assign(new Error('PostgreSQL did not commit within 2000 ms'), { retryAfter: 3 }));
    const refused = await post('/api/v1/events', { events: [created('e2')] });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toMatchObject({ code: 'store-unavailable', error: expect.stringMatching(/not recorded yet.*counted once/) });
  });
});
