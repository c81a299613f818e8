import type { MetricId, MetricValues } from '../metrics';
import type { ThresholdRule } from './thresholds';

export interface BreachForecast {
  /** The metric projected to reach its critical level first. */
  readonly metric: MetricId;
  /** Whole minutes until it does, rounded up: 1 means within the next minute. */
  readonly minutes: number;
}

export interface ForecastInput {
  readonly values: Pick<MetricValues, 'backlog' | 'inflowPerHour' | 'outflowPerHour' | 'oldestWaitingSeconds'>;
  /** How fast the oldest waiting ticket's age grows, in seconds per second (1 while nobody answers it). */
  readonly oldestWaitingGrowth: number | null;
  readonly rules: Readonly<Partial<Record<MetricId, ThresholdRule>>>;
}

/**
 * Projects when the backlog (from inflow minus outflow) and the oldest waiting age (from its recent
 * growth) reach their critical levels at the current pace. Metrics already critical are breached, not
 * at risk, and are left out. Null when nothing is heading for a breach.
 */
export function forecastBreach({ values, oldestWaitingGrowth, rules }: ForecastInput): BreachForecast | null {
  const candidates: BreachForecast[] = [];
  const netPerHour = values.inflowPerHour !== null && values.outflowPerHour !== null ? values.inflowPerHour - values.outflowPerHour : null;
  const backlog = minutesUntil(values.backlog, netPerHour === null ? null : netPerHour / 3600, rules.backlog);
  if (backlog !== null) candidates.push({ metric: 'backlog', minutes: backlog });
  const oldest = minutesUntil(values.oldestWaitingSeconds, oldestWaitingGrowth, rules.oldestWaitingSeconds);
  if (oldest !== null) candidates.push({ metric: 'oldestWaitingSeconds', minutes: oldest });
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.minutes < a.minutes ? b : a));
}

/** Minutes for `value` growing at `perSecond` to reach the rule's critical level; null if it never will. */
function minutesUntil(value: number | null, perSecond: number | null, rule: ThresholdRule | undefined): number | null {
  if (value === null || perSecond === null || !rule || rule.direction !== 'higher-is-worse') return null;
  if (!(perSecond > 0) || value >= rule.critical) return null;
  return Math.ceil((rule.critical - value) / perSecond / 60);
}

/** Whether a forecast counts as at risk: a breach projected within the horizon. */
export function isAtRisk(forecast: BreachForecast | null, horizonMinutes: number): forecast is BreachForecast {
  return forecast !== null && forecast.minutes <= horizonMinutes;
}
