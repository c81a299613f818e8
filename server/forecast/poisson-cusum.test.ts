import { describe, expect, it } from 'vitest';
import { createRandom, poisson } from '../sources/demo/random';
import { cusumSides, CusumTrack, detectionRun, falseAlarmRun, thresholdFor, VOLUME_CUSUM, type CusumSide } from './poisson-cusum';

const WEEK_MINUTES = 7 * 24 * 60;
const SWING = 0.1;

/** Minutes of a stream at `rate` × `perMinute` until the side alarms (restarting after each), over `minutes`. */
function alarmsOver(side: CusumSide, perMinute: number, rate: number, minutes: number, seed: number): number {
  const random = createRandom(seed);
  const track = new CusumTrack();
  let alarms = 0;
  for (let m = 0; m < minutes; m++) {
    track.step(side, poisson(random, perMinute * rate), perMinute, Infinity);
    if (track.alarmed(side)) {
      alarms++;
      track.reset();
    }
  }
  return alarms;
}

/** Minutes from a change to `rate` × the usual until the side alarms, for `runs` seeded runs. */
function delays(side: CusumSide, perMinute: number, rate: number, runs: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: runs }, () => {
    const track = new CusumTrack();
    let minutes = 0;
    do {
      minutes++;
      track.step(side, poisson(random, perMinute * rate), perMinute, Infinity);
    } while (!track.alarmed(side) && minutes < 600);
    return minutes;
  });
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('the Poisson CUSUM', () => {
  it('takes the threshold from the false-alarm target by Siegmund’s approximation, which simulation bears out (conservatively)', () => {
    // 5,900 staffed minutes at 1.5 a minute, one false alarm a week, no swing: the 7.9 of docs/PERFORMANCE.md less the overshoot.
    const plainDrift = Math.log(2) - 1;
    expect(thresholdFor(5_900 * 1.5, 1, plainDrift)).toBeCloseTo(7.6, 1);
    for (const week of [3_000, 20_000]) {
      const { up, down } = cusumSides(VOLUME_CUSUM, week, SWING);
      for (const side of [up, down]) expect(falseAlarmRun(side.threshold, side.nullDrift)).toBeCloseTo(week / VOLUME_CUSUM.alarmsPerWeek, 0);
    }
    // At the edge of the null (the usual plus the swing) a small queue runs longer than predicted between false alarms.
    const { up } = cusumSides(VOLUME_CUSUM, 3_000, SWING);
    const weeks = 40;
    const alarms = alarmsOver(up, 0.5, 1 + SWING, weeks * WEEK_MINUTES, 7);
    const predicted = (weeks * WEEK_MINUTES * 0.5) / falseAlarmRun(up.threshold, up.nullDrift);
    expect(alarms).toBeGreaterThan(0);
    expect(alarms).toBeLessThanOrEqual(predicted);
  });

  it('on a steady Poisson stream at the usual, round the clock for half a year, alarms on either side under a fifth as often as the target', () => {
    const weeks = 26;
    for (const [perMinute, seed] of [[1.5, 1], [5, 2]] as const) {
      const { up, down } = cusumSides(VOLUME_CUSUM, perMinute * WEEK_MINUTES, SWING);
      // The target holds at the null's edge (the usual plus the swing); at the usual itself alarms are far rarer.
      const allowed = 0.2 * weeks * VOLUME_CUSUM.alarmsPerWeek;
      expect(alarmsOver(up, perMinute, 1, weeks * WEEK_MINUTES, seed)).toBeLessThanOrEqual(allowed);
      expect(alarmsOver(down, perMinute, 1, weeks * WEEK_MINUTES, seed + 10)).toBeLessThanOrEqual(allowed);
    }
  });

  it('detects a doubling in about the minutes Siegmund’s approximation expects: under 10 at 4 a minute, about 15 at 90 an hour', () => {
    for (const [perMinute, usualWeek, seed] of [[4, 15_000, 3], [1.5, 5_000, 4]] as const) {
      const { up } = cusumSides(VOLUME_CUSUM, usualWeek, SWING);
      const expected = detectionRun(up.threshold, up.changeDrift) / perMinute;
      const found = delays(up, perMinute, 2, 400, seed);
      // Counts arrive a minute at a time: the alarm comes at the end of the minute it is due in, and overshoots more.
      expect(mean(found)).toBeGreaterThan(expected - 0.5);
      expect(mean(found)).toBeLessThan(expected + 2.5);
      if (perMinute === 4) expect(mean(found)).toBeLessThan(9);
      else expect(mean(found)).toBeLessThan(18);
    }
  });

  it('detects a dip to half the usual on the lower side, and the upper side stays silent', () => {
    const perMinute = 4;
    const { up, down } = cusumSides(VOLUME_CUSUM, 15_000, SWING);
    const found = delays(down, perMinute, 0.5, 200, 5);
    expect(mean(found)).toBeGreaterThan(detectionRun(down.threshold, down.changeDrift) / perMinute - 0.5);
    expect(mean(found)).toBeLessThan(detectionRun(down.threshold, down.changeDrift) / perMinute + 2.5);
    expect(alarmsOver(up, perMinute, 0.5, 4 * WEEK_MINUTES, 6)).toBe(0);
  });

  it('estimates the change’s size from where the statistic last stood at zero, and falls back within minutes once the change ends', () => {
    const { up } = cusumSides(VOLUME_CUSUM, 15_000, SWING);
    const track = new CusumTrack();
    for (let m = 0; m < 30; m++) track.step(up, 4, 4, 2 * up.threshold);
    expect(track.statistic).toBe(0);
    for (let m = 0; m < 20; m++) track.step(up, 8, 4, 2 * up.threshold);
    expect(track.alarmed(up)).toBe(true);
    expect(track.statistic).toBe(2 * up.threshold);
    expect(track.arrivals / track.usual).toBe(2);
    let after = 0;
    while (track.alarmed(up)) {
      track.step(up, 4, 4, 2 * up.threshold);
      after++;
    }
    // At the usual it falls by (ln(2 / 1.1) − 0.9) per usual arrival: from twice the threshold to under it in h / 1.2 minutes.
    expect(after).toBe(Math.floor(up.threshold / (-(up.perArrival + up.perUsual) * 4)) + 1);
    expect(after).toBeLessThan(10);
  });
});
