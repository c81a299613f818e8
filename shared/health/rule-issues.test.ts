import { describe, expect, it } from 'vitest';
import { parseWith } from '../protocol/validation';
import { ruleIssues, ruleIssuesOf } from './rule-issues';
import { ThresholdOverrideSchema } from './threshold-model';

const key = { scope: 'queue', scopeId: 'lis-chat', metric: 'backlog', profile: '' } as const;
const issuesOf = (input: object) => {
  const parsed = ThresholdOverrideSchema.safeParse({ ...key, ...input });
  return parsed.success ? [] : ruleIssuesOf(parsed.error.issues);
};

describe('rule issues as data', () => {
  it('an order problem names the field, the rule and the numbers; the wire keeps its English', () => {
    expect(issuesOf({ warning: 20, critical: 10 })).toEqual([
      { field: 'warning', rule: 'order', params: { warning: 20, critical: 10, direction: 'higher-is-worse' } },
    ]);
    expect(parseWith(ThresholdOverrideSchema, { ...key, warning: 20, critical: 10 })).toEqual({
      ok: false,
      issues: ['warning: warning (20) must be below critical (10) when higher-is-worse'],
    });
  });

  it('ranges and whole seconds from zod’s codes, not its sentences', () => {
    expect(issuesOf({ warning: -1, critical: 10, pendingSeconds: 90_000 })).toEqual([
      { field: 'warning', rule: 'too-small', params: { min: 0 } },
      { field: 'pendingSeconds', rule: 'too-large', params: { max: 86_400 } },
    ]);
    expect(issuesOf({ warning: 1, critical: 2, recoverySeconds: 1.5 })).toEqual([{ field: 'recoverySeconds', rule: 'not-whole', params: {} }]);
    expect(issuesOf({ warning: 'x', critical: 2 })).toEqual([{ field: 'warning', rule: 'not-a-number', params: {} }]);
  });

  it('anything outside the value keeps the schema’s words', () => {
    expect(issuesOf({ scopeId: '', warning: 1, critical: 2 })).toEqual([
      { field: null, rule: 'other', params: { path: 'scopeId', message: 'must name the queue' } },
    ]);
  });

  it('a rule on its own: sign first, then order', () => {
    expect(ruleIssues({ direction: 'lower-is-worse', warning: 70, critical: 80 })).toEqual([
      { field: 'warning', rule: 'order', params: { warning: 70, critical: 80, direction: 'lower-is-worse' } },
    ]);
    expect(ruleIssues({ direction: 'higher-is-worse', warning: -1, critical: Number.NaN })).toEqual([
      { field: 'warning', rule: 'negative', params: { value: -1 } },
      { field: 'critical', rule: 'not-a-number', params: { value: Number.NaN } },
    ]);
  });
});
