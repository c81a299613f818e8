import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { IntercomConnectionSchema } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const TOKEN = 'dG9rOmludGVyY29tLXNlY3JldC10b2tlbg==';
const unix = (ms: number) => Math.floor(ms / 1000);

const conversation = (id: string, state: string, createdAgo: number, extra: Record<string, unknown> = {}) => ({
  type: 'conversation', id, state, created_at: unix(NOW - createdAgo * MIN), updated_at: unix(NOW - 1 * MIN), waiting_since: null, team_assignee_id: 42, ...extra,
});

interface SearchBody {
  query: { value: Array<{ field: string; value: unknown }> };
  pagination: { per_page: number; starting_after?: string };
}

const intercom: Route = (req, res) => {
  const headers = { 'x-ratelimit-limit': 1000, 'x-ratelimit-remaining': 990, 'x-ratelimit-reset': unix(NOW) + 10 };
  if (req.method !== 'POST' || req.url.pathname !== '/conversations/search') return sendJson(res, 404, { type: 'error.list' });
  const body = req.body as SearchBody;
  // The search for rated conversations (CSAT): none rated here; intercom-ratings.test.ts serves them.
  if (body.query.value.some((f) => f.field === 'conversation_rating.replied_at')) {
    return sendJson(res, 200, { type: 'conversation.list', total_count: 0, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 0 }, conversations: [] }, headers);
  }
  const states = body.query.value.find((f) => f.field === 'state')!.value as string[];
  if (states.includes('closed')) {
    return sendJson(res, 200, {
      type: 'conversation.list', total_count: 1, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 1 },
      conversations: [conversation('c9', 'closed', 60, { statistics: { time_to_admin_reply: 120, first_admin_reply_at: unix(NOW - 58 * MIN), last_close_at: unix(NOW - 5 * MIN) }, updated_at: unix(NOW - 5 * MIN) })],
    }, headers);
  }
  if (body.pagination.starting_after === 'WzE3MDAwMDAwMDBd') {
    return sendJson(res, 200, {
      type: 'conversation.list', total_count: 4, pages: { type: 'pages', page: 2, per_page: 150, total_pages: 2, next: null },
      conversations: [conversation('c3', 'snoozed', 40, { waiting_since: null, sla_applied: { sla_name: 'VIP', sla_status: 'missed' } })],
    }, headers);
  }
  return sendJson(res, 200, {
    type: 'conversation.list', total_count: 4, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 2, next: { page: 2, starting_after: 'WzE3MDAwMDAwMDBd' } },
    conversations: [
      conversation('c1', 'open', 30, { waiting_since: unix(NOW - 12 * MIN), statistics: { time_to_admin_reply: 300 } }),
      conversation('c2', 'open', 20, { waiting_since: unix(NOW - 3 * MIN), statistics: null, sla_applied: { sla_name: 'VIP', sla_status: 'active' } }),
      { type: 'conversation', id: 'c4', state: 'open', created_at: 'recently' },
    ],
  }, headers);
};

function setup(route: Route) {
  return startConnector({
    now: NOW,
    route,
    create: (baseUrl, capabilities) =>
      createIntercomSource({
        ...capabilities,
        connection: IntercomConnectionSchema.parse({ id: 'intercom-eu', kind: 'intercom', baseUrl, token: TOKEN }),
        queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'intercom-eu', teamId: '42' } }],
      }),
  });
}

