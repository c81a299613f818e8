import type { MetricValues } from '../../shared/metrics';
import { QUARTER_MS, QUARTER_RETENTION_MS, slotOf, type QuarterRow } from '../store/quarter-history';

/** What the recorder reads: the metric engine's counts within its flow window and its current values. */
export interface QuarterSource {
  flowCounts(queueId: string, from: number, to: number): { inflow: number; outflow: number };
  metricsFor(queueId: string, now: number): MetricValues;
}

/** Where slots go: the store's quarter history (server/store/quarter-history.ts). */
export interface QuarterSink {
  record(rows: readonly QuarterRow[]): void;
  prune(cutoffMs: number): number;
}

export interface QuarterRecorderOptions {
  queueIds: readonly string[];
  engine: QuarterSource;
  store: QuarterSink;
  /** Told of every slot written, so the baseline learns without reading the store again. */
  recorded?: (rows: readonly QuarterRow[]) => void;
}

/** A slot is written this long after it ends: a polled helpdesk reports an arrival up to a poll late. */
export const QUARTER_GRACE_MS = 60_000;
/**
 * After a pause (a suspended laptop, a stopped timer) only the slots the engine's flow window can still
 * count (an hour by default) are written; older ones stay missing rather than be written as zeros.
 */
const MAX_CATCH_UP_SLOTS = 3;

/**
 * Writes each queue's quarter hours to the store as they end, from the per-queue loop (QueueRuntime calls
 * `tick` every beat and for every replayed minute), and prunes what is older than eight weeks. Pruning is
 * counted back from the newest slot written, not from the clock: a clock stepped forward prunes nothing early.
 */
export class QuarterRecorder {
  /** The end of the last slot written (or skipped as partial at start); null before the first tick. */
  private closedUpTo: number | null = null;

  constructor(private readonly options: QuarterRecorderOptions) {}

  tick(at: number): void {
    const closable = slotOf(at - QUARTER_GRACE_MS);
    // The first slot written is the first to begin once the loop runs: one already under way would be counted short.
    if (this.closedUpTo === null) this.closedUpTo = Math.ceil(at / QUARTER_MS) * QUARTER_MS;
    if (closable <= this.closedUpTo) return;
    const first = Math.max(this.closedUpTo, closable - MAX_CATCH_UP_SLOTS * QUARTER_MS);
    const rows: QuarterRow[] = [];
    for (const queueId of this.options.queueIds) {
      const values = this.options.engine.metricsFor(queueId, at);
      for (let end = first + QUARTER_MS; end <= closable; end += QUARTER_MS) {
        const { inflow, outflow } = this.options.engine.flowCounts(queueId, end - QUARTER_MS, end);
        rows.push({ queueId, slot: end - QUARTER_MS, inflow, outflow, backlog: values.backlog, agentsOnline: values.agentsOnline });
      }
    }
    this.options.store.record(rows);
    this.options.store.prune(closable - QUARTER_RETENTION_MS);
    this.closedUpTo = closable;
    this.options.recorded?.(rows);
  }
}
