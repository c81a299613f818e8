import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { MetricEngine } from '../../metrics';
import { IntercomConnectionSchema } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const unix = (ms: number) => Math.floor(ms / 1000);

interface SearchBody {
  query: { value: Array<{ field: string; operator: string; value: unknown }> };
  pagination: { per_page: number; starting_after?: string };
}
const rated = (id: string, rating: unknown, answeredAgo: number) => ({
  type: 'conversation', id, state: 'closed', created_at: unix(NOW - 3 * DAY), updated_at: unix(NOW - answeredAgo * MIN), team_assignee_id: 42,
  conversation_rating: { rating, remark: null, created_at: unix(NOW - answeredAgo * MIN - 30 * MIN), updated_at: unix(NOW - answeredAgo * MIN), contact: { type: 'contact', id: 'u1' }, teammate: { type: 'admin', id: '7' } },
});
const list = (conversations: unknown[], next: string | null) => ({
  type: 'conversation.list', total_count: conversations.length, pages: { type: 'pages', page: 1, per_page: 150, total_pages: next ? 2 : 1, next: next ? { page: 2, starting_after: next } : null }, conversations,
});

/** Intercom's search: the rated-conversations query pages once; every other search finds nothing. */
const intercom: Route = (req, res) => {
  if (req.method !== 'POST' || req.url.pathname !== '/conversations/search') return sendJson(res, 404, { type: 'error.list' });
  const body = req.body as SearchBody;
  const replied = body.query.value.find((f) => f.field === 'conversation_rating.replied_at');
  if (!replied) return sendJson(res, 200, list([], null));
  if (Number(replied.value) >= unix(NOW - 10 * MIN) - 1) return sendJson(res, 200, list([rated('c4', 4, 10)], null));
  if (body.pagination.starting_after === 'p2') return sendJson(res, 200, list([rated('c3', 1, 30), rated('c4', 4, 10)], null));
  return sendJson(res, 200, list([rated('c1', 5, 2 * 24 * 60), rated('c2', 3, 60), { ...rated('c5', 9, 5) }], 'p2'));
};

function setup(route: Route) {
  return startConnector({
    now: NOW,
    route,
    create: (baseUrl, capabilities) =>
      createIntercomSource({
        ...capabilities,
        connection: IntercomConnectionSchema.parse({ id: 'intercom-eu', kind: 'intercom', baseUrl, token: 'dG9rOmludGVyY29tLXNlY3JldC10b2tlbg==' }),
        queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'intercom-eu', teamId: '42' } }],
      }),
  });
}

describe('Intercom conversation ratings', () => {
  it('searches the team’s rated conversations of the last week page by page, satisfied for 4 and 5', async () => {
    const { helpdesk, events, source, poll } = await setup(intercom);
    const searches = () => helpdesk.requests.map((r) => r.body as SearchBody).filter((b) => b.query.value.some((f) => f.field === 'conversation_rating.replied_at'));
    expect(searches()[0]!.query.value).toEqual([
      { field: 'team_assignee_id', operator: '=', value: '42' },
      { field: 'conversation_rating.replied_at', operator: '>', value: unix(NOW - 7 * DAY) - 1 },
    ]);
    expect(searches()[1]!.pagination.starting_after).toBe('p2');
    const ratings = events.filter((e) => e.type === 'rated');
    expect(ratings).toEqual([
      { eventId: 'intercom-c1-rated', type: 'rated', ticketId: 'intercom-c1', queueId: 'ic-vip', at: NOW - 2 * DAY, satisfied: true },
      { eventId: 'intercom-c2-rated', type: 'rated', ticketId: 'intercom-c2', queueId: 'ic-vip', at: NOW - 60 * MIN, satisfied: false },
      { eventId: 'intercom-c3-rated', type: 'rated', ticketId: 'intercom-c3', queueId: 'ic-vip', at: NOW - 30 * MIN, satisfied: false },
      { eventId: 'intercom-c4-rated', type: 'rated', ticketId: 'intercom-c4', queueId: 'ic-vip', at: NOW - 10 * MIN, satisfied: true },
    ]);
    // A rating of 9 is not on Intercom's scale: skipped and counted.
    expect(source.skippedItems).toBe(1);

    const engine = new MetricEngine({ queues: [{ id: 'ic-vip', firstResponseTargetSeconds: 120 }] });
    for (const event of ratings) engine.applyEvent(event);
    expect(engine.metricsFor('ic-vip', NOW)).toMatchObject({ csat: 50, csatRatings: 4 });

    // The next poll searches from the newest rating on and reports c4 once.
    await poll();
    expect(searches().at(-1)!.query.value[1]!.value).toBe(unix(NOW - 10 * MIN) - 1);
    expect(events.filter((e) => e.type === 'rated')).toHaveLength(4);
  });
});
