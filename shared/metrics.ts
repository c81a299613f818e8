import { z } from 'zod';

/**
 * The metrics a queue reports. Durations are in seconds, counts are whole numbers.
 * `null` means the source has not reported the metric yet (a fresh queue, or no tickets in the window).
 */
export const METRIC_IDS = ['backlog', 'firstResponseP90', 'resolutionP90'] as const;
export const MetricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricIdSchema>;

export type MetricUnit = 'count' | 'seconds';

export interface MetricDefinition {
  readonly id: MetricId;
  readonly unit: MetricUnit;
  /** Short English label; screens translate by id. */
  readonly label: string;
}

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  backlog: { id: 'backlog', unit: 'count', label: 'Backlog' },
  firstResponseP90: { id: 'firstResponseP90', unit: 'seconds', label: 'First response p90' },
  resolutionP90: { id: 'resolutionP90', unit: 'seconds', label: 'Resolution p90' },
};

/** A year in seconds: anything larger is a unit mistake (milliseconds sent as seconds), not a slow queue. */
export const MAX_DURATION_SECONDS = 366 * 24 * 3600;
export const MAX_COUNT = 10_000_000;

const countValue = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_COUNT);
const secondsValue = z.number().min(0, 'must be 0 or more').max(MAX_DURATION_SECONDS, 'must be at most a year, in seconds');

export const MetricValuesSchema = z.object({
  backlog: countValue.nullable(),
  firstResponseP90: secondsValue.nullable(),
  resolutionP90: secondsValue.nullable(),
});
export type MetricValues = z.infer<typeof MetricValuesSchema>;

export const EMPTY_METRICS: Readonly<MetricValues> = { backlog: null, firstResponseP90: null, resolutionP90: null };
