import type { Direction, MetricId } from '../metrics';
import type { Level } from './levels';
import { describeRuleIssue, ruleIssues } from './rule-issues';

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
 * Checks a rule once, when it is loaded, so evaluation stays a plain comparison. Returns the problems as
 * English sentences naming the field (an order problem names the rule); empty when the rule is sound.
 * `ruleIssues` gives the same as data.
 */
export function validateRule(rule: ThresholdRule, path: string): string[] {
  return ruleIssues(rule).map((issue) => `${path}${issue.rule === 'order' ? '' : `.${issue.field}`}: ${describeRuleIssue(issue)}`);
}

/** The level a value reaches under a rule. A value exactly on a threshold counts as reaching it. */
export function evaluateRule(value: number, rule: ThresholdRule): Level {
  return levelAgainst(value, rule.direction, rule.warning, rule.critical);
}

/** The level of a value against a warning and a critical threshold, without a rule object (the beat runs it for every metric). */
export function levelAgainst(value: number, direction: ThresholdRule['direction'], warning: number, critical: number): Level {
  const higherIsWorse = direction === 'higher-is-worse';
  if (higherIsWorse ? value >= critical : value <= critical) return 'critical';
  if (higherIsWorse ? value >= warning : value <= warning) return 'warning';
  return 'ok';
}

/** The value of a level's threshold, for `warning` and `critical`. */
export function thresholdOf(rule: ThresholdRule, level: Level): number | null {
  return level === 'ok' ? null : rule[level];
}
