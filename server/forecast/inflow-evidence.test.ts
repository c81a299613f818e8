import { describe, expect, it } from 'vitest';
import { QUARTER_MS, type QuarterRow } from '../store/quarter-history';
import { InflowBaseline } from './inflow-baseline';
import { InflowEvidence } from './inflow-evidence';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 10, 16); // Lisbon is on UTC in winter
const NOW = MONDAY + 14 * DAY + 10 * HOUR; // a Monday 10:00, two weeks on

/** A baseline of `days` days at 60 arrivals a quarter hour (4 a minute) round the clock. */
function baselineOf(days: number): InflowBaseline {
  const baseline = new InflowBaseline({ queues: [{ id: 'chat', officeId: 'lisbon' }], offices: [{ id: 'lisbon', timeZone: 'Europe/Lisbon' }] });
  const rows: QuarterRow[] = [];
  for (let slot = MONDAY; slot < MONDAY + days * DAY; slot += QUARTER_MS) rows.push({ queueId: 'chat', slot, inflow: 60, outflow: 0, backlog: null, agentsOnline: null });
  baseline.learn(rows);
  return baseline;
}

/** Arrivals a minute: `perMinute(at)` for the minute starting at `at`; counts asked for are recorded. */
function countsOf(perMinute: (at: number) => number) {
  const asked: Array<[number, number]> = [];
  return {
    asked,
    flowCounts: (_q: string, from: number, to: number) => {
      asked.push([from, to]);
      let inflow = 0;
      for (let at = from; at < to; at += MINUTE) inflow += perMinute(at);
      return { inflow, outflow: 0 };
    },
  };
}

describe('the inflow evidence (a Poisson CUSUM per queue)', () => {
  it('at a restart rebuilds its state from the flow window: a doubling under way for 20 minutes is established at the first reading, with its size', () => {
    const counts = countsOf((at) => (at >= NOW - 20 * MINUTE ? 8 : 4));
    const evidence = new InflowEvidence(baselineOf(14), counts, HOUR);
    expect(evidence.shiftAt('chat', NOW + 5_000)).toEqual({ direction: 'rise', ratio: 2 });
    // The hour's minutes, one at a time, each once: the next reading in the same minute asks nothing more.
    expect(counts.asked).toHaveLength(60);
    expect(counts.asked[0]).toEqual([NOW - HOUR, NOW - HOUR + MINUTE]);
    evidence.shiftAt('chat', NOW + 30_000);
    expect(counts.asked).toHaveLength(60);
  });

  it('says nothing at the usual, and sees a dip to half on the lower side', () => {
    const usual = new InflowEvidence(baselineOf(14), countsOf(() => 4), HOUR);
    expect(usual.shiftAt('chat', NOW)).toBeNull();
    const dip = new InflowEvidence(baselineOf(14), countsOf((at) => (at >= NOW - 45 * MINUTE ? 2 : 4)), HOUR);
    expect(dip.shiftAt('chat', NOW)).toEqual({ direction: 'dip', ratio: 0.5 });
  });

  it('falls back within minutes once a spike ends, and after a pause longer than the window starts again from its start', () => {
    const counts = countsOf((at) => (at < NOW && at >= NOW - 30 * MINUTE ? 8 : 4));
    const evidence = new InflowEvidence(baselineOf(14), counts, HOUR);
    expect(evidence.shiftAt('chat', NOW)?.direction).toBe('rise');
    let minutes = 0;
    while (evidence.shiftAt('chat', NOW + minutes * MINUTE) !== null) minutes++;
    expect(minutes).toBeGreaterThan(0);
    expect(minutes).toBeLessThanOrEqual(10);
    // Five hours unheard of (a stopped gateway, a paused loop): only the window's minutes are read, from zero.
    const before = counts.asked.length;
    expect(evidence.shiftAt('chat', NOW + 5 * HOUR)).toBeNull();
    expect(counts.asked.slice(before)).toHaveLength(60);
    expect(counts.asked[before]).toEqual([NOW + 4 * HOUR, NOW + 4 * HOUR + MINUTE]);
  });

  it('stands at zero while the baseline learns (fewer than seven days)', () => {
    const counts = countsOf(() => 40);
    expect(new InflowEvidence(baselineOf(3), counts, HOUR).shiftAt('chat', MONDAY + 3 * DAY + 10 * HOUR)).toBeNull();
  });
});
