import { describe, expect, it } from 'vitest';
import { MetricEngine } from '../../metrics';
import type { ExportTicket, MetricSet } from './zendesk-api';
import { ZendeskTicketTracker } from './zendesk-tickets';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const QUEUES = [{ id: 'zd-tier1', source: { kind: 'zendesk' as const, connection: 'zd', groupId: 100 } }];

/** A ticket of group 100 as the incremental export shows it, with its metric set (times already parsed). */
const ticket = (status: ExportTicket['status'], updatedAgo: number, metrics: Partial<MetricSet> = {}, groupId = 100): [ExportTicket, MetricSet] => [
  { id: 7, group_id: groupId, status, created_at: NOW - 300 * MIN, updated_at: NOW - updatedAgo * MIN },
  { ticket_id: 7, solved_at: null, reply_time_in_minutes: { calendar: 10 }, ...metrics },
];

/**
 * A tracker resumed from a saved cursor whose export had read every change before `exportedUntil`, after a run
 * that reported `lastRun` (applied to the engine, as the store restores it); the engine keeps no idempotency keys,
 * as after their horizon: whatever is sent again counts again.
 */
function resumed(lastRun: Array<[ExportTicket, MetricSet]>, exportedUntil: number | null, ...sights: Array<[ExportTicket, MetricSet]>) {
  const engine = new MetricEngine({ queues: [{ id: 'zd-tier1', firstResponseTargetSeconds: 3600 }] });
  const before = new ZendeskTicketTracker(QUEUES, NOW - 24 * 60 * MIN);
  for (const e of lastRun.flatMap(([t, m]) => before.eventsFor(t, m))) engine.applyEvent(e);
  const tracker = new ZendeskTicketTracker(QUEUES, NOW - 24 * 60 * MIN);
  tracker.start(exportedUntil, (id) => engine.openTicket(id), true);
  const events = sights.flatMap(([t, m]) => tracker.eventsFor(t, m));
  const refused = events.map((e) => engine.applyEvent(e)).filter((o) => !o.applied);
  return { events: events.map((e) => [e.type, (e.at - NOW) / MIN]), refused, engine, metrics: engine.metricsFor('zd-tier1', NOW) };
}

describe('Zendesk ticket events after resuming from a saved cursor (the tracker knows none of the last run’s tickets)', () => {
  const solved = ticket('solved', 100, { solved_at: NOW - 100 * MIN });

  it('a ticket the last run saw solved, reopened since: reopened, open again in the engine', () => {
    const { events, refused, engine } = resumed([solved], NOW - 60 * MIN, ticket('open', 5, { reopens: 1 }));
    expect(events).toEqual([['reopened', -5]]);
    expect(refused).toEqual([]);
    expect(engine.openTicket('zendesk-7')).toEqual({ queueId: 'zd-tier1', openedAt: NOW - 5 * MIN, firstReplied: true });
  });

  it('a ticket the last run saw solved, a survey since: nothing, not created and solved again (a second resolution)', () => {
    const { events, metrics } = resumed([solved], NOW - 60 * MIN, ticket('solved', 5, { solved_at: NOW - 100 * MIN }));
    expect(events).toEqual([]);
    expect(metrics.resolutionP50).toBe(200 * 60);
    expect(metrics.outflowPerHour).toBe(0);
  });

  it('a ticket open in the engine, solved since: solved only, its resolution once', () => {
    const { events, refused, metrics } = resumed([ticket('open', 200)], NOW - 60 * MIN, ticket('solved', 5, { solved_at: NOW - 5 * MIN }));
    expect(events).toEqual([['solved', -5]]);
    expect(refused).toEqual([]);
    expect(metrics.resolutionP50).toBe(295 * 60);
  });

  it('an open ticket new to the last run (moved in since from a group not configured): created', () => {
    const { events } = resumed([], NOW - 60 * MIN, ticket('open', 5));
    expect(events).toEqual([['created', -300]]);
  });

  it('without the export’s point saved, a ticket not open in the engine is new: created and solved', () => {
    const { events } = resumed([], null, ticket('solved', 5, { solved_at: NOW - 5 * MIN }));
    expect(events).toEqual([['created', -300], ['solved', -5]]);
  });
});
