import { METRIC_IDS, type MetricValues } from '../metrics';
import { evaluateRule, worstLevel, type Level, type QueueStatus, type ThresholdSet } from './thresholds';

export interface QueueHealth {
  readonly status: QueueStatus;
  /** Each metric's level; null where the metric has no value yet. */
  readonly metrics: Readonly<Record<keyof MetricValues, Level | null>>;
}

/** Instantaneous health of one queue. Pending periods and hysteresis build on this (health rules issue). */
export function evaluateQueueHealth(values: MetricValues, thresholds: ThresholdSet): QueueHealth {
  const metrics = {} as Record<keyof MetricValues, Level | null>;
  const levels: Level[] = [];
  for (const id of METRIC_IDS) {
    const value = values[id];
    const level = value === null ? null : evaluateRule(value, thresholds[id]);
    metrics[id] = level;
    if (level !== null) levels.push(level);
  }
  return { status: levels.length === 0 ? 'no-data' : worstLevel(levels), metrics };
}
