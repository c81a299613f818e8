import { QUARTER_MS } from '../store/quarter-history';
import type { InflowBaseline } from './inflow-baseline';
import { cusumSides, CusumTrack, VOLUME_CUSUM, withSwing, type CusumDesign, type CusumSides } from './poisson-cusum';

const MINUTE = 60_000;
const DAY = 24 * 3_600_000;
const WEEK_SLOTS = (7 * DAY) / QUARTER_MS;
/** The statistic is held at this many thresholds: after a change ends it falls below one within minutes. */
const CAP_THRESHOLDS = 2;
/**
 * The swing allowed in the reference values is the baseline's own error: 1.28 standard errors of the slot's
 * median (one-sided 90 %), large for a quiet slot or a young baseline (one week: the median is last week's
 * count), small for a busy queue with eight weeks (about 7 % at 45 a quarter). A day busier than the usual is
 * followed by today's level (inflow-baseline.ts), which scales the rate. At most 0.4: a doubling must still drift up.
 */
const Z_90 = 1.2816;
const MAX_SWING = 0.4;

export interface MinuteCounts {
  flowCounts(queueId: string, from: number, to: number): { inflow: number; outflow: number };
}

/** What the evidence says about a queue's inflow now: a rise or a dip established, and its size. */
export interface InflowShift {
  readonly direction: 'rise' | 'dip';
  /** Arrivals over usual arrivals since the change began (the CUSUM's estimate of when). */
  readonly ratio: number;
}

interface QueueEvidence {
  /** The end of the last minute folded in; NaN before the first. */
  foldedUntil: number;
  readonly up: CusumTrack;
  readonly down: CusumTrack;
  /** The week's design: thresholds, and the reference values for the week's mean swing. */
  sides: CusumSides | null;
  /** The day (UTC) the sides were designed on, from the usual week then. */
  designedOn: number;
  /** The usual arrivals per minute for `rateSlot` at baseline version `rateVersion`, or NaN while learning. */
  rate: number;
  /** The sides for that slot's own swing (its median's error), with the week's thresholds. */
  slotSides: CusumSides | null;
  rateSlot: number;
  rateVersion: number;
  /** Filled in place and returned: the loop asks every beat. */
  readonly shift: { direction: 'rise' | 'dip'; ratio: number };
}

/**
 * Page's CUSUM per queue, a minute at a time, on the baseline's usual arrivals for each minute (two sides:
 * a doubling, a halving; server/forecast/poisson-cusum.ts). Each side's threshold gives at most
 * VOLUME_CUSUM.alarmsPerWeek false alarms on that queue's usual week (Siegmund's approximation), designed
 * again each day. While the baseline learns the sides stand at zero.
 *
 * O(1) per queue per minute, allocating nothing of its own (one count from the flow window, whose
 * `flowCounts` returns its pair; rates and sides kept per quarter hour). A restart
 * restores the state from the flow window: the first reading folds in its last minutes (the engine's
 * checkpoint keeps them), and a pause longer than the window starts again from the window's start.
 */
export class InflowEvidence {
  private readonly queues = new Map<string, QueueEvidence>();

  constructor(
    private readonly baseline: InflowBaseline,
    private readonly counts: MinuteCounts,
    private readonly flowWindowMs: number,
    private readonly design: CusumDesign = VOLUME_CUSUM,
  ) {}

  /** Folds in the minutes ended by `now` and says whether a rise or a dip is established; null when neither. */
  shiftAt(queueId: string, now: number): InflowShift | null {
    const evidence = this.evidenceOf(queueId);
    const minute = Math.floor(now / MINUTE) * MINUTE;
    const oldest = Math.floor((now - this.flowWindowMs) / MINUTE) * MINUTE;
    if (!(evidence.foldedUntil >= oldest)) {
      evidence.up.reset();
      evidence.down.reset();
      evidence.foldedUntil = oldest;
    }
    for (; evidence.foldedUntil < minute; evidence.foldedUntil += MINUTE) this.fold(queueId, evidence, evidence.foldedUntil);
    const { sides, up, down, shift } = evidence;
    if (sides === null) return null;
    if (up.alarmed(sides.up)) return fill(shift, 'rise', up);
    if (down.alarmed(sides.down)) return fill(shift, 'dip', down);
    return null;
  }

