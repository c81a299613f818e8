import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson } from '../../../tests/support/fake-helpdesk';
import { expectedBreached, searchResult, type FakeSlaTicket } from '../../../tests/support/fake-freshdesk-sla';
import { FreshdeskConnectionSchema } from './freshdesk-config';
import { createFreshdeskSource } from './freshdesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const world: FakeSlaTicket[] = [
  // Answered in time a week ago, long before the 24 h backfill: fr_due_by is past, no breach.
  { id: 1, status: 2, createdAt: NOW - 7 * DAY, firstResponseDue: NOW - 7 * DAY + 60 * MIN, answeredAt: NOW - 7 * DAY + 10 * MIN, resolutionDue: NOW + DAY },
  // Waiting on the customer since before its resolution deadline would have passed: paused, no breach.
  { id: 2, status: 3, createdAt: NOW - 3 * DAY, firstResponseDue: NOW - 3 * DAY + 60 * MIN, answeredAt: NOW - 3 * DAY + 5 * MIN, resolutionDue: NOW - DAY, pausedSince: NOW - 2 * DAY },
  // Never answered, first response due an hour ago: a breach.
  { id: 3, status: 2, createdAt: NOW - 2 * 60 * MIN, firstResponseDue: NOW - 60 * MIN, resolutionDue: NOW + DAY },
  // Answered, resolution due an hour ago while Open: a breach.
  { id: 4, status: 2, createdAt: NOW - 2 * DAY, firstResponseDue: NOW - 2 * DAY + 60 * MIN, answeredAt: NOW - 2 * DAY + 5 * MIN, resolutionDue: NOW - 60 * MIN },
  // Went Pending after its resolution deadline passed: Freshdesk escalated it first, a breach.
  { id: 5, status: 3, createdAt: NOW - 2 * DAY, firstResponseDue: NOW - 2 * DAY + 60 * MIN, answeredAt: NOW - 2 * DAY + 5 * MIN, resolutionDue: NOW - DAY, pausedSince: NOW - 60 * MIN },
  // Within every deadline.
  { id: 6, status: 2, createdAt: NOW - 10 * MIN, firstResponseDue: NOW + 50 * MIN, resolutionDue: NOW + DAY },
];

function setup(withVerdicts: boolean) {
  return startConnector({
    now: NOW,
    route: (req, res) => {
      if (req.url.pathname === '/api/v2/search/tickets') return sendJson(res, 200, { results: world.map((t) => searchResult(t, req.at, withVerdicts)), total: world.length });
      // Nothing was updated inside the backfill: the connector knows no replies from ticket stats.
      if (req.url.pathname === '/api/v2/tickets' || req.url.pathname === '/api/v2/surveys/satisfaction_ratings') return sendJson(res, 200, []);
      sendJson(res, 404, { code: 'invalid_url' });
    },
    create: (baseUrl, capabilities) =>
      createFreshdeskSource({
        ...capabilities,
        connection: FreshdeskConnectionSchema.parse({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, token: 'fd-ApiKey-0123456789abcdef' }),
        queues: [{ id: 'fd-care', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } }],
      }),
  });
}

describe('Freshdesk SLA breaches', () => {
  it('equal the fake’s own count: Freshdesk’s fr_escalated / is_escalated, not a past fr_due_by on an answered ticket', async () => {
    const { readings } = await setup(true);
    expect(expectedBreached(world, NOW)).toBe(3);
    expect(readings.map((r) => r.slaBreached)).toEqual([expectedBreached(world, NOW)]);
  });

  it('without the verdicts, do not count due_by on a Pending ticket whose SLA timer is paused', async () => {
    const paused = world.filter((t) => t.id === 2 || t.id === 6);
    expect(expectedBreached(paused, NOW)).toBe(0);
    const { readings } = await setup(false);
    // Tickets 3 and 4 are Open past a due-by; ticket 1's fr_due_by is past and, without the verdict, its reply
    // unknown (counted); 2 and 5 are Pending: the timer is paused, due_by is not read (5's earlier breach needs
    // is_escalated to be seen).
    expect(readings.map((r) => r.slaBreached)).toEqual([3]);
  });
});