describe('Intercom connector', () => {
  it('searches open and snoozed conversations page by page, and closed ones since the last poll', async () => {
    const { helpdesk, readings, events, source, logger } = await setup(intercom);
    const [first, second, closed] = helpdesk.requests;
    expect(first!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first!.headers['intercom-version']).toBe('2.11');
    expect(first!.body).toEqual({
      query: { operator: 'AND', value: [{ field: 'state', operator: 'IN', value: ['open', 'snoozed'] }, { field: 'team_assignee_id', operator: '=', value: '42' }] },
      pagination: { per_page: 150 },
    });
    expect((second!.body as SearchBody).pagination.starting_after).toBe('WzE3MDAwMDAwMDBd');
    expect((closed!.body as SearchBody).query.value[2]).toEqual({ field: 'updated_at', operator: '>', value: unix(NOW - 24 * 60 * MIN) });
    // c3, snoozed, has missed its SLA.
    expect(readings).toEqual([{ at: NOW, backlog: 4, oldestWaitingSeconds: 12 * 60, slaBreached: 1 }]);
    expect(events.map((e) => [e.type, e.ticketId, e.queueId, (e.at - NOW) / MIN])).toEqual([
      ['created', 'intercom-c1', 'ic-vip', -30],
      ['first-reply', 'intercom-c1', undefined, -25],
      ['created', 'intercom-c2', 'ic-vip', -20],
      ['created', 'intercom-c3', 'ic-vip', -40],
      ['created', 'intercom-c9', 'ic-vip', -60],
      ['first-reply', 'intercom-c9', undefined, -58],
      ['solved', 'intercom-c9', undefined, -5],
    ]);
    expect(source.skippedItems).toBe(1);
    expect(logger.lines.join('\n')).toMatch(/conversations\[2\].*created_at: must be Unix seconds/);
    expect(logger.lines.join('\n')).toMatch(/missed SLA.*"missed":1/);
  });

  it('reports open and snoozed conversations whose SLA is missed as slaBreached, poll by poll', async () => {
    const sla = (sla_status: string) => ({ sla_applied: { sla_name: 'VIP', sla_status } });
    let open = [
      conversation('c1', 'open', 30, sla('missed')),
      conversation('c2', 'snoozed', 30, sla('missed')),
      conversation('c3', 'open', 30, sla('hit')),
      conversation('c4', 'open', 30, sla('cancelled')),
      conversation('c5', 'open', 30, sla('active')),
      conversation('c6', 'open', 30, { sla_applied: null }),
    ];
    const { readings, poll } = await setup((req, res) => {
      // The rated-conversations search (CSAT) names no state: none rated here.
      const states = (req.body as SearchBody).query.value.find((f) => f.field === 'state')?.value as string[] | undefined;
      const conversations = !states || states.includes('closed') ? [] : open;
      sendJson(res, 200, { type: 'conversation.list', total_count: conversations.length, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 1 }, conversations });
    });
    expect(readings.map((r) => r.slaBreached)).toEqual([2]);
    open = open.map((c) => (c.id === 'c5' ? { ...c, ...sla('missed') } : c));
    await poll();
    expect(readings.map((r) => r.slaBreached)).toEqual([2, 3]);
    // c1 closes: it leaves the open search, and the count.
    open = open.filter((c) => c.id !== 'c1');
    await poll();
    expect(readings.map((r) => r.slaBreached)).toEqual([2, 3, 2]);
  });

  it('reports each event once across polls and moves its closed-since mark forward', async () => {
    const { helpdesk, events, poll, logger } = await setup(intercom);
    const count = events.length;
    await poll();
    expect(events).toHaveLength(count);
    expect(logger.lines.filter((l) => l.includes('missed SLA'))).toHaveLength(1);
    const lastClosed = helpdesk.requests.filter((r) => JSON.stringify(r.body).includes('closed')).at(-1)!;
    // From a second before the newest closure read (updated_at > is strict, in whole seconds: intercom-closed-mark.test.ts).
    expect((lastClosed.body as SearchBody).query.value[2]!.value).toBe(unix(NOW - 5 * MIN) - 1);
  });

  it('on 429 waits until X-RateLimit-Reset, with jitter', async () => {
    let limited = false;
    const { waits, readings } = await setup((req, res) => {
      if (!limited) {
        limited = true;
        return sendJson(res, 429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] }, { 'x-ratelimit-limit': 1000, 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': unix(NOW) + 8 });
      }
      return intercom(req, res);
    });
    expect(waits[0]).toBeGreaterThanOrEqual(8000);
    expect(waits[0]).toBeLessThan(10_000);
    expect(readings).toHaveLength(1);
  });

  it('goes down after three 500s without logging the token, and recovers by itself', async () => {
    let broken = true;
    const { statuses, poll, logger } = await setup((req, res) =>
      broken ? sendJson(res, 500, { type: 'error.list', request_id: 'x', errors: [{ message: `server error for ${String(req.headers.authorization)}` }] }) : intercom(req, res),
    );
    for (let i = 0; i < 8 && statuses.length === 0; i++) await poll();
    expect(statuses).toEqual([{ state: 'down', queueIds: ['ic-vip'], reason: 'Intercom answered 500 three times in a row' }]);
    broken = false;
    for (let i = 0; i < 10 && statuses.length === 1; i++) await poll();
    expect(statuses[1]).toEqual({ state: 'up', queueIds: ['ic-vip'] });
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });
});