  private fold(queueId: string, evidence: QueueEvidence, from: number): void {
    const usual = this.rateAt(queueId, evidence, from);
    if (Number.isNaN(usual)) {
      evidence.up.reset();
      evidence.down.reset();
      return;
    }
    const sides = evidence.slotSides!;
    const arrivals = this.counts.flowCounts(queueId, from, from + MINUTE).inflow;
    evidence.up.step(sides.up, arrivals, usual, CAP_THRESHOLDS * sides.up.threshold);
    evidence.down.step(sides.down, arrivals, usual, CAP_THRESHOLDS * sides.down.threshold);
  }

  /**
   * Usual arrivals per minute: the quarter's median (not smoothed with its neighbours: a queue that opens at
   * 08:00 would read a quarter too quiet), scaled by today's level, and the sides for the slot's own swing.
   * Kept per quarter hour and baseline version: the per-minute step allocates nothing.
   */
  private rateAt(queueId: string, evidence: QueueEvidence, at: number): number {
    const slot = Math.floor(at / QUARTER_MS) * QUARTER_MS;
    if (slot === evidence.rateSlot && this.baseline.version === evidence.rateVersion) return evidence.rate;
    const usual = this.baseline.usualAt(queueId, slot);
    evidence.rate = usual ? (usual.expected * this.baseline.levelOf(queueId)) / (QUARTER_MS / MINUTE) : Number.NaN;
    if (usual) {
      if (evidence.sides === null || evidence.designedOn !== Math.floor(at / DAY)) this.designSides(queueId, evidence, at);
      evidence.slotSides = withSwing(this.design, evidence.sides!, swingOf(usual.expected, usual.variance, usual.weeks));
    }
    evidence.rateSlot = slot;
    evidence.rateVersion = this.baseline.version;
    return evidence.rate;
  }

  /**
   * The thresholds for the queue's usual week and the swing for the baseline's error (the week before `at`,
   * the usual-weighted mean relative standard error of a slot's median): once a day, 672 cached slots.
   */
  private designSides(queueId: string, evidence: QueueEvidence, at: number): void {
    let week = 0;
    let errors = 0;
    const start = Math.floor(at / QUARTER_MS) * QUARTER_MS - WEEK_SLOTS * QUARTER_MS;
    for (let i = 0; i < WEEK_SLOTS; i++) {
      const usual = this.baseline.usualAt(queueId, start + i * QUARTER_MS);
      if (!usual) continue;
      week += usual.expected;
      errors += medianError(usual.variance, usual.weeks);
    }
    const swing = Math.min(MAX_SWING, week > 0 ? (Z_90 * errors) / week : MAX_SWING);
    evidence.sides = cusumSides(this.design, week, swing);
    evidence.designedOn = Math.floor(at / DAY);
  }

  private evidenceOf(queueId: string): QueueEvidence {
    let evidence = this.queues.get(queueId);
    if (!evidence) {
      evidence = {
        foldedUntil: Number.NaN,
        up: new CusumTrack(),
        down: new CusumTrack(),
        sides: null,
        designedOn: Number.NaN,
        rate: Number.NaN,
        slotSides: null,
        rateSlot: Number.NaN,
        rateVersion: -1,
        shift: { direction: 'rise', ratio: 1 },
      };
      this.queues.set(queueId, evidence);
    }
    return evidence;
  }
}

/** SlotUsual.variance is a new week's spread² · (1 + 1/n); the median's own error is spread / √n. */
function medianError(variance: number, weeks: number): number {
  return Math.sqrt(variance / (weeks + 1));
}

/** The swing a slot's reference values allow: 1.28 of its median's relative errors. */
function swingOf(expected: number, variance: number, weeks: number): number {
  return expected > 0 ? Math.min(MAX_SWING, (Z_90 * medianError(variance, weeks)) / expected) : MAX_SWING;
}

function fill(shift: QueueEvidence['shift'], direction: 'rise' | 'dip', track: CusumTrack): InflowShift {
  shift.direction = direction;
  shift.ratio = track.usual > 0 ? track.arrivals / track.usual : 1;
  return shift;
}
