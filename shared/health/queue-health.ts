import { METRIC_IDS, type MetricId, type MetricValues } from '../metrics';
import { evaluateRule, worstLevel, type Level, type QueueStatus, type ThresholdSet } from './thresholds';

export interface QueueHealth {
  readonly status: QueueStatus;
  /** The level of each graded metric that has a value. */
  readonly metrics: Readonly<Partial<Record<MetricId, Level>>>;
}

/** Instantaneous health of one queue. Pending periods and hysteresis build on this (health rules issue). */
export function evaluateQueueHealth(values: MetricValues, thresholds: ThresholdSet): QueueHealth {
  const metrics: Partial<Record<MetricId, Level>> = {};
  for (const id of METRIC_IDS) {
    const rule = thresholds[id];
    const value = values[id];
    if (rule && value !== null) metrics[id] = evaluateRule(value, rule);
  }
  const levels = Object.values(metrics);
  return { status: levels.length === 0 ? 'no-data' : worstLevel(levels), metrics };
}
