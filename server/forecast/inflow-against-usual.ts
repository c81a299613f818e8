import { MAX_RATIO, type MetricValues } from '../../shared/metrics';
import type { UsualInflow } from '../../shared/protocol/usual-inflow';
import type { MetricSource } from '../board/queue-runtime';
import { QUARTER_MS } from '../store/quarter-history';
import type { InflowBaseline } from './inflow-baseline';

/** The spans inflow is compared over, shortest first: the first whose usual holds enough arrivals is used. */
export const VOLUME_WINDOW_MINUTES = [10, 15, 20, 30, 45, 60] as const;
/**
 * Fewer usual arrivals than this make a ratio noise (3 against a usual 1.5 is "2×"): a quiet queue is
 * compared over a longer span, and one quieter than this over the longest is not compared at all. 50 holds
 * false alarms to about one per queue per week at the built-in 1.5× (docs/PERFORMANCE.md, detection bench).
 */
export const MIN_USUAL_ARRIVALS = 50;

export interface FlowCounts {
  flowCounts(queueId: string, from: number, to: number): { inflow: number; outflow: number };
}

/**
 * Inflow against the usual: the `inflowVsUsual` metric (arrivals in the last minutes over the baseline's
 * median for the same minutes) and the `usual` a screen shows beside it. The metric engine counts the
 * arrivals; its flow window (windows.flowMinutes) bounds the longest span compared.
 */
export class InflowAgainstUsual {
  private readonly windowsMs: readonly number[];
  private readonly usuals = new Map<string, { slot: number; version: number; usual: UsualInflow }>();

  constructor(
    private readonly baseline: InflowBaseline,
    private readonly counts: FlowCounts,
    flowWindowMs: number,
    private readonly minUsualArrivals = MIN_USUAL_ARRIVALS,
  ) {
    const fitting = VOLUME_WINDOW_MINUTES.map((m) => m * 60_000).filter((ms) => ms <= flowWindowMs);
    this.windowsMs = fitting.length > 0 ? fitting : [flowWindowMs];
  }

  /** Arrivals over the usual for the shortest span that usually holds MIN_USUAL_ARRIVALS; null while learning or too quiet. */
  ratio(queueId: string, now: number): number | null {
    for (const span of this.windowsMs) {
      const usual = this.baseline.expectedArrivals(queueId, now - span, now);
      if (!usual) return null;
      if (usual.expected < this.minUsualArrivals) continue;
      const { inflow } = this.counts.flowCounts(queueId, now - span, now);
      return Math.min(MAX_RATIO, Math.round((inflow / usual.expected) * 100) / 100);
    }
    return null;
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
