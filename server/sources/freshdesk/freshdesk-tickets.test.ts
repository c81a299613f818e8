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

/**
 * A tracker resumed from a saved cursor after a run that reported `lastRun` (applied to the engine, as the store
 * restores it): the events it makes of the tickets read after `cursorAt`, and what the engine then shows.
 */
function resumed(lastRun: StatsTicket[], cursorAt: number, ...sights: StatsTicket[]) {
  const engine = new MetricEngine({ queues: [{ id: 'fd-care', firstResponseTargetSeconds: 3600 }, { id: 'fd-returns', firstResponseTargetSeconds: 3600 }] });
  const before = new FreshdeskTicketTracker(new Map([[5, 'fd-care']]));
  for (const e of lastRun.flatMap((t) => before.eventsFor(t))) engine.applyEvent(e);
  const tracker = new FreshdeskTicketTracker(new Map([[5, 'fd-care'], [6, 'fd-returns']]));
  tracker.start(cursorAt, (id) => engine.openTicket(id), true);
  const events = sights.flatMap((t) => tracker.eventsFor(t));
  const refused = events.map((e) => engine.applyEvent(e)).filter((o) => !o.applied);
  return { tracker, events: events.map((e) => [e.type, (e.at - NOW) / MIN]), refused, metrics: engine.metricsFor('fd-care', NOW) };
}

describe('Freshdesk ticket events after resuming from a saved cursor (the tracker knows none of the last run’s tickets)', () => {
  const answered = ticket(2, { first_responded_at: NOW - 110 * MIN });
  const solved = ticket(4, { first_responded_at: NOW - 110 * MIN, resolved_at: NOW - 90 * MIN });
  const reopened = { ...solved, status: 2, stats: { ...solved.stats, reopened_at: NOW - 60 * MIN } };

  it('a ticket the last run saw solved and reopened, solved again since: the new solve only, no made-up solve at the reopen', () => {
    const { events, refused, metrics } = resumed([solved, reopened], NOW - 50 * MIN, { ...reopened, status: 4, stats: { ...reopened.stats, resolved_at: NOW - 20 * MIN } });
    expect(events).toEqual([['solved', -20]]);
    expect(refused).toEqual([]);
    // Two resolutions: the first life (-120 to -90) and the second (-60 to -20), each once.
    expect(metrics.resolutionP50).toBe(30 * 60);
    expect(metrics.resolutionP90).toBe(40 * 60);
  });

  it('a ticket the last run saw solved, reopened since: reopened, open again', () => {
    const { events, refused, metrics } = resumed([solved], NOW - 80 * MIN, reopened);
    expect(events).toEqual([['reopened', -60]]);
    expect(refused).toEqual([]);
    expect(metrics.backlog).toBe(1);
  });

  it('a ticket the last run saw solved, reopened and solved again since: reopened and solved, no solve of the first life again', () => {
    const { events } = resumed([solved], NOW - 80 * MIN, { ...reopened, status: 4, stats: { ...reopened.stats, resolved_at: NOW - 20 * MIN } });
    expect(events).toEqual([['reopened', -60], ['solved', -20]]);
  });

  it('an open ticket the last run had answered, touched since: nothing new; its first response is known without a re-read', () => {
    const other = { ...answered, id: 8 };
    const { events, tracker } = resumed([answered, other], NOW - 30 * MIN, { ...answered, updated_at: NOW - 5 * MIN });
    expect(events).toEqual([]);
    expect(tracker.answered(8)).toBe(true);
    expect(tracker.answered(9)).toBe(false);
  });

  it('an open ticket moved since into a configured group from one that is not: created there', () => {
    const { events } = resumed([], NOW - 30 * MIN, { ...answered, group_id: 6 });
    expect(events).toEqual([['created', -120], ['first-reply', -110]]);
  });
});
