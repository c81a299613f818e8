import { describe, expect, it } from 'vitest';
import { EMPTY_METRICS } from '../../shared/metrics';
import { QUARTER_MS, type QuarterRow } from '../store/quarter-history';
import { InflowAgainstUsual } from './inflow-against-usual';
import { InflowBaseline } from './inflow-baseline';

const DAY = 24 * 3_600_000;
const MINUTE = 60_000;
const MONDAY = Date.UTC(2026, 10, 16, 0, 0); // Lisbon is on UTC in winter
const offices = [{ id: 'lisbon', timeZone: 'Europe/Lisbon' }];
const queues = [{ id: 'chat', officeId: 'lisbon' }];

function baselineOf(days: number, perQuarter: number): InflowBaseline {
  const baseline = new InflowBaseline({ queues, offices });
  const rows: QuarterRow[] = [];
  for (let slot = MONDAY; slot < MONDAY + days * DAY; slot += QUARTER_MS) rows.push({ queueId: 'chat', slot, inflow: perQuarter, outflow: 0, backlog: 40, agentsOnline: 5 });
  baseline.learn(rows);
  return baseline;
}

/** Arrivals at a steady rate per minute. */
const steady = (perMinute: number) => ({ flowCounts: (_q: string, from: number, to: number) => ({ inflow: Math.round(((to - from) / MINUTE) * perMinute), outflow: 0 }) });
const NOW = MONDAY + 14 * DAY + 10 * 3_600_000; // a Monday 10:00, two weeks on

describe('inflow against the usual', () => {
  it('is arrivals over the usual for the last minutes: a doubling reads 2', () => {
    const usual = new InflowAgainstUsual(baselineOf(14, 90), steady(12), 60 * MINUTE); // usual 6 a minute: 60 in ten
    expect(usual.ratio('chat', NOW)).toBe(2);
    const values = usual.withRatio({ metricsFor: () => ({ ...EMPTY_METRICS, backlog: 3 }) }).metricsFor('chat', NOW);
    expect(values).toMatchObject({ backlog: 3, inflowVsUsual: 2 });
  });

  it('compares a quiet queue over a longer span, and does not judge one too quiet for an hour', () => {
    const spans: number[] = [];
    const counting = { flowCounts: (_q: string, from: number, to: number) => (spans.push((to - from) / MINUTE), { inflow: (to - from) / MINUTE, outflow: 0 }) };
    expect(new InflowAgainstUsual(baselineOf(14, 15), counting, 60 * MINUTE).ratio('chat', NOW)).toBe(1);
    // 15 a quarter: 50 usual arrivals take an hour (the one-minute spans are the CUSUM's counts, inflow-evidence.ts).
    expect(spans.filter((minutes) => minutes > 1)).toEqual([60]);
    expect(new InflowAgainstUsual(baselineOf(14, 12), steady(1), 60 * MINUTE).ratio('chat', NOW)).toBeNull();
  });

  it('is null while the baseline learns, and the usual says how far it has got', () => {
    const usual = new InflowAgainstUsual(baselineOf(3, 30), steady(4), 60 * MINUTE);
    expect(usual.ratio('chat', MONDAY + 3 * DAY)).toBeNull();
    expect(usual.usualFor('chat', MONDAY + 3 * DAY + 10 * 3_600_000)).toEqual({ learnedDays: 3, weekday: 4, minuteOfDay: 600, perHour: null, backlog: null });
  });

  it('gives the usual per hour and the usual backlog for the office’s quarter hour once it has a week', () => {
    const usual = new InflowAgainstUsual(baselineOf(14, 30), steady(2), 60 * MINUTE).usualFor('chat', NOW + 7 * MINUTE);
    expect(usual).toMatchObject({ learnedDays: 7, weekday: 1, minuteOfDay: 600, perHour: { expected: 120 } });
    expect(usual.perHour!.low).toBeLessThan(120);
    expect(usual.perHour!.high).toBeGreaterThan(120);
    expect(usual.backlog!.low).toBeLessThanOrEqual(40);
    expect(usual.backlog!.high).toBeGreaterThanOrEqual(40);
  });
});
