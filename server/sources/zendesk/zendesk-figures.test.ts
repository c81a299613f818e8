import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { comparable, engineFrom, fakeZendesk, type FakeZendeskOptions } from '../../../tests/support/fake-zendesk';
import { expectedFigures, type FakeZendeskTicket } from '../../../tests/support/fake-zendesk-world';
import { ZendeskConnectionSchema } from './zendesk-config';
import { createZendeskSource } from './zendesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TOKEN = 'zd-Tok3n-abcdefghijklmnop';
const QUEUES = [
  { id: 'zd-tier1', fake: { groupId: 100 } },
  { id: 'zd-tier2', fake: { groupId: 200 } },
];

/** The connector against the fake Zendesk over `tickets`, after its first poll. */
async function connect(tickets: FakeZendeskTicket[], fake: Partial<FakeZendeskOptions> = {}) {
  const zendesk = fakeZendesk({ tickets, ...fake });
  const connector = await startConnector({
    now: NOW,
    route: zendesk.route,
    create: (baseUrl, capabilities) =>
      createZendeskSource({
        ...capabilities,
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: TOKEN, backfillHours: 24 }),
        queues: QUEUES.map((q) => ({ id: q.id, source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: q.fake.groupId } })),
      }),
  });
  /** Every queue's figures as the engine computes them from what the connector sent, beside the fake's own. */
  const figures = () => {
    const now = connector.time.now();
    const { engine, refused } = engineFrom(QUEUES.map((q) => q.id), connector);
    return {
      refused,
      shown: Object.fromEntries(QUEUES.map((q) => [q.id, comparable(engine.metricsFor(q.id, now))])),
      truth: Object.fromEntries(QUEUES.map((q) => [q.id, expectedFigures(tickets, q.fake, now)])),
    };
  };
  return { ...connector, zendesk, figures };
}

describe('Zendesk figures equal the fake account’s own', () => {
  it('keeps a first reply the metric events give before the ticket export shows its ticket, and one of a ticket already solved', async () => {
    // Nine tickets of tier 2 fill the export's first minute (10 requests a minute, a page a ticket): the metric events are read a minute later.
    const fillers = Array.from({ length: 9 }, (_, i): FakeZendeskTicket => ({ id: i + 1, groupId: 200, channel: 'email', createdAt: NOW - (30 + i) * MIN, firstReplyAt: NOW - (25 + i) * MIN }));
    const tickets: FakeZendeskTicket[] = [
      ...fillers,
      // Solved before the metric events are read: its first reply comes from them after the export said solved.
      { id: 20, groupId: 100, channel: 'email', createdAt: NOW - 50 * MIN, firstReplyAt: NOW - 45 * MIN, solvedAt: NOW - 40 * MIN },
      // Too new for the ticket export at NOW (it leaves out the last minute); its reply is in the metric events read later.
      { id: 21, groupId: 100, channel: 'email', createdAt: NOW - 50 * S, firstReplyAt: NOW - 20 * S },
    ];
    const { figures, poll, helpdesk, zendesk } = await connect(tickets, { ticketsPerPage: 1 });
    const metricAsks = helpdesk.requests.filter((r) => r.url.pathname.endsWith('ticket_metric_events'));
    // The connector keeps to that limit itself: the metric events are read once the minute is over.
    expect(metricAsks[0]!.at).toBeGreaterThanOrEqual(NOW + MIN);
    expect(zendesk.overLimit).toBe(0);
    await poll();
    const { refused, shown, truth } = figures();
    expect(refused).toEqual([]);
    expect(shown).toEqual(truth);
    expect(shown['zd-tier1']).toMatchObject({ firstResponseP50: 30, firstResponseP90: 300, resolutionP50: 600 });
  });

  it('measures resolution to ticket_metrics.solved_at, not to a later survey or note that moved updated_at', async () => {
    const tickets: FakeZendeskTicket[] = [
      // Solved without a public reply (answered by phone): only the resolution is measured.
      { id: 1, groupId: 100, channel: 'email', createdAt: NOW - 10 * HOUR, solvedAt: NOW - 9 * HOUR, touchedAt: [NOW - 2 * HOUR] },
      { id: 2, groupId: 100, channel: 'email', createdAt: NOW - 3 * HOUR, solvedAt: NOW - HOUR },
      { id: 3, groupId: 200, channel: 'web', createdAt: NOW - 20 * HOUR, solvedAt: NOW - 4 * HOUR, touchedAt: [NOW - 30 * MIN] },
    ];
    const { figures, helpdesk } = await connect(tickets);
    const { refused, shown, truth } = figures();
    expect(refused).toEqual([]);
    expect(shown).toEqual(truth);
    expect(shown['zd-tier1']).toMatchObject({ resolutionP50: 3600, resolutionP90: 7200 });
    expect(shown['zd-tier2']).toMatchObject({ resolutionP50: 16 * 3600 });
    const exportAsk = helpdesk.requests.find((r) => r.url.pathname.endsWith('tickets/cursor'))!;
    expect(exportAsk.url.searchParams.get('include')).toBe('metric_sets');
  });

  it('sees open tickets older than the export’s start: they wait, and breach, on the wall', async () => {
    const tickets: FakeZendeskTicket[] = [
      // Open three days, never answered, its first-reply target breached an hour in; untouched since.
      { id: 30, groupId: 100, channel: 'email', createdAt: NOW - 3 * DAY, breachAt: NOW - 3 * DAY + HOUR },
      // Open five days, answered long ago: not waiting.
      { id: 31, groupId: 100, channel: 'email', createdAt: NOW - 5 * DAY, firstReplyAt: NOW - 5 * DAY + 30 * MIN },
      { id: 32, groupId: 100, channel: 'email', createdAt: NOW - 2 * HOUR },
      { id: 33, groupId: 200, channel: 'email', createdAt: NOW - 26 * HOUR, solvedAt: NOW - 25 * HOUR },
    ];
    const { figures, helpdesk, poll } = await connect(tickets);
    await poll();
    const { refused, shown, truth } = figures();
    expect(refused).toEqual([]);
    expect(shown).toEqual(truth);
    expect(shown['zd-tier1']).toMatchObject({ backlog: 3, slaBreached: 1, oldestWaitingSeconds: 3 * 86_400 + 60 });
    const search = helpdesk.requests.find((r) => r.url.pathname === '/api/v2/search/export')!;
    expect(search.url.searchParams.get('query')).toBe('type:ticket status<solved group_id:100 updated<2026-11-23T09:00:00Z');
    // Once, when the connector starts: later polls read the export alone.
    expect(helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/search/export')).toHaveLength(2);
  });
});
