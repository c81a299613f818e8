import type { QueueSnapshot } from './queue-windows';
import type { MetricValues } from '../../shared/metrics';

export interface MetricWindows {
  /** First-response percentiles and SLA attainment: replies given in this span. */
  firstResponseMs: number;
  /** Resolution percentiles: tickets solved in this span. */
  resolutionMs: number;
  /** Inflow and outflow: tickets in and out in this span, scaled to an hour. */
  flowMs: number;
}

export const DEFAULT_WINDOWS: MetricWindows = { firstResponseMs: 3_600_000, resolutionMs: 86_400_000, flowMs: 3_600_000 };

export interface EngineLimits {
  maxOpenTicketsPerQueue: number;
  maxSamplesPerWindow: number;
  /** Solved tickets remembered (to refuse a re-sent `created` or `solved`), oldest forgotten first. */
  maxSolvedTickets: number;
}

export const DEFAULT_LIMITS: EngineLimits = { maxOpenTicketsPerQueue: 100_000, maxSamplesPerWindow: 50_000, maxSolvedTickets: 200_000 };

/**
 * How long, in event time, a solved ticket is remembered: a helpdesk's re-backfill after a restart or an
 * outage re-sends `created` (and `solved`) of tickets it solved in the last day; within this span they are
 * refused as stale instead of opening the ticket again. Also the horizon of the store's idempotency keys.
 */
export const SOLVED_MEMORY_MS = 48 * 3_600_000;

/** The engine's whole state, as a checkpoint in the store holds it (JSON). */
export interface EngineSnapshot {
  version: 1;
  /** Open tickets: id, queue, opened at, waiting since (null once answered), first replied. */
  tickets: Array<[string, string, number, number | null, boolean]>;
  /** Solved tickets still remembered: id, solved at; in the order they were solved. */
  solved: Array<[string, number]>;
  queues: Record<string, QueueSnapshot>;
}

export interface QueueSetup {
  id: string;
  firstResponseTargetSeconds: number;
}

export type EventOutcome =
  | { applied: true; queueIds: string[] }
  | { applied: false; reason: 'unknown-queue' | 'unknown-ticket' | 'stale-event' };

/** One queue's computed values: the metric catalogue of shared/metrics.ts. */
export type EngineMetrics = MetricValues;
