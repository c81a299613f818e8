import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './default-thresholds';
import { worstLevel } from './levels';
import { evaluateRule, validateRule, type ThresholdRule } from './thresholds';
import { evaluateQueueHealth } from './queue-health';
import { CHANNELS } from '../model';
import { EMPTY_METRICS, METRIC_IDS } from '../metrics';

const higher: ThresholdRule = { direction: 'higher-is-worse', warning: 10, critical: 20 };
const lower: ThresholdRule = { direction: 'lower-is-worse', warning: 90, critical: 80 };

describe('evaluateRule', () => {
  it('grades higher-is-worse values, counting a value on the threshold as reaching it', () => {
    expect([0, 9.99, 10, 19, 20, 1e6].map((v) => evaluateRule(v, higher))).toEqual([
      'ok', 'ok', 'warning', 'warning', 'critical', 'critical',
    ]);
  });

  it('grades lower-is-worse values', () => {
    expect([100, 90.1, 90, 80.5, 80, 0].map((v) => evaluateRule(v, lower))).toEqual([
      'ok', 'ok', 'warning', 'warning', 'critical', 'critical',
    ]);
  });
});

describe('validateRule', () => {
  it('accepts well-ordered rules', () => {
    expect(validateRule(higher, 'x')).toEqual([]);
    expect(validateRule(lower, 'x')).toEqual([]);
  });

  it('names the field when warning is not before critical in the bad direction', () => {
    expect(validateRule({ ...higher, warning: 20, critical: 10 }, 'queues.chat.backlog')).toEqual([
      'queues.chat.backlog: warning (20) must be below critical (10) when higher-is-worse',
    ]);
    expect(validateRule({ ...lower, warning: 70 }, 'sla')).toEqual([
      'sla: warning (70) must be above critical (80) when lower-is-worse',
    ]);
  });

  it('rejects negative and non-finite levels by field', () => {
    expect(validateRule({ ...higher, warning: -1, critical: Number.NaN }, 'q')).toEqual([
      'q.warning: must be a finite number of 0 or more (got -1)',
      'q.critical: must be a finite number of 0 or more (got NaN)',
    ]);
  });

  it('holds for every built-in default', () => {
    for (const channel of CHANNELS) {
      for (const metric of METRIC_IDS) {
        const rule = DEFAULT_THRESHOLDS[channel][metric];
        if (rule) expect(validateRule(rule, `${channel}.${metric}`)).toEqual([]);
      }
      expect(Object.keys(DEFAULT_THRESHOLDS[channel]).sort(), channel).toEqual(
        ['backlog', 'csat', 'firstResponseP90', 'inflowVsUsual', 'oldestWaitingSeconds', 'resolutionP90', 'slaAttainment', 'slaBreached'],
      );
    }
  });
});

describe('queue health', () => {
  it('is the worst graded metric level, ignoring metrics without a value or without a rule', () => {
    const chat = DEFAULT_THRESHOLDS.chat;
    const health = evaluateQueueHealth({ ...EMPTY_METRICS, backlog: 3, firstResponseP90: 6 * 60, slaAttainment: 85, inflowPerHour: 1e6 }, chat);
    expect(health).toEqual({
      status: 'critical',
      metrics: { backlog: 'ok', firstResponseP90: 'critical', slaAttainment: 'warning' },
      stale: null,
      atRisk: null,
    });
  });

  it('is no-data before anything was reported', () => {
    expect(evaluateQueueHealth(EMPTY_METRICS, DEFAULT_THRESHOLDS.email).status).toBe('no-data');
    expect(evaluateQueueHealth({ ...EMPTY_METRICS, agentsOnline: 3 }, DEFAULT_THRESHOLDS.email).status).toBe('no-data');
  });

  it('worstLevel picks the most severe', () => {
    expect(worstLevel([])).toBe('ok');
    expect(worstLevel(['ok', 'warning', 'ok'])).toBe('warning');
    expect(worstLevel(['warning', 'critical', 'ok'])).toBe('critical');
  });
});
