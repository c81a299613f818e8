/**
 * Page's CUSUM for Poisson counts (Page 1954; optimal for a known change, Lorden 1971), in the units of the
 * baseline's usual arrivals, so one design serves a quiet night and a busy morning: a minute's count `x`
 * against its usual `λ` adds the log-likelihood ratio of "changed" against "usual, up to the day's swing".
 *
 * Upper side (a rise): usual-at-most (1 + swing)·λ against rise·λ; `x·ln(rise / (1 + swing)) − λ·(rise − 1 − swing)`.
 * Lower side (a dip): usual-at-least (1 − swing)·λ against dip·λ; `x·ln(dip / (1 − swing)) + λ·(1 − swing − dip)`.
 * The swing in the reference values is what keeps a busier day or the baseline's own error from adding up:
 * with a rise of 2 and a swing of 0.1 the upper side drifts down by 0.30 per usual arrival at the usual, still
 * by 0.21 on a day 15 % above it, and up by 0.30 under a doubling.
 */
export interface CusumSide {
  /** What is added per arrival. */
  readonly perArrival: number;
  /** What is added per usual arrival (negative on the upper side). */
  readonly perUsual: number;
  /** The alarm level of the statistic (see thresholdFor). */
  readonly threshold: number;
  /** Drift per usual arrival when the rate is at the null's edge (negative) and at the change (positive). */
  readonly nullDrift: number;
  readonly changeDrift: number;
}

export interface CusumDesign {
  /** The change to detect on the upper side, as a multiple of the usual: 2 is a doubling. */
  readonly rise: number;
  /** On the lower side: 0.5 is half the usual. */
  readonly dip: number;
  /** Target false alarms per side per week. */
  readonly alarmsPerWeek: number;
}

export const VOLUME_CUSUM: CusumDesign = { rise: 2, dip: 0.5, alarmsPerWeek: 2 };

/**
 * Siegmund's correction for the overshoot of the boundary (Siegmund 1985): the statistic crosses the
 * threshold by a part of a jump, so the run lengths are those of a boundary this much further out. Half of
 * the Poisson sides' jump (ln 1.8 ≈ 0.59 an arrival) keeps the approximation on the safe side of simulation:
 * counted a minute at a time, simulated runs to a false alarm are 1.0–4× longer than it says (longer the
 * busier the queue), and detections up to 2 minutes slower (poisson-cusum.test.ts).
 */
const OVERSHOOT = 0.3;

/**
 * Average run length to a false alarm, in usual arrivals, by Siegmund's approximation for a CUSUM of
 * log-likelihood ratios: (e^b − b − 1) / |drift under the null|, with b = threshold + OVERSHOOT.
 */
export function falseAlarmRun(threshold: number, nullDrift: number): number {
  const b = threshold + OVERSHOOT;
  return (Math.exp(b) - b - 1) / Math.abs(nullDrift);
}

/** Average run length to an alarm once the change is under way, in usual arrivals: (e^−b + b − 1) / drift. */
export function detectionRun(threshold: number, changeDrift: number): number {
  const b = threshold + OVERSHOOT;
  return (Math.exp(-b) + b - 1) / changeDrift;
}

/**
 * The threshold that gives `alarmsPerWeek` false alarms on a queue whose usual week holds `usualPerWeek`
 * arrivals: falseAlarmRun(h) = usualPerWeek / alarmsPerWeek, solved for h (Newton on e^b − b − 1 = c).
 */
export function thresholdFor(usualPerWeek: number, alarmsPerWeek: number, nullDrift: number): number {
  const target = Math.max(1, (Math.abs(nullDrift) * usualPerWeek) / alarmsPerWeek);
  let b = Math.log(target + 1) + 1;
  for (let i = 0; i < 20; i++) b -= (Math.exp(b) - b - 1 - target) / (Math.exp(b) - 1);
  return Math.max(1, b - OVERSHOOT);
}

/**
 * The upper and lower sides of a design for a queue whose usual week holds `usualPerWeek` arrivals, a day
 * allowed to stray from the usual by `swing` (0.1 = ±10 %) without being a change.
 */
export function cusumSides(design: CusumDesign, usualPerWeek: number, swing: number): CusumSides {
  const upLog = Math.log(design.rise / (1 + swing));
  const upUsual = -(design.rise - 1 - swing);
  const downLog = Math.log(design.dip / (1 - swing));
  const downUsual = 1 - swing - design.dip;
  const side = (perArrival: number, perUsual: number, nullRate: number, changeRate: number): CusumSide => {
    const nullDrift = nullRate * perArrival + perUsual;
    return { perArrival, perUsual, nullDrift, changeDrift: changeRate * perArrival + perUsual, threshold: thresholdFor(usualPerWeek, design.alarmsPerWeek, nullDrift) };
  };
  return { up: side(upLog, upUsual, 1 + swing, design.rise), down: side(downLog, downUsual, 1 - swing, design.dip) };
}

export interface CusumSides {
  readonly up: CusumSide;
  readonly down: CusumSide;
}

/**
 * The same sides for a quarter hour whose usual is less sure (a quiet slot's median of a few counts): its own
 * swing in the reference values, the week's thresholds (the false-alarm target is per week, not per slot).
 */
export function withSwing(design: CusumDesign, week: CusumSides, swing: number): CusumSides {
  const slot = cusumSides(design, 1, swing);
  return { up: { ...slot.up, threshold: week.up.threshold }, down: { ...slot.down, threshold: week.down.threshold } };
}

/**
 * One side's running state: the statistic, and the arrivals and usual arrivals since it last stood at zero
 * (the change point's estimate), whose ratio is the change's size. Mutated in place: it runs per queue per minute.
 */
export class CusumTrack {
  statistic = 0;
  arrivals = 0;
  usual = 0;

  /** Adds a minute; the statistic is held at zero from below and at `cap` from above (it falls back soon after a change ends). */
  step(side: CusumSide, arrivals: number, usual: number, cap: number): void {
    const next = this.statistic + side.perArrival * arrivals + side.perUsual * usual;
    if (next <= 0) {
      this.reset();
      return;
    }
    this.statistic = Math.min(cap, next);
    this.arrivals += arrivals;
    this.usual += usual;
  }

  alarmed(side: CusumSide): boolean {
    return this.statistic >= side.threshold;
  }

  reset(): void {
    this.statistic = 0;
    this.arrivals = 0;
    this.usual = 0;
  }
}
