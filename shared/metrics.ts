import { z } from 'zod';

/**
 * The metrics the gateway computes per queue. Durations are in seconds, counts are whole numbers,
 * SLA attainment is a percentage, flows are tickets per hour. `null` means there is nothing to compute
 * from yet (a fresh queue, no replies in the window, a source that does not report it).
 */
export const METRIC_IDS = [
  'backlog',
  'oldestWaitingSeconds',
  'firstResponseP50',
  'firstResponseP90',
  'resolutionP50',
  'resolutionP90',
  'slaAttainment',
  'inflowPerHour',
  'outflowPerHour',
  'agentsOnline',
  // New metrics go last: the compact feed encoding indexes metrics by position.
  'slaBreached',
] as const;
export const MetricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricIdSchema>;

export type MetricUnit = 'count' | 'seconds' | 'percent' | 'per-hour';

export interface MetricDefinition {
  readonly id: MetricId;
  readonly unit: MetricUnit;
  /**
   * Legacy English wording, read only by the settings' rule sentences (threshold-draft.ts) until they become
   * structured issues. Every screen and notification shows the catalogue's `metric.<id>`, the one label per metric.
   */
  readonly label: string;
}

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  backlog: { id: 'backlog', unit: 'count', label: 'Backlog' },
  oldestWaitingSeconds: { id: 'oldestWaitingSeconds', unit: 'seconds', label: 'Oldest waiting' },
  firstResponseP50: { id: 'firstResponseP50', unit: 'seconds', label: 'First response p50' },
  firstResponseP90: { id: 'firstResponseP90', unit: 'seconds', label: 'First response p90' },
  resolutionP50: { id: 'resolutionP50', unit: 'seconds', label: 'Resolution p50' },
  resolutionP90: { id: 'resolutionP90', unit: 'seconds', label: 'Resolution p90' },
  slaAttainment: { id: 'slaAttainment', unit: 'percent', label: 'SLA attainment' },
  inflowPerHour: { id: 'inflowPerHour', unit: 'per-hour', label: 'Inflow' },
  outflowPerHour: { id: 'outflowPerHour', unit: 'per-hour', label: 'Outflow' },
  agentsOnline: { id: 'agentsOnline', unit: 'count', label: 'Agents online' },
  slaBreached: { id: 'slaBreached', unit: 'count', label: 'SLA breached' },
};

/** A year in seconds: anything larger is a unit mistake (milliseconds sent as seconds), not a slow queue. */
export const MAX_DURATION_SECONDS = 366 * 24 * 3600;
export const MAX_COUNT = 10_000_000;

const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_COUNT);
const duration = z.number().min(0, 'must be 0 or more').max(MAX_DURATION_SECONDS, 'must be at most a year, in seconds');
const percent = z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100');
const rate = z.number().min(0, 'must be 0 or more').max(MAX_COUNT);

const UNIT_SCHEMAS: Readonly<Record<MetricUnit, z.ZodNumber>> = { count, seconds: duration, percent, 'per-hour': rate };

export const MetricValuesSchema = z.object(
  Object.fromEntries(METRIC_IDS.map((id) => [id, UNIT_SCHEMAS[METRICS[id].unit].nullable()])) as Record<
    MetricId,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type MetricValues = Record<MetricId, number | null>;

export const EMPTY_METRICS: Readonly<MetricValues> = Object.fromEntries(METRIC_IDS.map((id) => [id, null])) as MetricValues;
