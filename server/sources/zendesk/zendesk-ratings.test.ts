import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { MetricEngine } from '../../metrics';
import { ZendeskConnectionSchema } from './zendesk-config';
import { createZendeskSource } from './zendesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const rating = (id: number, ticketId: number, group: number | null, score: string, answeredAt: number) => ({
  url: `https://acme.zendesk.com/api/v2/satisfaction_ratings/${id}.json`, id, assignee_id: 7, group_id: group, requester_id: 9, ticket_id: ticketId,
  score, comment: null, reason: null, created_at: iso(answeredAt - HOUR), updated_at: iso(answeredAt),
});

/** Zendesk with a ticket export that shows ticket 1 in group 200, and two pages of ratings (cursor pagination). */
function zendesk(ratings: (req: Parameters<Route>[0], res: Parameters<Route>[1]) => void): Route {
  return (req, res) => {
    const path = req.url.pathname;
    if (path === '/api/v2/search/count') return sendJson(res, 200, { count: 0 });
    if (path === '/api/v2/search/export') return sendJson(res, 200, { results: [], meta: { has_more: false, after_cursor: null } });
    if (path === '/api/v2/incremental/tickets/cursor') {
      const ticket = { id: 1, group_id: 200, brand_id: 1, via: { channel: 'chat' }, status: 'solved', created_at: iso(NOW - 3 * HOUR), updated_at: iso(NOW - 2 * HOUR) };
      return sendJson(res, 200, { tickets: req.url.searchParams.has('cursor') ? [] : [ticket], after_cursor: 'c1', end_of_stream: true });
    }
    if (path === '/api/v2/incremental/ticket_metric_events') return sendJson(res, 200, { ticket_metric_events: [], next_page: null, end_time: Math.floor(NOW / 1000) });
    if (path === '/api/v2/satisfaction_ratings') return ratings(req, res);
    sendJson(res, 404, { error: 'InvalidEndpoint' });
  };
}

const pages: Route = (req, res) => {
  if (req.url.searchParams.get('page[after]') === 'r1') {
    return sendJson(res, 200, { satisfaction_ratings: [rating(3, 30, 100, 'bad', NOW - 20 * MIN), rating(4, 40, 100, 'offered', NOW - 10 * MIN)], meta: { has_more: false, after_cursor: 'r2' }, links: { next: null } });
  }
  return sendJson(res, 200, {
    satisfaction_ratings: [rating(1, 1, 999, 'good', NOW - 50 * MIN), rating(2, 20, 100, 'good', NOW - 40 * MIN), { id: 5, ticket_id: 'x', score: 'good' }, rating(6, 60, 300, 'bad', NOW - 5 * MIN)],
    meta: { has_more: true, after_cursor: 'r1' },
    links: { next: 'https://acme.zendesk.com/api/v2/satisfaction_ratings.json?page[after]=r1' },
  });
};

async function setup(route: Route) {
  return startConnector({
    now: NOW,
    route,
    env: { ZENDESK_TOKEN: 'zd-Tok3n-abcdefghijklmnop' },
    create: (baseUrl, capabilities) =>
      createZendeskSource({
        ...capabilities,
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop', backfillHours: 1 }),
        queues: [
          { id: 'zd-billing', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 100 } },
          { id: 'zd-chat', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 200, channel: 'chat' } },
          { id: 'zd-web', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 300, channel: 'web' } },
          { id: 'zd-mail', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 300, channel: 'email' } },
        ],
      }),
  });
}

describe('Zendesk satisfaction ratings', () => {
  it('reads received ratings page by page into rated events, and the engine computes CSAT from them', async () => {
    const { helpdesk, events, source, poll } = await setup(zendesk(pages));
    const asked = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/satisfaction_ratings');
    expect(asked.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { score: 'received', start_time: String(Math.floor((NOW - 7 * 24 * HOUR) / 1000)), 'page[size]': '100' },
      { score: 'received', start_time: String(Math.floor((NOW - 7 * 24 * HOUR) / 1000)), 'page[size]': '100', 'page[after]': 'r1' },
    ]);
    const rated = events.filter((e) => e.type === 'rated');
    // Ticket 1 is in zd-chat by the export (its rating names an old group); offered is not an answer; group 300 has two queues.
    expect(rated).toEqual([
      { eventId: 'zendesk-rating-1', type: 'rated', ticketId: 'zendesk-1', queueId: 'zd-chat', at: NOW - 50 * MIN, satisfied: true },
      { eventId: 'zendesk-rating-2', type: 'rated', ticketId: 'zendesk-20', queueId: 'zd-billing', at: NOW - 40 * MIN, satisfied: true },
      { eventId: 'zendesk-rating-3', type: 'rated', ticketId: 'zendesk-30', queueId: 'zd-billing', at: NOW - 20 * MIN, satisfied: false },
    ]);
    expect(source.skippedItems).toBe(1);

    const engine = new MetricEngine({ queues: ['zd-billing', 'zd-chat'].map((id) => ({ id, firstResponseTargetSeconds: 600 })) });
    for (const event of rated) expect(engine.applyEvent(event).applied).toBe(true);
    expect(engine.metricsFor('zd-billing', NOW)).toMatchObject({ csat: 50, csatRatings: 2 });
    expect(engine.metricsFor('zd-chat', NOW)).toMatchObject({ csat: 100, csatRatings: 1 });

    // The next poll looks back a day from the newest rating and reports nothing twice.
    await poll();
    const next = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/satisfaction_ratings').slice(2);
    expect(next[0]!.url.searchParams.get('start_time')).toBe(String(Math.floor((NOW - 5 * MIN - HOUR - 24 * HOUR) / 1000)));
    expect(events.filter((e) => e.type === 'rated')).toHaveLength(3);
  });

  it('keeps its queues up when ratings are not allowed (403), says so once, and asks again an hour later', async () => {
    const { helpdesk, statuses, logger, poll, events } = await setup(zendesk((_req, res) => sendJson(res, 403, { error: 'Forbidden', description: 'You do not have access to this page' })));
    const asks = () => helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/satisfaction_ratings').length;
    expect(asks()).toBe(1);
    expect(statuses).toEqual([]);
    expect(events.some((e) => e.type === 'created')).toBe(true);
    for (let i = 0; i < 5; i++) await poll();
    expect(asks()).toBe(1);
    for (let i = 0; i < 60; i++) await poll();
    expect(asks()).toBe(2);
    expect(statuses).toEqual([]);
    expect(logger.lines.filter((line) => line.includes('gave no satisfaction ratings (403)'))).toHaveLength(1);
  });

  it('fails the poll on a 503 from the ratings list, as on any other request', async () => {
    const { statuses, poll } = await setup(zendesk((_req, res) => sendJson(res, 503, 'Service Unavailable')));
    for (let i = 0; i < 8 && statuses.length === 0; i++) await poll();
    expect(statuses).toEqual([{ state: 'down', queueIds: ['zd-billing', 'zd-chat', 'zd-web', 'zd-mail'], reason: 'Zendesk answered 503 three times in a row' }]);
  });
});
