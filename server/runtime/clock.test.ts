import { describe, expect, it } from 'vitest';
import { acceleratedClock } from './clock';

describe('acceleratedClock', () => {
  it('runs speed times faster than its base from the moment it is made', () => {
    let real = 1_000_000;
    const clock = acceleratedClock({ now: () => real }, 60);
    expect(clock.now()).toBe(1_000_000);
    real += 1000;
    expect(clock.now()).toBe(1_060_000);
  });

  it('is the base clock at speed 1 and refuses absurd speeds', () => {
    const base = { now: () => 5 };
    expect(acceleratedClock(base, 1)).toBe(base);
    expect(() => acceleratedClock(base, 0)).toThrow(/speed must be from 1 to 10000 \(got 0\)/);
    expect(() => acceleratedClock(base, Number.NaN)).toThrow(/speed/);
  });

  it('speeds up the monotonic clock as much as the wall clock, so durations keep their simulated length', () => {
    let wall = 1_000_000;
    let monotonic = 50;
    const clock = acceleratedClock({ now: () => wall, monotonic: () => monotonic }, 60);
    wall += 1000;
    monotonic += 1000;
    expect(clock.monotonic!()).toBe(60_050);
  });
});
