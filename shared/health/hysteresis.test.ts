import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoveredLevel, stepFlag, stepLevel, type LevelState, type Timing } from './hysteresis';
import { compareLevels, type Level } from './levels';
import { evaluateRule, type ThresholdRule } from './thresholds';

const backlog: ThresholdRule = { direction: 'higher-is-worse', warning: 100, critical: 200 };
const sla: ThresholdRule = { direction: 'lower-is-worse', warning: 90, critical: 80 };
const timing: Timing = { pendingMs: 120_000, recoveryMs: 180_000, recoveryMargin: 0.1 };

/** Feeds one sample per second; returns the level after each. */
function run(values: readonly number[], rule = backlog, t = timing, start: LevelState | null = null): Level[] {
  let state = start;
  return values.map((value, i) => {
    state = stepLevel(state, value, rule, t, i * 1000);
    return state.level;
  });
}

const seconds = (n: number, value: number) => Array<number>(n).fill(value);

describe('stepLevel', () => {
  it('takes the first value at its level at once, so a restart never shows a burning queue as green', () => {
    expect(run([250])).toEqual(['critical']);
    expect(run([50])).toEqual(['ok']);
  });

  it('worsens only after the worse level has held for the pending period', () => {
    const levels = run([...seconds(10, 50), ...seconds(130, 150)]);
    expect(levels[10 + 119]).toBe('ok');
    expect(levels[10 + 120]).toBe('warning');
  });

  it('does not worsen when the value dips back before the pending period ends', () => {
    const levels = run([50, ...seconds(100, 150), 99, ...seconds(100, 150)]);
    expect(levels.every((l) => l === 'ok')).toBe(true);
  });

  it('goes straight to critical when critical has held for the pending period', () => {
    const levels = run([50, ...seconds(125, 250)]);
    expect(levels.includes('warning')).toBe(false);
    expect(levels.at(-1)).toBe('critical');
  });

  it('improves only when the value clears the margin for the recovery period', () => {
    const start = run([150]);
    expect(start).toEqual(['warning']);
    // 95 is below the warning level (100) but inside the margin (10% of the 100-wide gap): still warning.
    expect(run([150, ...seconds(400, 95)]).at(-1)).toBe('warning');
    const levels = run([150, ...seconds(200, 89)]);
    expect(levels[1 + 179]).toBe('warning');
    expect(levels[1 + 180]).toBe('ok');
  });

  it('judges lower-is-worse metrics the other way round, margin included', () => {
    expect(run([85], sla)).toEqual(['warning']);
    expect(run([85, ...seconds(200, 90.5)], sla).at(-1)).toBe('warning'); // above 90, not above 91
    expect(run([85, ...seconds(200, 91.5)], sla).at(-1)).toBe('ok');
    expect(run([95, ...seconds(121, 70)], sla).at(-1)).toBe('critical');
  });

  it('uses the pending period given on the rule when there is one', () => {
    const quick = { ...timing, pendingMs: 10_000 };
    expect(run([50, ...seconds(11, 150)], backlog, quick).at(-1)).toBe('warning');
  });

  it('computes the recovered level with the margin on the good side', () => {
    expect(recoveredLevel(95, backlog, 0.1)).toBe('warning');
    expect(recoveredLevel(89.9, backlog, 0.1)).toBe('ok');
    expect(recoveredLevel(185, backlog, 0.1)).toBe('warning');
    expect(recoveredLevel(195, backlog, 0.1)).toBe('critical');
    expect(recoveredLevel(91, sla, 0.1)).toBe('warning');
    expect(recoveredLevel(91.5, sla, 0.1)).toBe('ok');
  });
});

