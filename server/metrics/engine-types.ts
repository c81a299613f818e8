import type { MetricValues } from '../../shared/metrics';
import type { QueueWindows as QueueWindowSpans } from '../../shared/percentile-window';

export interface MetricWindows {
  /** First-response percentiles and SLA attainment: replies given in this span. */
  firstResponseMs: number;
  /** Resolution percentiles: tickets solved in this span. */
  resolutionMs: number;
  /** Inflow and outflow: tickets in and out in this span, scaled to an hour. */
  flowMs: number;
  /** CSAT: customer ratings given in this span (default 7 days). */
  csatMs?: number;
}

export const DEFAULT_WINDOWS: MetricWindows = { firstResponseMs: 3_600_000, resolutionMs: 86_400_000, flowMs: 3_600_000 };

export interface EngineLimits {
  maxOpenTicketsPerQueue: number;
  /**
   * Open tickets in the whole engine: the per-queue cap alone lets memory grow with the number of queues
   * (300 flooded queues would hold 30 million tickets, ~600 bytes each).
   */
  maxOpenTickets: number;
  maxSamplesPerWindow: number;
}

export const DEFAULT_LIMITS: EngineLimits = { maxOpenTicketsPerQueue: 100_000, maxOpenTickets: 500_000, maxSamplesPerWindow: 50_000 };

export interface QueueSetup {
  id: string;
  firstResponseTargetSeconds: number;
  /** The queue's own percentile windows (rolling minutes or the office's day); absent uses the engine's windows. */
  windows?: Partial<QueueWindowSpans>;
  /** The office's time zone: where its day starts, for a window of `today`. */
  timeZone?: string;
}

export type EventOutcome =
  | { applied: true; queueIds: string[] }
  | { applied: false; reason: 'unknown-queue' | 'unknown-ticket' };

/** One queue's computed values: the metric catalogue of shared/metrics.ts. */
export type EngineMetrics = MetricValues;
