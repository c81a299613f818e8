import { afterEach, describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { FakeTime } from '../../../tests/support/fake-time';
import { sendJson, startFakeHelpdesk, type Route } from '../../../tests/support/fake-helpdesk';
import { MetricEngine } from '../../metrics';
import type { FetchLike } from '../http/polite-client';
import { ZendeskConnectionSchema } from './zendesk-config';
import { createZendeskSource } from './zendesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const TOKEN = 'zd-Tok3n-abcdefghijklmnop';
const CREDENTIALS = Buffer.from(`ops@acme.test/token:${TOKEN}`).toString('base64');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const ticket = (id: number, group: number | null, status: string, createdAt: number, updatedAt: number, channel = 'email') => ({
  id, group_id: group, brand_id: 1, via: { channel }, status, created_at: iso(createdAt), updated_at: iso(updatedAt), subject: 'x',
});
const metric = (id: number, ticketId: number, metricName: string, type: string, at: number, instance = 1) => ({
  id, ticket_id: ticketId, metric: metricName, instance_id: instance, type, time: iso(at),
});

/** Zendesk as documented: search count, cursor-based ticket export, time-based metric events, rate headers. */
const zendesk: Route = (req, res) => {
  const headers = { 'x-rate-limit': 700, 'x-rate-limit-remaining': 650 };
  const path = req.url.pathname;
  if (path === '/api/v2/search/count') {
    const query = req.url.searchParams.get('query') ?? '';
    return sendJson(res, 200, { count: query.includes('group_id:100') ? 7 : query.includes('group_id:200 via:chat') ? 3 : 0 }, headers);
  }
  // No open ticket older than the export's start.
  if (path === '/api/v2/search/export') return sendJson(res, 200, { results: [], meta: { has_more: false, after_cursor: null }, links: { next: null } }, headers);
  if (path === '/api/v2/incremental/tickets/cursor') {
    if (req.url.searchParams.get('cursor') === 'c1') {
      return sendJson(res, 200, { tickets: [ticket(4, 999, 'open', NOW - 10 * MIN, NOW - 9 * MIN)], after_cursor: 'c2', end_of_stream: true }, headers);
    }
    if (req.url.searchParams.get('cursor') === 'c2') {
      // Solved before the export's last minute: Zendesk leaves out what changed in the minute before a request.
      return sendJson(res, 200, { tickets: [ticket(1, 100, 'solved', NOW - 30 * MIN, NOW - 30_000)], after_cursor: 'c3', end_of_stream: true }, headers);
    }
    return sendJson(res, 200, {
      tickets: [
        ticket(1, 100, 'open', NOW - 30 * MIN, NOW - 25 * MIN),
        ticket(2, 200, 'solved', NOW - 20 * MIN, NOW - 5 * MIN, 'chat'),
        { id: 3, group_id: 100, status: 'open', created_at: 'yesterday', updated_at: iso(NOW) },
      ],
      after_cursor: 'c1',
      after_url: `http://127.0.0.1/api/v2/incremental/tickets/cursor?cursor=c1`,
      end_of_stream: false,
    }, headers);
  }
  if (path === '/api/v2/incremental/ticket_metric_events') {
    const start = Number(req.url.searchParams.get('start_time'));
    if (start >= Math.floor((NOW - 4 * MIN) / 1000)) return sendJson(res, 200, { ticket_metric_events: [], next_page: null, count: 0, end_time: start }, headers);
    return sendJson(res, 200, {
      ticket_metric_events: [
        metric(10, 1, 'reply_time', 'activate', NOW - 30 * MIN),
        metric(11, 1, 'reply_time', 'fulfill', NOW - 25 * MIN),
        metric(12, 2, 'reply_time', 'breach', NOW - 10 * MIN),
        metric(13, 2, 'reply_time', 'fulfill', NOW - 9 * MIN, 2),
        { id: 14, ticket_id: 'two', metric: 'reply_time', type: 'fulfill', time: iso(NOW) },
      ],
      next_page: 'http://127.0.0.1/next',
      count: 5,
      end_time: Math.floor((NOW - 4 * MIN) / 1000),
    }, headers);
  }
  sendJson(res, 404, { error: 'InvalidEndpoint' });
};

async function setup(route: Route, fetch?: (real: FetchLike) => FetchLike) {
  const connector = await startConnector({
    now: NOW,
    route,
    fetch,
    env: { ZENDESK_TOKEN: TOKEN },
    create: (baseUrl, capabilities) =>
      createZendeskSource({
        ...capabilities,
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: TOKEN, backfillHours: 1 }),
        queues: [
          { id: 'zd-billing', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 100 } },
          { id: 'zd-chat', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 200, channel: 'chat' } },
        ],
      }),
  });
  // Two queues: each reading is asserted with the queue it is for.
  return { ...connector, readings: connector.queueReadings };
}

