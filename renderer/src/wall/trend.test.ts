import { describe, expect, it } from 'vitest';
import { backlogTrend } from './trend';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const series = (values: number[]) => ({ at: values.map((_, i) => NOW - (values.length - 1 - i) * MIN), values });

describe('backlogTrend', () => {
  it('compares with the point nearest 15 minutes ago', () => {
    const history = series(Array.from({ length: 30 }, (_, i) => i)); // value i at NOW - (29 - i) min: 15 min ago is 14
    expect(backlogTrend(history, 30, NOW)).toEqual({ direction: 'rising', delta: 16 });
    expect(backlogTrend(history, 2, NOW)).toEqual({ direction: 'falling', delta: -12 });
  });

  it('calls small changes steady: under two tickets or a tenth of the backlog', () => {
    const history = series(Array(20).fill(100));
    expect(backlogTrend(history, 109, NOW)?.direction).toBe('steady');
    expect(backlogTrend(history, 110, NOW)?.direction).toBe('rising');
    expect(backlogTrend(series(Array(20).fill(3)), 4, NOW)?.direction).toBe('steady');
    expect(backlogTrend(series(Array(20).fill(3)), 5, NOW)?.direction).toBe('rising');
  });

  it('has no trend without history from 10 to 20 minutes ago, or without a current value', () => {
    expect(backlogTrend(series([5, 6, 7]), 9, NOW)).toBeNull();
    expect(backlogTrend(undefined, 9, NOW)).toBeNull();
    expect(backlogTrend(series(Array(20).fill(3)), null, NOW)).toBeNull();
    expect(backlogTrend(series(Array(20).fill(null) as never), 4, NOW)).toBeNull();
  });
});
