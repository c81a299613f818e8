import { afterEach, describe, expect, it, vi } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { FreshdeskConnectionSchema } from './freshdesk-config';
import { createFreshdeskSource } from './freshdesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const API_KEY = 'fd-ApiKey-0123456789abcdef';
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
afterEach(() => vi.unstubAllEnvs());

/** 35 unresolved tickets in group 5: ticket 1 (Open) is the oldest, one result is malformed. */
const searchResults = Array.from({ length: 35 }, (_, i) => ({
  id: i + 1,
  status: i % 3 === 0 ? 2 : 3,
  created_at: iso(NOW - (90 - i) * MIN),
  fr_due_by: iso(NOW + (i === 0 ? -30 : 30) * MIN),
  due_by: iso(NOW + 600 * MIN),
  fr_escalated: i === 0,
}));
(searchResults[7] as Record<string, unknown>).created_at = undefined;

const statsTicket = (id: number, group: number, status: number, stats: Record<string, number | null>) => ({
  id, group_id: group, status, created_at: iso(NOW - 50 * MIN), updated_at: iso(NOW - 2 * MIN),
  stats: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v === null ? null : iso(v)])),
});
const listed = [
  statsTicket(101, 5, 4, { first_responded_at: NOW - 45 * MIN, resolved_at: NOW - 20 * MIN, reopened_at: null }),
  statsTicket(102, 5, 2, { first_responded_at: null }),
  ...Array.from({ length: 98 }, (_, i) => statsTicket(200 + i, 77, 2, {})),
  statsTicket(103, 5, 2, { first_responded_at: NOW - 40 * MIN, resolved_at: NOW - 30 * MIN, reopened_at: NOW - 10 * MIN }),
];

const freshdeskWith = (limit: number): Route => (req, res) => {
  const headers = { 'x-ratelimit-total': limit, 'x-ratelimit-remaining': limit - 1, 'x-ratelimit-used-currentrequest': 1 };
  if (req.url.pathname === '/api/v2/search/tickets') {
    const page = Number(req.url.searchParams.get('page') ?? 1);
    return sendJson(res, 200, { results: searchResults.slice((page - 1) * 30, page * 30), total: searchResults.length }, headers);
  }
  if (req.url.pathname === '/api/v2/tickets') {
    const page = Number(req.url.searchParams.get('page') ?? 1);
    // Embedding stats costs a second credit.
    return sendJson(res, 200, listed.slice((page - 1) * 100, page * 100), { ...headers, 'x-ratelimit-used-currentrequest': 2 });
  }
  sendJson(res, 404, { code: 'invalid_url' });
};
const freshdesk = freshdeskWith(400);

function setup(route: Route, connection: Record<string, unknown> = {}) {
  vi.stubEnv('FD_KEY', API_KEY);
  return startConnector({
    now: NOW,
    route,
    env: { FD_KEY: API_KEY },
    create: (baseUrl, capabilities) =>
      createFreshdeskSource({
        ...capabilities,
        connection: FreshdeskConnectionSchema.parse({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, tokenEnv: 'FD_KEY', backfillHours: 1, ...connection }),
        queues: [{ id: 'fd-returns', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } }],
      }),
  });
}

