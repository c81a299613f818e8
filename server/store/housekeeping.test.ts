import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { HISTORY_RETENTION_MS, Housekeeping } from './housekeeping';

const START = Date.UTC(2026, 10, 17, 12, 0);
const HOUR = 3_600_000;

function setup(resolutionHours: number, clockSpeed = 1) {
  const time = new FakeTime(START);
  const pruned: Array<{ table: string; cutoff: number }> = [];
  let timedWrites = 0;
  const housekeeping = new Housekeeping({
    store: {
      history: { prune: (cutoff) => (pruned.push({ table: 'history', cutoff }), 0) },
      events: { prune: (cutoff) => pruned.push({ table: 'events', cutoff }) },
    },
    clock: time,
    scheduler: time,
    resolutionHours,
    clockSpeed,
    timed: (write) => {
      timedWrites += 1;
      write();
    },
  });
  return { time, pruned, housekeeping, timedWrites: () => timedWrites };
}

describe('Housekeeping', () => {
  it('keeps a day of history, and events as long as the longest window or the history needs them', () => {
    const day = setup(24);
    day.housekeeping.run();
    expect(day.pruned).toEqual([
      { table: 'history', cutoff: START - HISTORY_RETENTION_MS },
      { table: 'events', cutoff: START - 24 * HOUR },
    ]);
    const week = setup(24 * 7);
    week.housekeeping.run();
    expect(week.pruned).toEqual([
      { table: 'history', cutoff: START - 24 * HOUR },
      { table: 'events', cutoff: START - 7 * 24 * HOUR },
    ]);
    expect(week.timedWrites()).toBe(1);
  });

  it('prunes every ten minutes of clock time, also when the clock runs faster', () => {
    const normal = setup(24);
    normal.housekeeping.start();
    normal.time.advance(30 * 60_000);
    expect(normal.pruned.filter((p) => p.table === 'history')).toHaveLength(3);
    normal.housekeeping.stop();
    expect(normal.time.pendingTimers).toBe(0);

    // At --speed=60 ten clock minutes pass in ten real seconds (the scheduler runs in real time).
    const fast = setup(24, 60);
    fast.housekeeping.start();
    fast.time.advance(30_000);
    expect(fast.pruned.filter((p) => p.table === 'history')).toHaveLength(3);
    fast.housekeeping.stop();
  });

  it('never prunes further than the monotonic time elapsed since the last run: a wall clock stepped forward prunes no live data', () => {
    const { time, pruned, housekeeping } = setup(24);
    housekeeping.run();
    time.stepWall(HOUR);
    time.advance(10 * 60_000);
    housekeeping.run();
    expect(pruned.at(-2)).toEqual({ table: 'history', cutoff: START + 10 * 60_000 - HISTORY_RETENTION_MS });
    // Stepped back, it prunes by the wall clock (less, for a while).
    time.stepWall(-2 * HOUR);
    housekeeping.run();
    expect(pruned.at(-2)).toEqual({ table: 'history', cutoff: START + 10 * 60_000 - HOUR - HISTORY_RETENTION_MS });
  });
});
