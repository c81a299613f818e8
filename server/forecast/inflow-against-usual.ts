import { MAX_RATIO, type MetricValues } from '../../shared/metrics';
import type { UsualInflow } from '../../shared/protocol/usual-inflow';
import type { MetricSource } from '../board/queue-runtime';
import { QUARTER_MS } from '../store/quarter-history';
import type { InflowBaseline } from './inflow-baseline';
import { InflowEvidence } from './inflow-evidence';

/** The spans inflow is compared over, shortest first: the first whose usual holds enough arrivals is used. */
export const VOLUME_WINDOW_MINUTES = [10, 15, 20, 30, 45, 60] as const;
/**
 * Fewer usual arrivals than this make a ratio noise (3 against a usual 1.5 is "2×"): a quiet queue is
 * compared over a longer span, and one quieter than this over the longest is not compared at all, unless
 * the CUSUM has established a change (its evidence is enough on any volume).
 */
export const MIN_USUAL_ARRIVALS = 50;

export interface FlowCounts {
  flowCounts(queueId: string, from: number, to: number): { inflow: number; outflow: number };
}

/**
 * Inflow against the usual: the `inflowVsUsual` metric (arrivals over the baseline's median for the same
 * minutes) and the `usual` a screen shows beside it. The metric engine counts the arrivals; its flow window
 * (windows.flowMinutes) bounds the longest span compared.
 *
 * A Poisson CUSUM (server/forecast/inflow-evidence.ts) decides which span the ratio is trusted over, so the
 * volume alert keeps its levels, pending and recovery and the CUSUM decides when a rise is real:
 * - a rise (or dip) it has established: arrivals over usual since the change began, the change's size;
 * - otherwise the lower of the shortest span usually holding MIN_USUAL_ARRIVALS and the longest span: a
 *   fall shows at once, a rise not yet established reads no higher than the hour's ratio (noise over ten
 *   minutes is not raised as an alert), and after a spike the ratio falls back as soon as arrivals do.
 */
export class InflowAgainstUsual {
  private readonly windowsMs: readonly number[];
  private readonly usuals = new Map<string, { slot: number; version: number; usual: UsualInflow }>();
  private readonly evidence: InflowEvidence;

  constructor(
    private readonly baseline: InflowBaseline,
    private readonly counts: FlowCounts,
    flowWindowMs: number,
    private readonly minUsualArrivals = MIN_USUAL_ARRIVALS,
  ) {
    const fitting = VOLUME_WINDOW_MINUTES.map((m) => m * 60_000).filter((ms) => ms <= flowWindowMs);
    this.windowsMs = fitting.length > 0 ? fitting : [flowWindowMs];
    this.evidence = new InflowEvidence(baseline, counts, flowWindowMs);
  }

  /** Inflow against the usual (see the class); null while learning, or too quiet without an established change. */
  ratio(queueId: string, now: number): number | null {
    const shift = this.evidence.shiftAt(queueId, now);
    if (shift) return rounded(shift.ratio);
    const longest = this.windowsMs[this.windowsMs.length - 1]!;
    for (const span of this.windowsMs) {
      const recent = this.spanRatio(queueId, now, span);
      if (recent === null) return null;
      if (Number.isNaN(recent)) continue;
      // A fall shows at once; a rise not yet established reads no higher than the hour's ratio.
      if (span === longest || recent <= 1) return rounded(recent);
      const hour = this.spanRatio(queueId, now, longest);
      return rounded(hour === null || Number.isNaN(hour) ? recent : Math.min(recent, hour));
    }
    return null;
  }

  /** Arrivals over usual in the last `span`; null while learning, NaN when the span usually holds too few. */
  private spanRatio(queueId: string, now: number, span: number): number | null {
    const usual = this.baseline.expectedArrivals(queueId, now - span, now);
    if (!usual) return null;
    if (usual.expected < this.minUsualArrivals) return Number.NaN;
    return this.counts.flowCounts(queueId, now - span, now).inflow / usual.expected;
  }

  /** The engine's values with inflowVsUsual filled in: what the per-queue loop judges and shows. */
  withRatio(source: MetricSource): MetricSource {
    return {
      metricsFor: (queueId: string, now: number): MetricValues => {
        // The engine builds a new object for every call: filled in place, as the loop fills the staffing figures.
        const values = source.metricsFor(queueId, now);
        values.inflowVsUsual = this.ratio(queueId, now);
        return values;
      },
    };
  }

  /**
   * What a screen shows beside the ratio: the usual for this quarter hour per hour, the usual backlog, or learning.
   * Asked every beat; it changes only with the quarter hour or what the baseline learns, so it is kept until then.
   */
  usualFor(queueId: string, now: number): UsualInflow {
    const slot = Math.floor(now / QUARTER_MS);
    const kept = this.usuals.get(queueId);
    if (kept && kept.slot === slot && kept.version === this.baseline.version) return kept.usual;
    const usual = this.computeUsual(queueId, now);
    this.usuals.set(queueId, { slot, version: this.baseline.version, usual });
    return usual;
  }

  private computeUsual(queueId: string, now: number): UsualInflow {
    const { weekday, minuteOfDay } = this.baseline.slotAt(queueId, now);
    const inflow = this.baseline.usualAt(queueId, now);
    const backlog = this.baseline.usualBacklogAt(queueId, now);
    const hourly = (count: number) => Math.round(count * 4 * 10) / 10;
    return {
      learnedDays: this.baseline.learnedDays(queueId),
      weekday,
      minuteOfDay,
      perHour: inflow && { expected: hourly(inflow.expected), low: hourly(inflow.low), high: hourly(inflow.high) },
      backlog: backlog && { low: Math.round(backlog.low), high: Math.round(backlog.high) },
    };
  }
}

function rounded(ratio: number): number {
  return Math.min(MAX_RATIO, Math.round(ratio * 100) / 100);
}
