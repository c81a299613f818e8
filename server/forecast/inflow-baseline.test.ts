import { describe, expect, it } from 'vitest';
import { QUARTER_MS, type QuarterRow } from '../store/quarter-history';
import { InflowBaseline, usualOf } from './inflow-baseline';
import { officeSlots } from './office-slots';

const DAY = 24 * 3_600_000;
const WEEK = 7 * DAY;
// Monday 2026-11-16 00:00 in Lisbon (UTC+0 in winter) and 01:00 in Amsterdam.
const MONDAY = Date.UTC(2026, 10, 16, 0, 0);
const offices = [
  { id: 'lisbon', timeZone: 'Europe/Lisbon' },
  { id: 'amsterdam', timeZone: 'Europe/Amsterdam' },
];
const queues = [
  { id: 'lis', officeId: 'lisbon' },
  { id: 'ams', officeId: 'amsterdam' },
];

/** Rows for `days` days from `start`: `inflow(slot)` arrivals in each quarter hour. */
function days(queueId: string, start: number, count: number, inflow: (slot: number) => number): QuarterRow[] {
  const rows: QuarterRow[] = [];
  for (let slot = start; slot < start + count * DAY; slot += QUARTER_MS) rows.push({ queueId, slot, inflow: inflow(slot), outflow: 0, backlog: null, agentsOnline: null });
  return rows;
}

describe('the office slot of a moment', () => {
  it('follows the office’s zone, its weekday and quarter hour, across the clock change', () => {
    const amsterdam = officeSlots('Europe/Amsterdam');
    expect(amsterdam(MONDAY)).toMatchObject({ weekday: 1, minuteOfDay: 60 });
    expect(officeSlots('Europe/Lisbon')(MONDAY + 10 * 3_600_000 + 14 * 60_000)).toMatchObject({ weekday: 1, minuteOfDay: 600 });
    // Sunday 2026-03-29 01:00 UTC: Amsterdam goes from 02:00 to 03:00.
    expect(amsterdam(Date.UTC(2026, 2, 29, 0, 45)).minuteOfDay).toBe(105);
    expect(amsterdam(Date.UTC(2026, 2, 29, 1, 0)).minuteOfDay).toBe(180);
  });
});

describe('InflowBaseline', () => {
  it('is learning until it has a week: "3 of 7 days", and forecasts nothing meanwhile', () => {
    const baseline = new InflowBaseline({ queues, offices });
    baseline.learn(days('lis', MONDAY, 3, () => 10));
    expect(baseline.learnedDays('lis')).toBe(3);
    expect(baseline.expectedArrivals('lis', MONDAY + 3 * DAY, MONDAY + 3 * DAY + QUARTER_MS)).toBeNull();
    baseline.learn(days('lis', MONDAY + 3 * DAY, 4, () => 10));
    expect(baseline.learnedDays('lis')).toBe(7);
    expect(baseline.expectedArrivals('lis', MONDAY + WEEK, MONDAY + WEEK + QUARTER_MS)?.expected).toBe(10);
    expect(baseline.learnedDays('ams')).toBe(0);
  });

  it('gives the median of the same weekday and quarter hour in the office’s time, with a range around it', () => {
    const baseline = new InflowBaseline({ queues, offices });
    // Mondays 10:00 Amsterdam (09:00 UTC) bring 20 + week, other slots 5.
    const tenAms = (slot: number) => (officeSlots('Europe/Amsterdam')(slot).weekday === 1 && officeSlots('Europe/Amsterdam')(slot).minuteOfDay === 600);
    for (let week = 0; week < 8; week++) baseline.learn(days('ams', MONDAY + week * WEEK, 7, (slot) => (tenAms(slot) ? 20 + week : 5)));
    const nextMonday10 = MONDAY + 8 * WEEK + 9 * 3_600_000;
    const usual = baseline.expectedArrivals('ams', nextMonday10, nextMonday10 + QUARTER_MS)!;
    expect(usual.expected).toBe(23.5);
    expect(usual.low).toBeLessThan(23.5);
    expect(usual.high).toBeGreaterThan(23.5);
    // An hour later is an ordinary slot; half a slot counts half.
    expect(baseline.expectedArrivals('ams', nextMonday10 + 4 * QUARTER_MS, nextMonday10 + 4.5 * QUARTER_MS)!.expected).toBe(2.5);
  });

  it('keeps the last eight weeks of each slot and is not thrown by one campaign in them', () => {
    const baseline = new InflowBaseline({ queues, offices });
    for (let week = 0; week < 10; week++) baseline.learn(days('lis', MONDAY + week * WEEK, 7, () => (week < 2 ? 1000 : week === 5 ? 60 : 20)));
    const usual = baseline.usualAt('lis', MONDAY + 10 * WEEK)!;
    expect(usual).toMatchObject({ expected: 20, weeks: 8 });
    expect(usual.high).toBeLessThan(30);
  });

  it('learns nothing from an office’s holidays', () => {
    const baseline = new InflowBaseline({ queues, offices: [{ ...offices[0]!, holidays: ['2026-11-23'] }, offices[1]!] });
    baseline.learn(days('lis', MONDAY, 7, () => 10));
    baseline.learn(days('lis', MONDAY + WEEK, 1, () => 500)); // Monday 23 November: a holiday
    expect(baseline.learnedDays('lis')).toBe(7);
    expect(baseline.usualAt('lis', MONDAY + 2 * WEEK)).toMatchObject({ expected: 10, weeks: 1 });
  });

  it('follows a busier day through today’s level, but never by more than a quarter: a spike stays a spike', () => {
    const baseline = new InflowBaseline({ queues, offices });
    for (let week = 0; week < 2; week++) baseline.learn(days('lis', MONDAY + week * WEEK, 7, () => 100));
    const today = MONDAY + 2 * WEEK;
    baseline.learn(days('lis', today, 0.25, () => 115)); // six hours at 15 % busier
    expect(baseline.levelOf('lis')).toBeGreaterThan(1.12);
    expect(baseline.expectedArrivals('lis', today + 6 * 3_600_000, today + 6 * 3_600_000 + QUARTER_MS)!.expected).toBeCloseTo(100 * baseline.levelOf('lis'));
    baseline.learn(days('lis', today + 0.25 * DAY, 0.25, () => 400)); // a campaign at four times
    expect(baseline.levelOf('lis')).toBeCloseTo(1.25);
  });

  it('has a range that holds about 80 % of Poisson weeks, not the 60 % of raw percentiles of eight', () => {
    let state = 7;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const poisson = (mean: number) => {
      let k = 0;
      for (let p = uniform(); p > Math.exp(-mean); p *= uniform()) k++;
      return k;
    };
    let inside = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const usual = usualOf(Array.from({ length: 8 }, () => poisson(25)));
      const next = poisson(25);
      if (next >= usual.low && next <= usual.high) inside++;
    }
    expect(inside / trials).toBeGreaterThan(0.75);
    expect(inside / trials).toBeLessThan(0.88);
  });
});
