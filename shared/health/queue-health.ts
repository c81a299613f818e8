import { METRIC_IDS, type MetricId, type MetricValues } from '../metrics';
import type { BreachForecast } from './forecast';
import { compareLevels, type Level, type QueueStatus } from './levels';
import { evaluateRule, type ThresholdSet } from './thresholds';

export type LiveStatus = Exclude<QueueStatus, 'stale'>;

export interface StaleInfo {
  readonly reason: 'no-recent-data' | 'source-down' | 'rate-limited';
  readonly message: string;
  readonly lastStatus: LiveStatus;
}

/** A queue's health as every screen receives it (the protocol's QueueHealth). */
export interface QueueHealth {
  readonly status: QueueStatus;
  /** The level of each graded metric that has a value. */
  readonly metrics: Readonly<Partial<Record<MetricId, Level>>>;
  readonly stale: StaleInfo | null;
  readonly atRisk: BreachForecast | null;
}

/** Status from metric levels: the worst, or no-data when nothing is graded. */
export function statusOf(levels: Readonly<Partial<Record<MetricId, Level>>>): LiveStatus {
  // Walked in place rather than through Object.values: every queue's status is taken each second.
  let worst: LiveStatus = 'no-data';
  for (const id in levels) {
    const level = levels[id as MetricId];
    if (level !== undefined && (worst === 'no-data' || compareLevels(level, worst) > 0)) worst = level;
  }
  return worst;
}

/**
 * Instantaneous health of one queue, without pending periods: what the settings pane previews for edited
 * thresholds ("this is the state each queue would be in right now"). The gateway adds time on top.
 */
export function evaluateQueueHealth(values: MetricValues, thresholds: ThresholdSet): QueueHealth {
  const metrics: Partial<Record<MetricId, Level>> = {};
  for (const id of METRIC_IDS) {
    const rule = thresholds[id];
    const value = values[id];
    if (rule && value !== null) metrics[id] = evaluateRule(value, rule);
  }
  return { status: statusOf(metrics), metrics, stale: null, atRisk: null };
}

/** Health as shown: stale hides the live status (kept as lastStatus) so old numbers never look live. */
export function composeHealth(
  metrics: Readonly<Partial<Record<MetricId, Level>>>,
  stale: Omit<StaleInfo, 'lastStatus'> | null,
  atRisk: BreachForecast | null,
): QueueHealth {
  const live = statusOf(metrics);
  if (stale) return { status: 'stale', metrics, stale: { ...stale, lastStatus: live }, atRisk: null };
  return { status: live, metrics, stale: null, atRisk };
}
