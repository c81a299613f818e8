import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { expectedFigures, fakeFreshdesk, SEARCH_PAGES, type FakeFreshdeskTicket } from '../../../tests/support/fake-freshdesk';
import type { Route } from '../../../tests/support/fake-helpdesk';
import { FreshdeskConnectionSchema } from './freshdesk-config';
import { createFreshdeskSource } from './freshdesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `count` unresolved tickets of a group created `spanHours` apart back from now; every third waits on the customer, every seventh is past its deadline. */
function backlog(groupId: number, count: number, spanHours: number, firstId: number): FakeFreshdeskTicket[] {
  return Array.from({ length: count }, (_, i) => {
    const createdAt = NOW - (i + 1) * spanHours * HOUR;
    const late = i % 7 === 0;
    return {
      id: firstId + i,
      createdAt,
      groups: [{ at: createdAt, groupId }],
      ...(i % 3 === 0 ? { firstRespondedAt: createdAt + 10 * 60_000, pendsAfterReply: true } : {}),
      changes: [],
      firstResponseDue: late ? createdAt + 5 * 60_000 : NOW + HOUR,
      resolutionDue: late ? createdAt + HOUR : NOW + DAY,
    };
  });
}

function setup(route: Route) {
  return startConnector({
    now: NOW,
    route,
    create: (baseUrl, capabilities) =>
      createFreshdeskSource({
        ...capabilities,
        connection: FreshdeskConnectionSchema.parse({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, token: 'fd-ApiKey-0123456789abcdef', rateLimitPerMinute: 100_000 }),
        queues: [
          { id: 'fd-returns', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } },
          { id: 'fd-care', source: { kind: 'freshdesk', connection: 'fd', groupId: 6 } },
        ],
      }),
  });
}

const searchPages = (requests: Array<{ url: URL }>) => requests.filter((r) => r.url.pathname === '/api/v2/search/tickets').map((r) => Number(r.url.searchParams.get('page')));

describe('Freshdesk’s 300-result search cap', () => {
  it('a backlog of 740 tickets over 60 days: every figure equals the fake’s, and no page past 10 is asked for', async () => {
    // Every 2 hours for 60 days in group 5; group 6 is small and read in one query.
    const tickets = [...backlog(5, 740, 2, 1), ...backlog(6, 12, 5, 5000)];
    const { readings, queueReadings, helpdesk, statuses } = await setup(fakeFreshdesk(tickets));
    const expected = expectedFigures(tickets, 5, NOW);
    expect(expected.backlog).toBe(740);
    expect(expected.oldestWaitingSeconds).toBeGreaterThan(50 * 86_400);
    expect(queueReadings.find((r) => r.queueId === 'fd-returns')!.reading).toEqual({ at: NOW, ...expected });
    expect(queueReadings.find((r) => r.queueId === 'fd-care')!.reading).toEqual({ at: NOW, ...expectedFigures(tickets, 6, NOW) });
    expect(readings).toHaveLength(2);
    expect(statuses).toEqual([]);
    expect(Math.max(...searchPages(helpdesk.requests))).toBeLessThanOrEqual(SEARCH_PAGES);
    // 25 pages of results, a first page per date part, and the halving through the empty years since 2010.
    expect(searchPages(helpdesk.requests).length).toBeLessThan(60);
  });

  it('the next poll starts its halving at the oldest ticket found, and still finds an older one reopened since', async () => {
    const reopened: FakeFreshdeskTicket = {
      id: 9000,
      createdAt: NOW - 400 * DAY,
      groups: [{ at: NOW - 400 * DAY, groupId: 5 }],
      firstRespondedAt: NOW - 400 * DAY + HOUR,
      changes: [{ at: NOW - 399 * DAY, to: 'resolved' }, { at: NOW + 30_000, to: 'reopened' }],
      firstResponseDue: NOW - 399 * DAY,
      resolutionDue: NOW - 390 * DAY,
    };
    const tickets = [...backlog(5, 740, 2, 1), reopened];
    const { queueReadings, helpdesk, poll } = await setup(fakeFreshdesk(tickets));
    const first = searchPages(helpdesk.requests).length;
    await poll();
    const second = searchPages(helpdesk.requests).length - first;
    const at = NOW + 60_000;
    expect(expectedFigures(tickets, 5, at).oldestWaitingSeconds).toBe(400 * 86_400 + 60);
    expect(queueReadings.filter((r) => r.queueId === 'fd-returns').at(-1)!.reading).toEqual({ at, ...expectedFigures(tickets, 5, at) });
    // No halving through the empty years again: one query for the days before the oldest ticket, which finds the reopened one.
    expect(second).toBeLessThan(first - 5);
  });

  it('the fake refuses page 11 as Freshdesk does, so a connector reading past the cap fails loudly', async () => {
    const { helpdesk } = await setup(fakeFreshdesk(backlog(5, 400, 1, 1)));
    const query = encodeURIComponent('"group_id:5 AND (status:2 OR status:3)"');
    const answer = await fetch(`${helpdesk.baseUrl}/api/v2/search/tickets?query=${query}&page=11`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ description: 'Validation failed', errors: [{ field: 'page', message: 'It should be a Positive Number less than or equal to 10', code: 'invalid_value' }] });
    const first = await (await fetch(`${helpdesk.baseUrl}/api/v2/search/tickets?query=${query}&page=10`)).json();
    expect([first.total, first.results.length]).toEqual([400, 30]);
  });

  it('more than 300 created on one day: that day is read Open and Pending apart', async () => {
    // 420 tickets in the 8.4 hours before 09:00, 140 of them Pending: the day is over the cap, each status under it.
    const tickets = backlog(5, 420, 0.02, 1);
    const { queueReadings, helpdesk } = await setup(fakeFreshdesk(tickets));
    expect(queueReadings.find((r) => r.queueId === 'fd-returns')!.reading).toEqual({ at: NOW, ...expectedFigures(tickets, 5, NOW) });
    const queries = helpdesk.requests.map((r) => r.url.searchParams.get('query') ?? '');
    expect(queries.some((q) => /\(status:2\) AND created_at/.test(q))).toBe(true);
  });

  it('more than 300 of one status on one day: says so, and sends no oldest waiting or breach count it cannot know', async () => {
    const tickets = backlog(5, 330, 0.01, 1).map((t) => ({ ...t, firstRespondedAt: undefined, pendsAfterReply: false }) as FakeFreshdeskTicket);
    const { queueReadings, logger } = await setup(fakeFreshdesk(tickets));
    expect(queueReadings.find((r) => r.queueId === 'fd-returns')!.reading).toEqual({ at: NOW, backlog: 330 });
    expect(logger.lines.join('\n')).toMatch(/more than 300 .*"queueId":"fd-returns"/);
  });
});
