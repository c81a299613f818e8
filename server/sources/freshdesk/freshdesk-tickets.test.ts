import { describe, expect, it } from 'vitest';
import { MetricEngine } from '../../metrics';
import type { StatsTicket } from './freshdesk-api';
import { FreshdeskTicketTracker } from './freshdesk-tickets';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;

/** A ticket of group 5 as GET /api/v2/tickets?include=stats shows it (times already parsed). */
const ticket = (status: number, stats: StatsTicket['stats']): StatsTicket => ({ id: 7, group_id: 5, status, created_at: NOW - 120 * MIN, updated_at: NOW - MIN, stats });

function run(...sights: StatsTicket[]) {
  const tracker = new FreshdeskTicketTracker(new Map([[5, 'fd-care']]));
  const engine = new MetricEngine({ queues: [{ id: 'fd-care', firstResponseTargetSeconds: 3600 }] });
  const events = sights.flatMap((t) => tracker.eventsFor(t));
  const refused = events.map((e) => engine.applyEvent(e)).filter((o) => !o.applied);
  return { events: events.map((e) => [e.type, (e.at - NOW) / MIN]), refused, metrics: engine.metricsFor('fd-care', NOW) };
}

describe('Freshdesk ticket events', () => {
  it('a ticket first seen solved again after a reopen: solved by the reopen, reopened, solved; resolution from the reopen', () => {
    const { events, refused, metrics } = run(ticket(4, { first_responded_at: NOW - 110 * MIN, reopened_at: NOW - 60 * MIN, resolved_at: NOW - 20 * MIN }));
    expect(events).toEqual([['created', -120], ['first-reply', -110], ['solved', -60], ['reopened', -60], ['solved', -20]]);
    expect(refused).toEqual([]);
    // The current life ran from the reopen (-60) to the solve (-20): 40 min; the first at most 60 min.
    expect(metrics.resolutionP50).toBe(40 * 60);
    expect(metrics.resolutionP90).toBe(60 * 60);
    expect(metrics.backlog).toBe(0);
  });

  it('a ticket first seen open after a reopen keeps its earlier resolved_at, and its next solve counts from the reopen', () => {
    const open = ticket(2, { first_responded_at: NOW - 110 * MIN, resolved_at: NOW - 90 * MIN, reopened_at: NOW - 60 * MIN });
    const { events, metrics } = run(open, { ...open, status: 4, stats: { ...open.stats, resolved_at: NOW - 10 * MIN } });
    expect(events).toEqual([['created', -120], ['first-reply', -110], ['solved', -90], ['reopened', -60], ['solved', -10]]);
    expect(metrics.resolutionP50).toBe(30 * 60);
    expect(metrics.resolutionP90).toBe(50 * 60);
  });

  it('a reopen of a ticket already reported solved adds no second solve of the first life', () => {
    const solved = ticket(4, { first_responded_at: NOW - 110 * MIN, resolved_at: NOW - 90 * MIN });
    const { events } = run(solved, { ...solved, status: 2, stats: { ...solved.stats, reopened_at: NOW - 60 * MIN } });
    expect(events).toEqual([['created', -120], ['first-reply', -110], ['solved', -90], ['reopened', -60]]);
  });
});
