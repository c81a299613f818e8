import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../../tests/support/fake-helpdesk';
import { FakeTime } from '../../tests/support/fake-time';
import { silentLogger } from '../runtime/logger';
import { backfillHoursField } from '../sources/http/connection-config';
import { HISTORY_RETENTION_MS, Housekeeping, INPUT_KEY_HORIZON_MS, inputKeyHorizonMs, STATE_BYTES_PER_BEAT } from './housekeeping';

const START = Date.UTC(2026, 10, 17, 12, 0);
const HOUR = 3_600_000;
const MINUTE = 60_000;

function setup(clockSpeed = 1, compactEveryEvents?: number) {
  const time = new FakeTime(START);
  const done: Array<{ table: string; cutoff?: number; state?: string }> = [];
  let timedWrites = 0;
  const housekeeping = new Housekeeping({
    store: {
      history: { prune: (cutoff) => (done.push({ table: 'history', cutoff }), 0) },
      events: {
        compact: (state) => done.push({ table: 'events', state }),
        pruneKeys: (cutoff) => (done.push({ table: 'keys', cutoff }), 0),
      },
    },
    clock: time,
    scheduler: time,
    engineState: (now) => `state at ${now}`,
    clockSpeed,
    logger: silentLogger,
    timed: (write) => {
      timedWrites += 1;
      write();
    },
    ...(compactEveryEvents === undefined ? {} : { compactEveryEvents }),
  });
  return { time, done, housekeeping, timedWrites: () => timedWrites };
}

describe('Housekeeping', () => {
  it('keeps a day of history, checkpoints the engine as of now, and keeps idempotency keys for their horizon', () => {
    const day = setup();
    day.housekeeping.run();
    expect(day.done).toEqual([
      { table: 'history', cutoff: START - HISTORY_RETENTION_MS },
      { table: 'events', state: `state at ${START}` },
      { table: 'keys', cutoff: START - INPUT_KEY_HORIZON_MS },
    ]);
    expect(INPUT_KEY_HORIZON_MS).toBe(48 * HOUR);
    expect(day.timedWrites()).toBe(1);
  });

  it('prunes every ten minutes of clock time, also when the clock runs faster', () => {
    const normal = setup();
    normal.housekeeping.start();
    normal.time.advance(30 * 60_000);
    expect(normal.done.filter((p) => p.table === 'history')).toHaveLength(3);
    normal.housekeeping.stop();
    expect(normal.time.pendingTimers).toBe(0);

    // At --speed=60 ten clock minutes pass in ten real seconds (the scheduler runs in real time).
    const fast = setup(60);
    fast.housekeeping.start();
    fast.time.advance(30_000);
    expect(fast.done.filter((p) => p.table === 'history')).toHaveLength(3);
    fast.housekeeping.stop();
  });

  it('compacts at once when the tail since the last checkpoint reaches its limit, and counts again from there', () => {
    const h = setup(1, 1000);
    h.housekeeping.appended(600);
    expect(h.done).toEqual([]);
    h.housekeeping.appended(400);
    expect(h.done.filter((p) => p.table === 'events')).toHaveLength(1);
    h.housekeeping.appended(999);
    expect(h.done.filter((p) => p.table === 'events')).toHaveLength(1);
    h.housekeeping.appended(1);
    expect(h.done.filter((p) => p.table === 'events')).toHaveLength(2);
  });

  it('keeps idempotency keys as long as a connector re-reads at a start, plus a day of downtime', () => {
    expect(inputKeyHorizonMs([])).toBe(INPUT_KEY_HORIZON_MS);
    expect(inputKeyHorizonMs([{ kind: 'intercom' }, { backfillHours: 12 }])).toBe(INPUT_KEY_HORIZON_MS);
    expect(inputKeyHorizonMs([{ backfillHours: 24 }, { backfillHours: 72 }])).toBe(96 * HOUR);
    // The longest backfill the configuration allows is covered.
    expect(inputKeyHorizonMs([{ backfillHours: backfillHoursField.unwrap().maxValue! }])).toBe((7 * 24 + 24) * HOUR);
  });

  it('tries a compaction that failed again at the next beat, although nothing new arrived since', () => {
    const time = new FakeTime(START);
    let fail = false;
    const compacted: string[] = [];
    const store = {
      history: { prune: () => 0 },
      events: {
        compact: (state: string) => {
          if (fail) throw new Error('SQLITE_FULL: database or disk is full');
          compacted.push(state);
        },
        pruneKeys: () => 0,
      },
    };
    const logger = capturingLogger();
    const housekeeping = new Housekeeping({ store, clock: time, scheduler: time, engineState: (now) => `state at ${now}`, clockSpeed: 1, logger, timed: (write) => write() });
    housekeeping.run();
    housekeeping.start();
    housekeeping.appended(5);
    fail = true;
    time.advance(10 * MINUTE);
    // On the timer the failure is logged, not thrown (it would end the gateway).
    expect(logger.lines).toEqual([expect.stringMatching(/^error housekeeping failed: .*"problem":"SQLITE_FULL: database or disk is full"/)]);
    fail = false;
    time.advance(10 * MINUTE);
    expect(compacted).toEqual([`state at ${START}`, `state at ${START + 20 * MINUTE}`]);
    housekeeping.stop();
  });

  it('writes a huge state less often at the beat, in proportion to its size, and a long tail at once', () => {
    const time = new FakeTime(START);
    const written: number[] = [];
    const prunes: number[] = [];
    const store = {
      history: { prune: (cutoff: number) => (prunes.push(cutoff), 0) },
      events: { compact: () => written.push(time.now()), pruneKeys: () => 0 },
    };
    const state = 'x'.repeat(3 * STATE_BYTES_PER_BEAT);
    const housekeeping = new Housekeeping({ store, clock: time, scheduler: time, engineState: () => state, clockSpeed: 1, logger: silentLogger, timed: (write) => write(), compactEveryEvents: 1000 });
    housekeeping.start();
    for (let minute = 0; minute < 60; minute += 10) {
      housekeeping.appended(1);
      time.advance(10 * MINUTE);
    }
    // The first beat writes; three times the size, the next is 30 minutes on instead of 10. History is
    // still pruned at every beat.
    expect(written).toEqual([START + 10 * MINUTE, START + 40 * MINUTE]);
    expect(prunes).toHaveLength(6);
    housekeeping.appended(1000);
    expect(written).toHaveLength(3);
    housekeeping.stop();
  });

  it('never prunes further than the monotonic time elapsed since the last run: a wall clock stepped forward prunes no live data', () => {
    const { time, done, housekeeping } = setup();
    const lastHistoryCutoff = () => done.filter((p) => p.table === 'history').at(-1);
    housekeeping.run();
    time.stepWall(HOUR);
    time.advance(10 * 60_000);
    housekeeping.run();
    expect(lastHistoryCutoff()).toEqual({ table: 'history', cutoff: START + 10 * 60_000 - HISTORY_RETENTION_MS });
    // Stepped back, it prunes by the wall clock (less, for a while).
    time.stepWall(-2 * HOUR);
    housekeeping.run();
    expect(lastHistoryCutoff()).toEqual({ table: 'history', cutoff: START + 10 * 60_000 - HOUR - HISTORY_RETENTION_MS });
  });
});
