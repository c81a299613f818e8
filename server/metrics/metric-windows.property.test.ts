import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import type { PercentileWindow } from '../../shared/percentile-window';
import { MetricEngine } from './metric-engine';
import { officeDayCutoff } from './window-cutoffs';

const ZONES = ['Europe/Lisbon', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
// Around the clock changes of 2026 (Europe: 29 March, 25 October; New York: 8 March, 1 November) and a plain day.
const STARTS = [Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 10, 1, 0), Date.UTC(2026, 11, 7, 9)];

const dateIn = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at: number) => format.format(at);
};

/** Local midnight the slow way: the earliest millisecond within the last 27 h that has today's local date. */
function bruteMidnight(timeZone: string, now: number): number {
  const date = dateIn(timeZone);
  const today = date(now);
  let low = now - 27 * 3_600_000; // surely yesterday
  let high = now; // surely today
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (date(mid) === today) high = mid;
    else low = mid;
  }
  return high;
}

describe('the office day', () => {
  it('starts at the local midnight of the office, across clock changes, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...STARTS), fc.array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 8 }), (zone, start, offsets) => {
        const cutoff = officeDayCutoff(zone);
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const now = start + offset;
          expect(cutoff(now), `${zone} at ${new Date(now).toISOString()}`).toBe(bruteMidnight(zone, now));
        }
      }),
      { numRuns: 200 },
    );
  });
});

const WINDOWS = fc.constantFrom<PercentileWindow>('today', 30, 60, 24 * 60);

const step = fc.record({
  kind: fc.constantFrom('open', 'reply', 'solve'),
  ticket: fc.integer({ min: 0, max: 40 }),
  dtMinutes: fc.integer({ min: 0, max: 90 }),
});

/** Percentiles and attainment over a queue's own windows, by keeping every sample and filtering at query time. */
function reference(events: TicketEvent[], now: number, cutoff: { firstResponse: number; resolution: number }, target: number) {
  const opened = new Map<string, number>();
  const replied = new Set<string>();
  const fr: Array<{ at: number; value: number }> = [];
  const res: Array<{ at: number; value: number }> = [];
  for (const e of events) {
    if (e.type === 'created' && !opened.has(e.ticketId)) opened.set(e.ticketId, e.at);
    const since = opened.get(e.ticketId);
    if (since === undefined) continue;
    if (e.type === 'first-reply' && !replied.has(e.ticketId)) {
      replied.add(e.ticketId);
      fr.push({ at: e.at, value: Math.max(0, (e.at - since) / 1000) });
    }
    if (e.type === 'solved') {
      res.push({ at: e.at, value: Math.max(0, (e.at - since) / 1000) });
      opened.delete(e.ticketId);
      replied.delete(e.ticketId);
    }
  }
  const pct = (values: number[], q: number) => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((x, y) => x - y);
    return Math.round(sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!);
  };
  const inFr = fr.filter((s) => s.at >= cutoff.firstResponse && s.at <= now).map((s) => s.value);
  const inRes = res.filter((s) => s.at >= cutoff.resolution && s.at <= now).map((s) => s.value);
  return {
    firstResponseP50: pct(inFr, 0.5),
    firstResponseP90: pct(inFr, 0.9),
    resolutionP50: pct(inRes, 0.5),
    resolutionP90: pct(inRes, 0.9),
    slaAttainment: inFr.length === 0 ? null : Math.round((inFr.filter((v) => v <= target).length / inFr.length) * 1000) / 10,
  };
}

describe('per-queue percentile windows against a brute-force reference', () => {
  it('agree for rolling and office-day windows, in any zone, over two days of events', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...STARTS),
        WINDOWS,
        WINDOWS,
        fc.array(step, { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 36 * 60 }), { minLength: 1, maxLength: 4 }),
        (zone, start, firstResponse, resolution, steps, asks) => {
          let at = start;
          const events: TicketEvent[] = steps.map((s, i) => {
            at += s.dtMinutes * 60_000;
            const ticketId = `t${s.ticket}`;
            if (s.kind === 'open') return { eventId: `e${i}`, type: 'created', ticketId, queueId: 'q', at };
            return { eventId: `e${i}`, type: s.kind === 'reply' ? 'first-reply' : 'solved', ticketId, at };
          });
          const target = 1800;
          const engine = new MetricEngine({ queues: [{ id: 'q', firstResponseTargetSeconds: target, windows: { firstResponse, resolution }, timeZone: zone }] });
          for (const event of events) engine.applyEvent(event);
          const last = events[events.length - 1]!.at;
          for (const ask of [...asks].sort((a, b) => a - b)) {
            const now = last + ask * 60_000;
            const cut = (w: PercentileWindow) => (w === 'today' ? bruteMidnight(zone, now) : now - w * 60_000);
            const expected = reference(events, now, { firstResponse: cut(firstResponse), resolution: cut(resolution) }, target);
            const m = engine.metricsFor('q', now);
            expect({
              firstResponseP50: m.firstResponseP50,
              firstResponseP90: m.firstResponseP90,
              resolutionP50: m.resolutionP50,
              resolutionP90: m.resolutionP90,
              slaAttainment: m.slaAttainment,
            }).toEqual(expected);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
