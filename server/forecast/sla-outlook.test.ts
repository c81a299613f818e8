import { describe, expect, it } from 'vitest';
import { projectSlaAttainment, withinTargetShare, type SlaOutlookInput } from './sla-outlook';

const HOUR = 3_600_000;
const base: SlaOutlookInput = {
  now: 0,
  until: 4 * HOUR,
  lookbackMs: HOUR,
  currentAttainment: 95,
  arrivals: { expected: 400, low: 360, high: 440 }, // 100 an hour expected
  inflowPerHour: 100,
  outflowPerHour: 110,
  oldestWaitingSeconds: 60,
  targetSeconds: 3600,
  capacityPerHour: null,
  steadyServiceLevel: null,
};

describe('the share answered in time (fluid queue)', () => {
  it('is all of it while the queue stays under what the pace clears within target', () => {
    expect(withinTargetShare(5, 100, 110, 1, 0, 4)).toBe(1);
  });

  it('ends when a growing queue passes the limit', () => {
    // Limit 100 × 0.5 = 50; from 10, growing by 20 an hour, it passes 50 after 2 h of the 4.
    expect(withinTargetShare(10, 120, 100, 0.5, 0, 4)).toBeCloseTo(0.5, 12);
  });

  it('begins when a shrinking queue falls under the limit', () => {
    // From 90 shrinking by 20 an hour to the limit of 50: in time after 2 h of the 4.
    expect(withinTargetShare(90, 80, 100, 0.5, 0, 4)).toBeCloseTo(0.5, 12);
  });

  it('is none without a pace of replies', () => {
    expect(withinTargetShare(0, 10, 0, 1, 0, 4)).toBe(0);
  });
});

describe('the SLA outlook at the end of the day', () => {
  it('stays at 100 % for what arrives when replies keep up, and keeps only the last hour of the window', () => {
    // Four hours left, a one-hour window: nothing of today's attainment is left in it by then.
    expect(projectSlaAttainment(base)).toEqual({ expected: 100, low: 100, high: 100 });
  });

  it('blends today\'s attainment with the projection for a window of the whole day', () => {
    // 8 h of today behind (110 replies an hour at 95 %), 400 arrivals ahead all in time.
    const outlook = projectSlaAttainment({ ...base, lookbackMs: 12 * HOUR })!;
    expect(outlook.expected).toBeCloseTo((95 * 880 + 100 * 400) / 1280, 1);
  });

  it('has its range from the forecast: more arrivals give the low end', () => {
    // Pace 100 an hour; the target is half an hour, so a queue of 50 is the limit.
    const outlook = projectSlaAttainment({ ...base, outflowPerHour: 100, targetSeconds: 1800, oldestWaitingSeconds: 0, arrivals: { expected: 440, low: 400, high: 480 } })!;
    // Expected 110/h: the queue grows 10/h and passes 50 at 5 h, after the day ends: all in time.
    expect(outlook.expected).toBe(100);
    // High 120/h: passes 50 after 2.5 h; the last hour (3–4 h) is all late.
    expect(outlook.low).toBe(0);
    expect(outlook.high).toBe(100);
  });

  it('counts the agents\' capacity when the outflow of a quiet queue is below it', () => {
    const busy = { ...base, outflowPerHour: 90, targetSeconds: 600, oldestWaitingSeconds: 0 };
    expect(projectSlaAttainment(busy)!.expected).toBe(0);
    expect(projectSlaAttainment({ ...busy, capacityPerHour: 120 })!.expected).toBe(100);
  });

  it('uses the steady service level of the agents online for chat and phone', () => {
    const rates: number[] = [];
    const outlook = projectSlaAttainment({ ...base, steadyServiceLevel: (rate) => (rates.push(rate), rate <= 100 ? 0.9 : 0.7) })!;
    expect(rates.sort((a, b) => a - b)).toEqual([90, 100, 110]);
    expect(outlook).toEqual({ expected: 90, low: 70, high: 90 });
  });

  it('has no outlook without an outflow to project from', () => {
    expect(projectSlaAttainment({ ...base, outflowPerHour: null })).toBeNull();
  });
});