describe('stepLevel properties', () => {
  // Samples at irregular intervals (0.2 s to 40 s apart), values anywhere around both thresholds.
  const series = fc.array(fc.tuple(fc.integer({ min: 200, max: 40_000 }), fc.double({ min: 0, max: 300, noNaN: true })), { minLength: 1, maxLength: 400 });
  const timings = fc.record({
    pendingMs: fc.integer({ min: 1000, max: 300_000 }),
    recoveryMs: fc.integer({ min: 1000, max: 300_000 }),
    recoveryMargin: fc.double({ min: 0, max: 0.5, noNaN: true }),
  });

  function simulate(samples: ReadonlyArray<readonly [number, number]>, t: Timing) {
    let state: LevelState | null = null;
    let now = 0;
    const trace: Array<{ at: number; value: number; level: Level }> = [];
    for (const [gap, value] of samples) {
      now += gap;
      state = stepLevel(state, value, backlog, t, now);
      trace.push({ at: now, value, level: state.level });
    }
    return trace;
  }

  it('every change is backed by the raw values over the whole pending or recovery period before it', () => {
    fc.assert(
      fc.property(series, timings, (samples, t) => {
        const trace = simulate(samples, t);
        for (let i = 1; i < trace.length; i++) {
          const { at, level } = trace[i]!;
          const before = trace[i - 1]!.level;
          if (level === before) continue;
          const worse = compareLevels(level, before) > 0;
          const period = worse ? t.pendingMs : t.recoveryMs;
          // Every sample inside the period (and the one just before it, which held until the period began) backs the change.
          const window = trace.filter((s) => s.at > at - period && s.at <= at);
          const first = trace.indexOf(window[0]!);
          const backing = first > 0 ? [trace[first - 1]!, ...window] : window;
          expect(first).toBeGreaterThan(0);
          for (const s of backing) {
            if (worse) expect(compareLevels(evaluateRule(s.value, backlog), level)).toBeGreaterThanOrEqual(0);
            else expect(compareLevels(recoveredLevel(s.value, backlog, t.recoveryMargin), level)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a value oscillating around a threshold never changes state faster than the periods allow', () => {
    // Around the warning level only, so every change is between ok and warning.
    const oscillating = fc.array(fc.tuple(fc.integer({ min: 200, max: 200_000 }), fc.double({ min: 80, max: 120, noNaN: true })), { minLength: 2, maxLength: 300 });
    fc.assert(
      fc.property(oscillating, timings, (samples, t) => {
        const trace = simulate(samples, t);
        const changes = trace.filter((s, i) => i > 0 && s.level !== trace[i - 1]!.level);
        for (let i = 1; i < changes.length; i++) {
          const gap = changes[i]!.at - changes[i - 1]!.at;
          const needed = changes[i]!.level === 'warning' ? t.pendingMs : t.recoveryMs;
          expect(gap).toBeGreaterThanOrEqual(needed);
        }
        const span = trace.at(-1)!.at - trace[0]!.at;
        expect(changes.length).toBeLessThanOrEqual(Math.floor(span / Math.min(t.pendingMs, t.recoveryMs)) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a value that never reaches a level never shows it, and one that stays there long enough always does', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 99.9, noNaN: true }), fc.double({ min: 200, max: 1e6, noNaN: true }), (low, high) => {
        expect(run([low, ...seconds(400, low)]).every((l) => l === 'ok')).toBe(true);
        expect(run([low, ...seconds(121, high)]).at(-1)).toBe('critical');
      }),
    );
  });
});

describe('stepFlag', () => {
  const t = { pendingMs: 60_000, recoveryMs: 120_000 };
  function flags(raw: readonly boolean[]) {
    let state = null as ReturnType<typeof stepFlag> | null;
    return raw.map((r, i) => (state = stepFlag(state, r, t, i * 1000)).on);
  }

  it('turns on after holding for the pending period and off after the recovery period', () => {
    const on = flags([false, ...Array<boolean>(61).fill(true)]);
    expect(on[60]).toBe(false);
    expect(on[61]).toBe(true);
    const off = flags([true, ...Array<boolean>(121).fill(false)]);
    expect(off[120]).toBe(true);
    expect(off[121]).toBe(false);
  });

  it('restarts the count when the condition flips back', () => {
    const raw = [false, ...Array<boolean>(50).fill(true), false, ...Array<boolean>(50).fill(true)];
    expect(flags(raw).some(Boolean)).toBe(false);
  });
});