describe('Freshdesk connector', () => {
  it('counts the backlog from the paginated search and reads first responses and resolutions from ticket stats', async () => {
    const { helpdesk, readings, events, source, logger } = await setup(freshdesk);
    const searches = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/search/tickets');
    expect(searches.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2']);
    expect(searches[0]!.url.searchParams.get('query')).toBe('"group_id:5 AND (status:2 OR status:3)"');
    expect(helpdesk.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:X`).toString('base64')}`);
    // Ticket 1 is Open and past its first-response due-by: the one SLA breach.
    expect(readings).toEqual([{ at: NOW, backlog: 35, oldestWaitingSeconds: 90 * 60, slaBreached: 1 }]);

    const lists = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/tickets');
    expect(lists.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2']);
    expect(lists[0]!.url.searchParams.get('include')).toBe('stats');
    expect(lists[0]!.url.searchParams.get('updated_since')).toBe(new Date(NOW - 60 * MIN).toISOString());
    expect(events.map((e) => [e.type, e.ticketId, e.queueId, (e.at - NOW) / MIN])).toEqual([
      ['created', 'freshdesk-101', 'fd-returns', -50],
      ['first-reply', 'freshdesk-101', undefined, -45],
      ['solved', 'freshdesk-101', undefined, -20],
      ['created', 'freshdesk-102', 'fd-returns', -50],
      ['created', 'freshdesk-103', 'fd-returns', -50],
      ['first-reply', 'freshdesk-103', undefined, -40],
      // Seen first already reopened: its earlier resolution goes first, or the engine would ignore the reopen.
      ['solved', 'freshdesk-103', undefined, -30],
      ['reopened', 'freshdesk-103', 'fd-returns', -10],
    ]);
    expect(source.skippedItems).toBe(1);
    expect(logger.lines.join('\n')).toMatch(/results\[7\].*created_at: /);
    expect(logger.lines.join('\n')).toMatch(/past their due-by.*"firstResponseOverdue":1/);
  });

  it('without Freshdesk’s verdicts, counts tickets past a due-by once each: first response on unanswered Open tickets, resolution on Open ones', async () => {
    const result = (id: number, status: number, due: { fr?: number | null; res?: number | null; escalated?: boolean }) => ({
      id, status, created_at: iso(NOW - 60 * MIN),
      fr_due_by: due.fr == null ? null : iso(due.fr), due_by: due.res == null ? null : iso(due.res), ...(due.escalated === undefined ? {} : { fr_escalated: due.escalated }),
    });
    const results = [
      result(1, 2, { fr: NOW - 5 * MIN, res: NOW + 60 * MIN }), // first response late
      result(2, 2, { fr: NOW + 5 * MIN, escalated: true }), // escalated by Freshdesk
      result(3, 3, { fr: NOW - 5 * MIN, res: NOW + 60 * MIN }), // Pending: answered, waiting on the customer
      result(4, 3, { fr: NOW - 50 * MIN, res: NOW - 1 * MIN }), // Pending: its SLA timer is paused, due_by is not a breach
      result(5, 2, { fr: NOW - 50 * MIN, res: NOW - 1 * MIN }), // both late: once
      result(6, 2, { fr: NOW - 50 * MIN, res: NOW + 60 * MIN }), // answered (its stats say so), the customer wrote again
      result(7, 2, {}), // no SLA policy
      result(8, 2, { fr: NOW + 30_000, res: NOW + 60 * MIN }), // due in 30 s
    ];
    const { readings, poll } = await setup((req, res) => {
      if (req.url.pathname === '/api/v2/search/tickets') return sendJson(res, 200, { results, total: results.length });
      if (req.url.pathname === '/api/v2/tickets') return sendJson(res, 200, [statsTicket(6, 5, 2, { first_responded_at: NOW - 55 * MIN })]);
      sendJson(res, 404, { code: 'invalid_url' });
    });
    expect(readings.map((r) => r.slaBreached)).toEqual([3]);
    await poll();
    expect(readings.map((r) => r.slaBreached)).toEqual([3, 4]);
  });

  it('reports nothing twice when a ticket is read again, and continues from the newest update', async () => {
    const { helpdesk, events, poll, logger } = await setup(freshdesk);
    const count = events.length;
    await poll();
    expect(events).toHaveLength(count);
    expect(logger.lines.filter((l) => l.includes('past their due-by'))).toHaveLength(1);
    const lastList = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/tickets').at(-1)!;
    expect(lastList.url.searchParams.get('updated_since')).toBe(new Date(NOW - 2 * MIN).toISOString());
  });

  it('keeps to half of a small per-minute limit, counting credits, and honours Retry-After', async () => {
    let limited = false;
    const { helpdesk, waits } = await setup((req, res) => {
      if (!limited && req.url.pathname === '/api/v2/tickets') {
        limited = true;
        return sendJson(res, 429, { message: 'You have exceeded the limit of requests per minute' }, { 'retry-after': 30, 'x-ratelimit-total': 4, 'x-ratelimit-remaining': 0 });
      }
      return freshdeskWith(4)(req, res);
    }, { maxBudgetShare: 0.5 });
    const spent = helpdesk.requests.map((r) => ({ at: r.at, credits: r.url.pathname === '/api/v2/tickets' ? 2 : 1 }));
    // Two search pages, the refused stats page and its retry, the next stats page, the satisfaction ratings.
    expect(spent.length).toBe(6);
    // Half of 4 credits a minute: 2 in any 60 s, a stats page (2 credits) alone in its minute.
    for (const { at } of spent) {
      expect(spent.filter((u) => u.at >= at && u.at < at + MIN).reduce((n, u) => n + u.credits, 0)).toBeLessThanOrEqual(2);
    }
    expect(waits.some((w) => w >= 30_000 && w < 36_000)).toBe(true);
  });

  it('goes down after three malformed answers, and up once Freshdesk answers properly', async () => {
    let broken = true;
    const { statuses, poll } = await setup((req, res) => (broken ? sendJson(res, 200, '{"results": [') : freshdesk(req, res)));
    for (let i = 0; i < 8 && statuses.length === 0; i++) await poll();
    expect(statuses).toEqual([{ state: 'down', queueIds: ['fd-returns'], reason: 'Freshdesk answered with a body that is not JSON three times in a row' }]);
    broken = false;
    for (let i = 0; i < 10 && statuses.length === 1; i++) await poll();
    expect(statuses[1]).toEqual({ state: 'up', queueIds: ['fd-returns'] });
  });

  it('survives a Freshdesk that does not answer: times out, goes down, and never logs the key', async () => {
    const { statuses, poll, logger } = await setup(() => new Promise(() => {}), { timeoutMs: 100 });
    for (let i = 0; i < 8 && statuses.length === 0; i++) await poll();
    expect(statuses).toEqual([{ state: 'down', queueIds: ['fd-returns'], reason: 'Freshdesk did not answer within 100 ms three times in a row' }]);
    expect(logger.lines.join('\n')).not.toContain(API_KEY);
  });
});
