import { afterEach, describe, expect, it, vi } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { MetricEngine } from '../../metrics';
import { FreshdeskConnectionSchema } from './freshdesk-config';
import { createFreshdeskSource } from './freshdesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const rating = (id: number, group: number | null, answer: number, at: number) => ({
  id, survey_id: 1, user_id: 2, agent_id: 3, feedback: 'x', group_id: group, ticket_id: 400 + id, ratings: { default_question: answer, question_2: -102 },
  created_at: iso(at), updated_at: iso(at),
});
/** 100 ratings on page 1 (a full page: there is a next), one on page 2. */
const page1 = [
  rating(1, 5, 103, NOW - 3 * DAY),
  rating(2, 5, 101, NOW - 2 * DAY),
  rating(3, 5, 100, NOW - DAY),
  rating(4, 5, -103, NOW - 60 * MIN),
  rating(5, 77, 103, NOW - 50 * MIN),
  { id: 6, ticket_id: 406, ratings: { default_question: 250 }, created_at: iso(NOW) },
  ...Array.from({ length: 94 }, (_, i) => rating(100 + i, null, 103, NOW - 40 * MIN)),
];
const page2 = [rating(7, 5, 102, NOW - 10 * MIN)];

function freshdesk(ratings: Route): Route {
  return (req, res) => {
    if (req.url.pathname === '/api/v2/search/tickets') return sendJson(res, 200, { results: [], total: 0 });
    if (req.url.pathname === '/api/v2/tickets') return sendJson(res, 200, []);
    if (req.url.pathname === '/api/v2/surveys/satisfaction_ratings') return ratings(req, res);
    sendJson(res, 404, { code: 'invalid_url' });
  };
}
const pages: Route = (req, res) => {
  const since = Date.parse(req.url.searchParams.get('created_since')!);
  if (since >= NOW - 10 * MIN) return sendJson(res, 200, page2);
  sendJson(res, 200, req.url.searchParams.get('page') === '2' ? page2 : page1);
};

afterEach(() => vi.unstubAllEnvs());

function setup(route: Route) {
  vi.stubEnv('FD_KEY', 'fd-ApiKey-0123456789abcdef');
  return startConnector({
    now: NOW,
    route,
    env: { FD_KEY: 'fd-ApiKey-0123456789abcdef' },
    create: (baseUrl, capabilities) =>
      createFreshdeskSource({
        ...capabilities,
        connection: FreshdeskConnectionSchema.parse({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, tokenEnv: 'FD_KEY', backfillHours: 1 }),
        queues: [{ id: 'fd-returns', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } }],
      }),
  });
}

describe('Freshdesk satisfaction ratings', () => {
  it('reads a week of ratings page by page, satisfied above neutral, in the queue of their group', async () => {
    const { helpdesk, events, source, poll } = await setup(freshdesk(pages));
    const asked = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/surveys/satisfaction_ratings');
    expect(asked.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { created_since: new Date(NOW - 7 * DAY).toISOString(), per_page: '100', page: '1' },
      { created_since: new Date(NOW - 7 * DAY).toISOString(), per_page: '100', page: '2' },
    ]);
    const rated = events.filter((e) => e.type === 'rated');
    expect(rated.map((e) => [e.eventId, e.ticketId, e.queueId, e.satisfied])).toEqual([
      ['freshdesk-rating-1', 'freshdesk-401', 'fd-returns', true],
      ['freshdesk-rating-2', 'freshdesk-402', 'fd-returns', true],
      ['freshdesk-rating-3', 'freshdesk-403', 'fd-returns', false],
      ['freshdesk-rating-4', 'freshdesk-404', 'fd-returns', false],
      ['freshdesk-rating-7', 'freshdesk-407', 'fd-returns', true],
    ]);
    expect(rated[0]!.at).toBe(NOW - 3 * DAY);
    // The rating with no answer on the scale is skipped and counted.
    expect(source.skippedItems).toBe(1);

    const engine = new MetricEngine({ queues: [{ id: 'fd-returns', firstResponseTargetSeconds: 3600 }] });
    for (const event of rated) engine.applyEvent(event);
    expect(engine.metricsFor('fd-returns', NOW)).toMatchObject({ csat: 60, csatRatings: 5 });

    // The next poll asks from the newest rating on; the newest, read again, is not reported twice.
    await poll();
    expect(helpdesk.requests.at(-1)!.url.searchParams.get('created_since')).toBe(new Date(NOW - 10 * MIN).toISOString());
    expect(events.filter((e) => e.type === 'rated')).toHaveLength(5);
  });

  it('keeps its queue up when the account has no surveys (404)', async () => {
    const { statuses, logger } = await setup(freshdesk((_req, res) => sendJson(res, 404, { code: 'invalid_url' })));
    expect(statuses).toEqual([]);
    expect(logger.lines.join('\n')).toMatch(/Freshdesk gave no satisfaction ratings \(404\)/);
  });
});
