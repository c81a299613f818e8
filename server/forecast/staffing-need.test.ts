import { describe, expect, it } from 'vitest';
import type { InflowForecast } from './inflow-forecast';
import { erlangNeed, expectedArrivals, workloadNeed } from './staffing-need';
import { erlangAAgentsFor } from './erlang-a';

const HOUR = 3_600_000;
const fakeForecast = (answer: ReturnType<InflowForecast['expectedArrivals']>): InflowForecast & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return {
    asked,
    expectedArrivals: (queueId, fromMs, toMs) => {
      asked.push({ queueId, fromMs, toMs });
      return answer;
    },
  };
};

describe('expected arrivals', () => {
  it('takes the baseline when it has the span (basis usual), asking for exactly that queue and span', () => {
    const forecast = fakeForecast({ expected: 120, low: 90, high: 160 });
    expect(expectedArrivals(forecast, 'lis-chat-pt', 0, HOUR / 2, 40)).toEqual({ expectation: { expected: 120, low: 90, high: 160 }, basis: 'usual' });
    expect(forecast.asked).toEqual([{ queueId: 'lis-chat-pt', fromMs: 0, toMs: HOUR / 2 }]);
  });

  it('falls back to the recent rate while the baseline learns, with a Poisson 80 % range', () => {
    const arrivals = expectedArrivals(fakeForecast(null), 'q', 0, HOUR / 2, 200)!;
    expect(arrivals.basis).toBe('recent');
    expect(arrivals.expectation.expected).toBe(100);
    expect(arrivals.expectation.low).toBeCloseTo(100 - 12.816, 3);
    expect(arrivals.expectation.high).toBeCloseTo(100 + 12.816, 3);
  });

  it('falls back to the recent rate without any baseline, and has nothing without either', () => {
    expect(expectedArrivals(null, 'q', 0, HOUR, 10)!.basis).toBe('recent');
    expect(expectedArrivals(null, 'q', 0, HOUR, null)).toBeNull();
    expect(expectedArrivals(fakeForecast(null), 'q', 0, HOUR, null)).toBeNull();
  });
});

describe('the need', () => {
  it('by Erlang A: the span\'s arrivals as an hourly rate', () => {
    const target = { share: 0.8, seconds: 20 };
    // 360 in half an hour is 720 an hour.
    expect(erlangNeed(360, HOUR / 2, 240, 120, target)).toBe(erlangAAgentsFor({ arrivalsPerHour: 720, handleSeconds: 240, patienceSeconds: 120 }, target));
    expect(erlangNeed(0, HOUR / 2, 240, 120, target)).toBe(0);
  });

  it('by workload: backlog plus arrivals, times handle time, over the span\'s agent hours, rounded up', () => {
    // (1500 + 1600) emails × 480 s = 413.3 agent hours over 8 h → 51.7 → 52 agents.
    expect(workloadNeed(1500, 1600, 8 * HOUR, 480)).toBe(52);
    // Exactly 10 agent hours in an hour: 10 agents, not 11.
    expect(workloadNeed(60, 60, HOUR, 300)).toBe(10);
    expect(workloadNeed(0, 0, HOUR, 300)).toBe(0);
  });
});
