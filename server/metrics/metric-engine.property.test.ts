import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { MetricEngine } from './metric-engine';

const QUEUES = [
  { id: 'a', firstResponseTargetSeconds: 90 },
  { id: 'b', firstResponseTargetSeconds: 300 },
];
const WINDOWS = { firstResponseMs: 10 * 60_000, resolutionMs: 30 * 60_000, flowMs: 15 * 60_000, csatMs: 20 * 60_000 };
const T0 = Date.UTC(2026, 10, 17, 9);

/**
 * The same rules the simple way: keep every sample forever, filter and sort everything at query time.
 */
function reference(events: TicketEvent[], now: number) {
  const tickets = new Map<string, { queue: string; openedAt: number; waiting: number | null; replied: boolean }>();
  const samples: Array<{ kind: 'fr' | 'res' | 'in' | 'out' | 'csat'; queue: string; at: number; value: number }> = [];
  for (const e of events) {
    const t = tickets.get(e.ticketId);
    if (e.type === 'rated') samples.push({ kind: 'csat', queue: e.queueId!, at: e.at, value: e.satisfied ? 1 : 0 });
    else if (e.type === 'created' || e.type === 'queued' || e.type === 'reopened') {
      if (!t) {
        tickets.set(e.ticketId, { queue: e.queueId!, openedAt: e.at, waiting: e.at, replied: e.type === 'reopened' });
        samples.push({ kind: 'in', queue: e.queueId!, at: e.at, value: 1 });
      } else {
        if (e.type === 'reopened' && t.waiting === null) t.waiting = e.at;
        if (e.type !== 'created' && e.queueId !== t.queue) {
          samples.push({ kind: 'out', queue: t.queue, at: e.at, value: 1 }, { kind: 'in', queue: e.queueId!, at: e.at, value: 1 });
          t.queue = e.queueId!;
        }
      }
    } else if (t && e.type === 'first-reply') {
      if (!t.replied) samples.push({ kind: 'fr', queue: t.queue, at: e.at, value: Math.max(0, (e.at - t.openedAt) / 1000) });
      t.replied = true;
      t.waiting = null;
    } else if (t && e.type === 'solved') {
      samples.push({ kind: 'res', queue: t.queue, at: e.at, value: Math.max(0, (e.at - t.openedAt) / 1000) });
      samples.push({ kind: 'out', queue: t.queue, at: e.at, value: 1 });
      tickets.delete(e.ticketId);
    }
  }
  return (queue: string) => {
    const pick = (kind: string, windowMs: number) =>
      samples.filter((s) => s.kind === kind && s.queue === queue && s.at >= now - windowMs).map((s) => s.value);
    const pct = (values: number[], q: number) => {
      if (values.length === 0) return null;
      const sorted = [...values].sort((x, y) => x - y);
      return Math.round(sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!);
    };
    const fr = pick('fr', WINDOWS.firstResponseMs);
    const res = pick('res', WINDOWS.resolutionMs);
    const ratings = pick('csat', WINDOWS.csatMs);
    const target = QUEUES.find((q) => q.id === queue)!.firstResponseTargetSeconds;
    const open = [...tickets.values()].filter((t) => t.queue === queue);
    const waiting = open.filter((t) => t.waiting !== null).map((t) => t.waiting!);
    const perHour = (count: number) => Math.round(((count * 3_600_000) / WINDOWS.flowMs) * 10) / 10;
    return {
      backlog: open.length,
      oldestWaitingSeconds: waiting.length === 0 ? null : Math.max(0, Math.round((now - Math.min(...waiting)) / 1000)),
      firstResponseP50: pct(fr, 0.5),
      firstResponseP90: pct(fr, 0.9),
      resolutionP50: pct(res, 0.5),
      resolutionP90: pct(res, 0.9),
      slaAttainment: fr.length === 0 ? null : Math.round((fr.filter((v) => v <= target).length / fr.length) * 1000) / 10,
      inflowPerHour: perHour(pick('in', WINDOWS.flowMs).length),
      outflowPerHour: perHour(pick('out', WINDOWS.flowMs).length),
      agentsOnline: null,
      slaBreached: open.filter((t) => !t.replied && (now - t.openedAt) / 1000 > target).length,
      csat: ratings.length === 0 ? null : Math.round((ratings.filter((v) => v === 1).length / ratings.length) * 1000) / 10,
      csatRatings: ratings.length,
      staffingGap: null,
      slaOutlook: null,
      // The engine does not know the usual: the baseline fills it in for the loop (server/forecast/).
      inflowVsUsual: null,
    };
  };
}

const step = fc.record({
  type: fc.constantFrom('created', 'queued', 'first-reply', 'solved', 'reopened', 'rated') as fc.Arbitrary<TicketEvent['type']>,
  ticket: fc.integer({ min: 0, max: 11 }),
  queue: fc.constantFrom('a', 'b'),
  satisfied: fc.boolean(),
  // Mostly forward in time, sometimes a little late.
  dtSeconds: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: -90, max: 0 })),
});

describe('MetricEngine against a brute-force reference', () => {
  it('agrees on every metric of every queue for random streams, moves, reopens, ratings and late events', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 160 }), fc.integer({ min: 0, max: 40 * 60 }), (steps, tailSeconds) => {
        let at = T0;
        const events: TicketEvent[] = steps.map((s, i) => {
          at += s.dtSeconds * 1000;
          const needsQueue = s.type === 'created' || s.type === 'queued' || s.type === 'reopened' || s.type === 'rated';
          const answer = s.type === 'rated' ? { satisfied: s.satisfied } : {};
          return { eventId: `e${i}`, type: s.type, ticketId: `t${s.ticket}`, at, ...(needsQueue ? { queueId: s.queue } : {}), ...answer } as TicketEvent;
        });
        const engine = new MetricEngine({ queues: QUEUES, windows: WINDOWS });
        for (const event of events) engine.applyEvent(event);
        const now = Math.max(...events.map((e) => e.at)) + tailSeconds * 1000;
        const expected = reference(events, now);
        for (const queue of ['a', 'b']) expect(engine.metricsFor(queue, now), queue).toEqual(expected(queue));
      }),
      { numRuns: 400 },
    );
  });

  it('percentiles match sorting everything, for any multiset of reply times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 300 }), (replySeconds) => {
        const engine = new MetricEngine({ queues: QUEUES, windows: { firstResponseMs: 1e12 } });
        replySeconds.forEach((seconds, i) => {
          engine.applyEvent({ eventId: `c${i}`, type: 'created', ticketId: `t${i}`, queueId: 'a', at: T0 });
          engine.applyEvent({ eventId: `r${i}`, type: 'first-reply', ticketId: `t${i}`, at: T0 + seconds * 1000 });
        });
        const sorted = [...replySeconds].sort((x, y) => x - y);
        const rank = (q: number) => sorted[Math.ceil(q * sorted.length) - 1];
        const m = engine.metricsFor('a', T0 + 60_000_000);
        expect([m.firstResponseP50, m.firstResponseP90]).toEqual([rank(0.5), rank(0.9)]);
      }),
      { numRuns: 300 },
    );
  });
});
