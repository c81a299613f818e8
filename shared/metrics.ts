import { z } from 'zod';

/**
 * The metrics the gateway computes per queue. Durations are in seconds, counts are whole numbers,
 * SLA attainment is a percentage, flows are tickets per hour. `null` means there is nothing to compute
 * from yet (a fresh queue, no replies in the window, a source that does not report it).
 * CSAT is the share of satisfied ratings in percent; csatRatings is how many ratings that share is of.
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
  // Customer satisfaction over its own rolling window (default 7 days), and the ratings it is computed from.
  'csat',
  'csatRatings',
  // Agents short of what the coming span needs (need − have, 0 when enough), and the SLA attainment projected
  // for the end of the office's day (server/forecast/staffing*.ts, sla-outlook*.ts; detail in QueueState.staffing).
  'staffingGap',
  'slaOutlook',
  // Inflow of the last minutes against the usual for them (server/forecast/): 2 is twice the usual.
  'inflowVsUsual',
] as const;
export const MetricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricIdSchema>;

export type MetricUnit = 'count' | 'seconds' | 'percent' | 'per-hour' | 'ratio';

/** Which way is bad is a property of the metric, not of a rule: a manager sets levels, never the direction. */
export type Direction = 'higher-is-worse' | 'lower-is-worse';

/** A year in seconds: anything larger is a unit mistake (milliseconds sent as seconds), not a slow queue. */
export const MAX_DURATION_SECONDS = 366 * 24 * 3600;
export const MAX_COUNT = 10_000_000;
/** A thousand times the usual inflow is a baseline of nearly nothing, not a spike worth a larger figure. */
export const MAX_RATIO = 1000;
/** More agents than this on one queue is a wrong field, not a big team. */
const MAX_AGENTS = 100_000;

/** The values a metric may take: from 0 to `max`, whole numbers only when `whole`. */
export interface MetricBounds {
  readonly max: number;
  readonly whole: boolean;
  /** What the gateway answers for a value above `max`; null keeps zod's own wording. */
  readonly tooLarge: string | null;
}

const UNIT_BOUNDS: Readonly<Record<MetricUnit, MetricBounds>> = {
  count: { max: MAX_COUNT, whole: true, tooLarge: null },
  seconds: { max: MAX_DURATION_SECONDS, whole: false, tooLarge: 'must be at most a year, in seconds' },
  percent: { max: 100, whole: false, tooLarge: 'must be at most 100' },
  'per-hour': { max: MAX_COUNT, whole: false, tooLarge: null },
  ratio: { max: MAX_RATIO, whole: false, tooLarge: `must be at most ${MAX_RATIO} (a ratio: 2 is twice the usual)` },
};

export interface MetricDefinition {
  readonly id: MetricId;
  readonly unit: MetricUnit;
  /** Queue growth, waits, durations and breached tickets are bad when high; attainment, outflow and staffing when low. */
  readonly direction: Direction;
  readonly bounds: MetricBounds;
}

const metric = (id: MetricId, unit: MetricUnit, direction: Direction, bounds: MetricBounds = UNIT_BOUNDS[unit]): MetricDefinition => ({
  id,
  unit,
  direction,
  bounds,
});

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  backlog: metric('backlog', 'count', 'higher-is-worse'),
  oldestWaitingSeconds: metric('oldestWaitingSeconds', 'seconds', 'higher-is-worse'),
  firstResponseP50: metric('firstResponseP50', 'seconds', 'higher-is-worse'),
  firstResponseP90: metric('firstResponseP90', 'seconds', 'higher-is-worse'),
  resolutionP50: metric('resolutionP50', 'seconds', 'higher-is-worse'),
  resolutionP90: metric('resolutionP90', 'seconds', 'higher-is-worse'),
  slaAttainment: metric('slaAttainment', 'percent', 'lower-is-worse'),
  inflowPerHour: metric('inflowPerHour', 'per-hour', 'higher-is-worse'),
  outflowPerHour: metric('outflowPerHour', 'per-hour', 'lower-is-worse'),
  agentsOnline: metric('agentsOnline', 'count', 'lower-is-worse', { ...UNIT_BOUNDS.count, max: MAX_AGENTS }),
  slaBreached: metric('slaBreached', 'count', 'higher-is-worse'),
  csat: metric('csat', 'percent', 'lower-is-worse'),
  // Few ratings make a CSAT figure unsteady: a manager may grade the count too (no built-in levels).
  csatRatings: metric('csatRatings', 'count', 'lower-is-worse'),
  // Neither has built-in levels: a manager grades them per queue like any metric.
  staffingGap: metric('staffingGap', 'count', 'higher-is-worse', { ...UNIT_BOUNDS.count, max: MAX_AGENTS }),
  slaOutlook: metric('slaOutlook', 'percent', 'lower-is-worse'),
  // Spikes are graded (the `volume` alert); a dip is shown beside the usual, not alerted.
  inflowVsUsual: metric('inflowVsUsual', 'ratio', 'higher-is-worse'),
};

/** The schema of one metric's value (not nullable), from its bounds: the feed, ingest readings and the compact check agree. */
export function metricValueSchema(id: MetricId): z.ZodNumber {
  const { max, whole, tooLarge } = METRICS[id].bounds;
  const number = whole ? z.number().int('must be a whole number') : z.number();
  return number.min(0, 'must be 0 or more').max(max, tooLarge ?? undefined);
}

/**
 * The same rule as `metricValueSchema` as plain comparisons, for the hot path (the compact feed checks 600
 * values a second on a 300-queue wall); null is "nothing to compute from". Build one per metric, once.
 */
export function metricValueCheck(id: MetricId): (value: unknown) => boolean {
  const { max, whole } = METRICS[id].bounds;
  return (value) => value === null || (typeof value === 'number' && value >= 0 && value <= max && (!whole || Number.isInteger(value)));
}

export const MetricValuesSchema = z.object(
  Object.fromEntries(METRIC_IDS.map((id) => [id, metricValueSchema(id).nullable()])) as Record<MetricId, z.ZodNullable<z.ZodNumber>>,
);
export type MetricValues = Record<MetricId, number | null>;

export const EMPTY_METRICS: Readonly<MetricValues> = Object.fromEntries(METRIC_IDS.map((id) => [id, null])) as MetricValues;