describe('Zendesk connector', () => {
  it('reads backlogs, ticket changes and first replies, page by page, and the engine computes from them', async () => {
    const { helpdesk, events, readings, source, logger } = await setup(zendesk);
    // Ticket 2 breached its reply time, but it is solved: no open ticket is in breach.
    // Each backlog as soon as it is counted; the breaches once the metric events are read.
    expect(readings).toEqual([
      { queueId: 'zd-billing', reading: { at: NOW, backlog: 7 } },
      { queueId: 'zd-chat', reading: { at: NOW, backlog: 3 } },
      { queueId: 'zd-billing', reading: { at: NOW, slaBreached: 0 } },
      { queueId: 'zd-chat', reading: { at: NOW, slaBreached: 0 } },
    ]);
    expect(helpdesk.requests[0]!.url.searchParams.get('query')).toBe('type:ticket status<solved group_id:100');
    expect(helpdesk.requests[0]!.headers.authorization).toBe(`Basic ${CREDENTIALS}`);
    expect(helpdesk.requests[2]!.url.searchParams.get('start_time')).toBe(String(Math.floor((NOW - 60 * MIN) / 1000)));
    expect(helpdesk.requests[3]!.url.searchParams.get('cursor')).toBe('c1');
    // A solve goes once the metric events are read past it, so a first reply it had is never after it.
    expect(events.map((e) => [e.type, e.ticketId, e.queueId, (e.at - NOW) / MIN])).toEqual([
      ['created', 'zendesk-1', 'zd-billing', -30],
      ['created', 'zendesk-2', 'zd-chat', -20],
      ['first-reply', 'zendesk-1', undefined, -25],
      ['solved', 'zendesk-2', undefined, -5],
    ]);
    expect(events[0]!.eventId).toBe(`zendesk-1-created-${NOW - 30 * MIN}`);
    // Bad items are skipped, counted and logged with the field; the rest of the page is used.
    expect(source.skippedItems).toBe(2);
    expect(logger.lines.join('\n')).toMatch(/tickets\[2\].*created_at: must be an ISO 8601 time/);
    expect(logger.lines.join('\n')).toMatch(/ticket_metric_events\[4\].*ticket_id/);
    expect(logger.lines.join('\n')).toMatch(/Zendesk SLA breach.*"queueId":"zd-chat"/);

    const engine = new MetricEngine({ queues: [{ id: 'zd-billing', firstResponseTargetSeconds: 600 }, { id: 'zd-chat', firstResponseTargetSeconds: 120 }] });
    for (const event of events) expect(engine.applyEvent(event).applied).toBe(true);
    for (const { queueId, reading } of readings) engine.applyReading(queueId, reading);
    expect(engine.metricsFor('zd-billing', NOW)).toMatchObject({ backlog: 7, firstResponseP50: 300, slaAttainment: 100 });
    expect(engine.metricsFor('zd-chat', NOW)).toMatchObject({ backlog: 3, resolutionP50: 900 });
  });

  it('reports open tickets in breach of an SLA target until the target is met, re-applied or the ticket solved', async () => {
    const S = 1000;
    const open = (id: number, group: number, status = 'open', channel = 'email') => ticket(id, group, status, NOW - 40 * MIN, NOW - 40 * MIN, channel);
    const exported = [[open(5, 100), open(6, 100), open(7, 200, 'new', 'chat'), open(8, 100, 'pending'), open(9, 100, 'hold'), open(10, 999)]];
    const metricEvents = [
      metric(20, 5, 'reply_time', 'apply_sla', NOW - 40 * MIN),
      metric(21, 5, 'reply_time', 'breach', NOW - 20 * MIN),
      metric(22, 6, 'requester_wait_time', 'breach', NOW - 10 * MIN),
      metric(23, 6, 'reply_time', 'breach', NOW - 9 * MIN),
      metric(24, 7, 'reply_time', 'breach', NOW - 15 * MIN),
      metric(25, 7, 'reply_time', 'pause', NOW - 14 * MIN),
      metric(26, 8, 'reply_time', 'breach', NOW - 5 * MIN, 2),
      metric(27, 8, 'reply_time', 'update_status', NOW - 5 * MIN),
      { ...metric(28, 9, 'reply_time', 'breach', NOW - 4 * MIN), deleted: true },
      // Recorded ahead of its time: it counts from NOW + 90 s.
      metric(29, 9, 'requester_wait_time', 'breach', NOW + 90 * S),
      // Not a configured queue's ticket.
      metric(30, 10, 'reply_time', 'breach', NOW - 4 * MIN),
    ];
    const { readings, poll, logger } = await setup((req, res) => {
      const path = req.url.pathname;
      if (path === '/api/v2/search/count') return sendJson(res, 200, { count: 10 });
      if (path === '/api/v2/search/export') return zendesk(req, res);
      if (path === '/api/v2/incremental/tickets/cursor') {
        const page = Number(req.url.searchParams.get('cursor') ?? 0);
        return sendJson(res, 200, { tickets: exported[page] ?? [], after_cursor: String(Math.min(page + 1, exported.length)), end_of_stream: true });
      }
      if (path === '/api/v2/incremental/ticket_metric_events') {
        const start = Number(req.url.searchParams.get('start_time')) * 1000;
        const events = metricEvents.filter((e) => Date.parse(e.time) >= start).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
        return sendJson(res, 200, { ticket_metric_events: events, next_page: null, end_of_stream: true, end_time: Math.floor(req.at / 1000) - 60 });
      }
      sendJson(res, 404, { error: 'InvalidEndpoint' });
    });
    const breached = () => Object.fromEntries(readings.splice(0).map(({ queueId, reading }) => [queueId, reading.slaBreached]));
    // Billing: 5, 6 (two targets, counted once) and 8 (its next reply); chat: 7, paused but still in breach.
    expect(breached()).toEqual({ 'zd-billing': 3, 'zd-chat': 1 });
    expect(logger.lines.join('\n')).toMatch(/Zendesk SLA breach.*"ticketId":5/);

    // 5 is answered, late: the breached target is met.
    exported.push([ticket(5, 100, 'open', NOW - 40 * MIN, NOW + 20 * S)]);
    metricEvents.push(metric(31, 5, 'reply_time', 'fulfill', NOW + 20 * S));
    await poll();
    expect(breached()).toEqual({ 'zd-billing': 2, 'zd-chat': 1 });

    // 6 is solved; 7's target is applied anew (a changed policy); 9's breach time has come.
    exported.push([ticket(6, 100, 'solved', NOW - 40 * MIN, NOW + 70 * S)]);
    metricEvents.push(metric(32, 7, 'reply_time', 'apply_sla', NOW + 70 * S));
    await poll();
    expect(breached()).toEqual({ 'zd-billing': 2, 'zd-chat': 0 });
  });

  it('continues from its cursors on the next poll and reports changes once', async () => {
    const { helpdesk, events, poll } = await setup(zendesk);
    const before = helpdesk.requests.length;
    await poll();
    const next = helpdesk.requests.slice(before);
    expect(next.find((r) => r.url.pathname.endsWith('/cursor'))!.url.searchParams.get('cursor')).toBe('c2');
    expect(next.find((r) => r.url.pathname.endsWith('metric_events'))!.url.searchParams.get('start_time')).toBe(String(Math.floor((NOW - 4 * MIN) / 1000)));
    expect(events.slice(4).map((e) => [e.type, e.ticketId])).toEqual([['solved', 'zendesk-1']]);
  });

  it('reads no first replies while the ticket export is still catching up, and never runs the metric cursor ahead', async () => {
    let page = 0;
    const { helpdesk, poll } = await setup((req, res) => {
      if (req.url.pathname === '/api/v2/incremental/tickets/cursor' && page < 25) {
        page++;
        return sendJson(res, 200, { tickets: [ticket(1000 + page, 100, 'open', NOW - 50 * MIN, NOW - 50 * MIN)], after_cursor: `p${page}`, end_of_stream: false });
      }
      return zendesk(req, res);
    });
    const metricRequests = () => helpdesk.requests.filter((r) => r.url.pathname.endsWith('ticket_metric_events'));
    expect(page).toBe(20);
    expect(metricRequests()).toHaveLength(0);
    await poll();
    const starts = metricRequests().map((r) => Number(r.url.searchParams.get('start_time')));
    expect(starts.length).toBeGreaterThan(0);
    expect(new Set(starts).size).toBe(starts.length);
    expect(Math.max(...starts)).toBeLessThanOrEqual(Math.floor((NOW + MIN) / 1000));
  });

  it('waits out a 429 with Retry-After and still completes the poll', async () => {
    let limited = false;
    const { waits, readings, helpdesk } = await setup((req, res) => {
      if (!limited && req.url.pathname === '/api/v2/search/count') {
        limited = true;
        return sendJson(res, 429, { error: 'APIRateLimitExceeded' }, { 'retry-after': 7 });
      }
      return zendesk(req, res);
    });
    expect(waits[0]).toBeGreaterThanOrEqual(7000);
    expect(helpdesk.requests[1]!.at - helpdesk.requests[0]!.at).toBeGreaterThanOrEqual(7000);
    expect(readings.filter(({ reading }) => reading.backlog !== undefined)).toHaveLength(2);
    expect(readings.filter(({ reading }) => reading.slaBreached !== undefined)).toHaveLength(2);
  });

  it('marks its queues down after three 503s in a row and up again when Zendesk recovers', async () => {
    let down = true;
    const { statuses, poll, source } = await setup((req, res) => (down ? sendJson(res, 503, 'Service Unavailable') : zendesk(req, res)));
    for (let i = 0; i < 8 && statuses.length === 0; i++) await poll();
    expect(statuses).toEqual([{ state: 'down', queueIds: ['zd-billing', 'zd-chat'], reason: 'Zendesk answered 503 three times in a row' }]);
    down = false;
    for (let i = 0; i < 10 && statuses.length === 1; i++) await poll();
    expect(statuses[1]).toEqual({ state: 'up', queueIds: ['zd-billing', 'zd-chat'] });
    expect(source.failuresInARow).toBe(0);
  });

  it('stop() aborts the request in flight and reports nothing afterwards', async () => {
    let answered = false;
    const started = Date.now();
    const { source, statuses, logger, helpdesk } = await setup(zendesk);
    const before = helpdesk.requests.length;
    // Next poll: Zendesk hangs (the timeout is 10 s of real time); stop() must not wait for it.
    const slow = await startFakeHelpdesk(() => new Promise(() => {}));
    closers.push(slow.close);
    const hung = createZendeskSource({
      connection: ZendeskConnectionSchema.parse({ id: 'zd2', kind: 'zendesk', baseUrl: slow.baseUrl, token: TOKEN }),
      queues: [{ id: 'q', source: { kind: 'zendesk', connection: 'zd2', groupId: 1 } }],
      fetch: (url, init) => fetch(url, init),
      clock: new FakeTime(NOW), scheduler: new FakeTime(NOW), sleep: async () => {}, random: () => 0, logger, env: {},
    });
    hung.start({ events: () => {}, reading: () => {}, status: (_id, s) => statuses.push(s) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slow.requests).toHaveLength(1);
    // Without an email the token is an OAuth access token.
    expect(slow.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    hung.stop();
    await hung.settled().then(() => (answered = true));
    expect(answered).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(statuses).toEqual([]);
    expect(logger.lines.join('\n')).not.toMatch(/poll failed/);
    source.stop();
    expect(helpdesk.requests.length).toBe(before);
  });

  it('never writes the token to the logs, on any error path', async () => {
    let step = 0;
    let calls = 0;
    const { logger, poll, statuses } = await setup(
      (req, res) => {
        step++;
        const auth = String(req.headers.authorization);
        if (step === 1) return sendJson(res, 200, `{"echo": "${auth}", broken`);
        if (step === 2) return sendJson(res, 401, { error: `Couldn't authenticate you with ${auth}` });
        if (step === 3) return sendJson(res, 200, { count: auth });
        return sendJson(res, 500, auth);
      },
      (real) => async (url, init) => {
        if (++calls === 5) {
          throw new TypeError('fetch failed', { cause: new Error(`socket hang up sending ${JSON.stringify(init.headers)}`) });
        }
        return real(url, init);
      },
    );
    for (let i = 0; i < 30; i++) await poll();
    const text = logger.lines.join('\n') + JSON.stringify(statuses);
    expect(text).toMatch(/not JSON/);
    expect(text).toMatch(/refused the credentials \(401\)/);
    expect(text).toMatch(/unexpected shape/);
    expect(text).toMatch(/could not be reached/);
    expect(text).toMatch(/\[redacted\]/);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(CREDENTIALS);
  });
});
