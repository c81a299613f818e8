import { QUARTER_MS } from '../store/quarter-history';
import type { InflowBaseline } from './inflow-baseline';
import { cusumSides, CusumTrack, VOLUME_CUSUM, type CusumDesign, type CusumSide } from './poisson-cusum';

const MINUTE = 60_000;
const DAY = 24 * 3_600_000;
const WEEK_SLOTS = (7 * DAY) / QUARTER_MS;
/** The statistic is held at this many thresholds: after a change ends it falls below one within minutes. */
const CAP_THRESHOLDS = 2;

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
  sides: { up: CusumSide; down: CusumSide } | null;
  /** The day (UTC) the sides were designed on, from the usual week then. */
  designedOn: number;
  /** The usual arrivals per minute for `rateSlot` at baseline version `rateVersion`, or NaN while learning. */
  rate: number;
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
 * O(1) and allocation-free per queue per minute (one count from the flow window, cached rates). A restart
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
    if (evidence.sides === null || evidence.designedOn !== Math.floor(from / DAY)) this.designSides(queueId, evidence, from);
    const sides = evidence.sides!;
    const arrivals = this.counts.flowCounts(queueId, from, from + MINUTE).inflow;
    evidence.up.step(sides.up, arrivals, usual, CAP_THRESHOLDS * sides.up.threshold);
    evidence.down.step(sides.down, arrivals, usual, CAP_THRESHOLDS * sides.down.threshold);
  }

  /**
   * Usual arrivals per minute: the quarter's median smoothed with its neighbours (¼, ½, ¼; the day's curve is
   * smooth, a past week's count is not), scaled by today's level. Kept per quarter hour and baseline version.
   */
  private rateAt(queueId: string, evidence: QueueEvidence, at: number): number {
    const slot = Math.floor(at / QUARTER_MS) * QUARTER_MS;
    if (slot === evidence.rateSlot && this.baseline.version === evidence.rateVersion) return evidence.rate;
    const here = this.baseline.usualAt(queueId, slot);
    let rate = Number.NaN;
    if (here) {
      const before = this.baseline.usualAt(queueId, slot - QUARTER_MS)?.expected ?? here.expected;
      const after = this.baseline.usualAt(queueId, slot + QUARTER_MS)?.expected ?? here.expected;
      rate = (((before + 2 * here.expected + after) / 4) * this.baseline.levelOf(queueId)) / (QUARTER_MS / MINUTE);
    }
    evidence.rate = rate;
    evidence.rateSlot = slot;
    evidence.rateVersion = this.baseline.version;
    return rate;
  }

  /** The thresholds for the queue's usual week (the week before `at`): once a day, 672 cached slots. */
  private designSides(queueId: string, evidence: QueueEvidence, at: number): void {
    let week = 0;
    const start = Math.floor(at / QUARTER_MS) * QUARTER_MS - WEEK_SLOTS * QUARTER_MS;
    for (let i = 0; i < WEEK_SLOTS; i++) week += this.baseline.usualAt(queueId, start + i * QUARTER_MS)?.expected ?? 0;
    evidence.sides = cusumSides(this.design, week);
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
        rateSlot: Number.NaN,
        rateVersion: -1,
        shift: { direction: 'rise', ratio: 1 },
      };
      this.queues.set(queueId, evidence);
    }
    return evidence;
  }
}

function fill(shift: QueueEvidence['shift'], direction: 'rise' | 'dip', track: CusumTrack): InflowShift {
  shift.direction = direction;
  shift.ratio = track.usual > 0 ? track.arrivals / track.usual : 1;
  return shift;
}
