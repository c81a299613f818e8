import type { z } from 'zod';
import type { Direction } from '../metrics';
import type { ThresholdRule } from './thresholds';

/** The fields of a threshold's value that have rules. */
export type RuleField = 'warning' | 'critical' | 'pendingSeconds' | 'recoverySeconds';

/**
 * What is wrong with a threshold's value, as data: which field, which rule, the numbers involved. The
 * gateway answers with `describeRuleIssue`'s English (the wire text); the settings pane words the same
 * issue in the manager's language and puts it beside the field.
 */
export type RuleIssue =
  /** Not a number at all, or not a finite one (`value` when known: zod does not report it). */
  | { field: RuleField; rule: 'not-a-number'; params: { value?: number } }
  | { field: 'warning' | 'critical'; rule: 'negative'; params: { value: number } }
  | { field: RuleField; rule: 'too-small'; params: { min: number } }
  | { field: RuleField; rule: 'too-large'; params: { max: number } }
  | { field: 'pendingSeconds' | 'recoverySeconds'; rule: 'not-whole'; params: Record<string, never> }
  /** Warning must come before critical in the direction that is worse. */
  | { field: 'warning'; rule: 'order'; params: { warning: number; critical: number; direction: Direction } }
  /** Anything outside the value (the key, an unknown field): kept as the schema worded it. */
  | { field: null; rule: 'other'; params: { path: string; message: string } };

/** The issues a rule's levels can have on their own (sign and order). */
export type LevelIssue = Extract<RuleIssue, { rule: 'not-a-number' | 'negative' | 'order' }>;

/** The order and sign of a rule's levels; checked once, when the rule is loaded. */
export function ruleIssues(rule: ThresholdRule): LevelIssue[] {
  const issues: LevelIssue[] = [];
  for (const field of ['warning', 'critical'] as const) {
    const value = rule[field];
    if (!Number.isFinite(value)) issues.push({ field, rule: 'not-a-number', params: { value } });
    else if (value < 0) issues.push({ field, rule: 'negative', params: { value } });
  }
  if (issues.length > 0) return issues;
  const ordered = rule.direction === 'higher-is-worse' ? rule.warning < rule.critical : rule.warning > rule.critical;
  if (!ordered) issues.push({ field: 'warning', rule: 'order', params: { warning: rule.warning, critical: rule.critical, direction: rule.direction } });
  return issues;
}

/** The gateway's English for an issue of `ruleIssues`, as configuration errors and API answers have always said it. */
export function describeRuleIssue(issue: LevelIssue): string {
  switch (issue.rule) {
    case 'order': {
      const { warning, critical, direction } = issue.params;
      return `warning (${warning}) must be ${direction === 'higher-is-worse' ? 'below' : 'above'} critical (${critical}) when ${direction}`;
    }
    case 'not-a-number':
    case 'negative':
      return `must be a finite number of 0 or more (got ${String(issue.params.value)})`;
  }
}

const RULE_FIELDS: readonly string[] = ['warning', 'critical', 'pendingSeconds', 'recoverySeconds'];

/**
 * The issues of a failed threshold-override parse as data. Order issues carry themselves in `params`;
 * range and type issues are read from zod's own codes, never from its sentences.
 */
export function ruleIssuesOf(issues: readonly z.core.$ZodIssue[]): RuleIssue[] {
  return issues.map((issue): RuleIssue => {
    const field = issue.path.length === 1 && RULE_FIELDS.includes(String(issue.path[0])) ? (issue.path[0] as RuleField) : null;
    const other: RuleIssue = { field: null, rule: 'other', params: { path: issue.path.join('.'), message: issue.message } };
    if (!field) return other;
    switch (issue.code) {
      case 'custom':
        return (issue.params as RuleIssue | undefined) ?? other;
      case 'too_small':
        return { field, rule: 'too-small', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return { field, rule: 'too-large', params: { max: Number(issue.maximum) } };
      case 'invalid_type':
        return issue.expected === 'int' && field !== 'warning' && field !== 'critical'
          ? { field, rule: 'not-whole', params: {} }
          : { field, rule: 'not-a-number', params: {} };
      default:
        return other;
    }
  });
}
