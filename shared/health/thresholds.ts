import type { Direction, MetricId } from '../metrics';
import type { Level } from './levels';

export type { Level, QueueStatus } from './levels';

export interface ThresholdRule {
  readonly direction: Direction;
  readonly warning: number;
  readonly critical: number;
  /** How long a worse level must hold before the state worsens; absent uses the gateway's default. */
  readonly pendingSeconds?: number;
  /** How long the value must stay clear of a level (by the recovery margin) before the state improves. */
  readonly recoverySeconds?: number;
}

/** Rules for the metrics that are graded; a metric without a rule is shown but never colours the queue. */
export type ThresholdSet = Readonly<Partial<Record<MetricId, ThresholdRule>>>;

/**
 * Checks a rule once, when it is loaded, so evaluation stays a plain comparison.
 * Returns the problems as sentences naming the field; empty when the rule is sound.
 */
export function validateRule(rule: ThresholdRule, path: string): string[] {
  const problems: string[] = [];
  for (const key of ['warning', 'critical'] as const) {
    if (!Number.isFinite(rule[key]) || rule[key] < 0) {
      problems.push(`${path}.${key}: must be a finite number of 0 or more (got ${String(rule[key])})`);
    }
  }
  if (problems.length > 0) return problems;
  const ordered = rule.direction === 'higher-is-worse' ? rule.warning < rule.critical : rule.warning > rule.critical;
  if (!ordered) {
    const relation = rule.direction === 'higher-is-worse' ? 'below' : 'above';
    problems.push(
      `${path}: warning (${rule.warning}) must be ${relation} critical (${rule.critical}) when ${rule.direction}`,
    );
  }
  return problems;
}

/** The level a value reaches under a rule. A value exactly on a threshold counts as reaching it. */
export function evaluateRule(value: number, rule: ThresholdRule): Level {
  const worse = rule.direction === 'higher-is-worse' ? (t: number) => value >= t : (t: number) => value <= t;
  if (worse(rule.critical)) return 'critical';
  if (worse(rule.warning)) return 'warning';
  return 'ok';
}

/** The value of a level's threshold, for `warning` and `critical`. */
export function thresholdOf(rule: ThresholdRule, level: Level): number | null {
  return level === 'ok' ? null : rule[level];
}
