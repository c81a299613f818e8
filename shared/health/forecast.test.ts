import { describe, expect, it } from 'vitest';
import { forecastBreach, isAtRisk } from './forecast';
import type { ThresholdRule } from './thresholds';

const rules: Record<'backlog' | 'oldestWaitingSeconds', ThresholdRule> = {
  backlog: { direction: 'higher-is-worse', warning: 90, critical: 150 },
  oldestWaitingSeconds: { direction: 'higher-is-worse', warning: 300, critical: 600 },
};
const values = { backlog: 100, inflowPerHour: 300, outflowPerHour: 200, oldestWaitingSeconds: 120 };

describe('forecastBreach', () => {
  it('projects the backlog from inflow minus outflow', () => {
    // 50 tickets to go at 100 more per hour: 30 minutes.
    expect(forecastBreach({ values, oldestWaitingGrowth: null, rules })).toEqual({ metric: 'backlog', minutes: 30 });
  });

  it('projects the oldest waiting age from its growth, and reports whichever breaches first', () => {
    // 480 s to go at 1 s per second: 8 minutes, sooner than the backlog.
    expect(forecastBreach({ values, oldestWaitingGrowth: 1, rules })).toEqual({ metric: 'oldestWaitingSeconds', minutes: 8 });
  });

  it('says nothing when the queue is draining, the oldest ticket is being answered, or a metric is unknown', () => {
    expect(forecastBreach({ values: { ...values, inflowPerHour: 150 }, oldestWaitingGrowth: -0.5, rules })).toBeNull();
    expect(forecastBreach({ values: { ...values, outflowPerHour: null }, oldestWaitingGrowth: 0, rules })).toBeNull();
    expect(forecastBreach({ values, oldestWaitingGrowth: null, rules: {} })).toBeNull();
  });

  it('leaves out a metric already at or past critical: that is a breach, not a risk', () => {
    expect(forecastBreach({ values: { ...values, backlog: 150 }, oldestWaitingGrowth: null, rules })).toBeNull();
  });

  it('rounds up, so "within a minute" reads as 1', () => {
    expect(forecastBreach({ values: { ...values, backlog: 149.9 }, oldestWaitingGrowth: null, rules })?.minutes).toBe(1);
  });

  it('is at risk only within the horizon', () => {
    const forecast = forecastBreach({ values, oldestWaitingGrowth: null, rules });
    expect(isAtRisk(forecast, 30)).toBe(true);
    expect(isAtRisk(forecast, 29)).toBe(false);
    expect(isAtRisk(null, 30)).toBe(false);
  });
});
