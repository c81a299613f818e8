import { describe, expect, it } from 'vitest';
import { alert } from '../../../tests/support/desk-view-fakes';
import { chatQueue, lisbon } from '../../../tests/support/renderer-fixtures';
import { createI18n } from '../i18n/i18n';
import { describeMeasure } from './alert-text';
import { toTransition, TransitionDetector, trayStatus } from './transitions';

const english = createI18n('en').t;

describe('TransitionDetector', () => {
  it('says nothing about the alerts of the first snapshot', () => {
    const detector = new TransitionDetector();
    expect(detector.observe([alert('a', { level: 'critical' }), alert('b', { kind: 'at-risk' })])).toEqual([]);
  });

  it('reports an alert opening at critical or at risk once, never a warning', () => {
    const detector = new TransitionDetector();
    detector.observe([alert('old', { level: 'critical' })]);
    const critical = alert('c', { level: 'critical' });
    const atRisk = alert('r', { kind: 'at-risk', projectedMinutes: 12 });
    const warning = alert('w');
    expect(detector.observe([alert('old', { level: 'critical' }), critical, atRisk, warning]).map((a) => a.id)).toEqual(['c', 'r']);
    // The same alerts again (every update), acknowledged or eased: nothing new.
    expect(detector.observe([{ ...critical, acknowledged: { by: 'Ana', at: 1, note: null } }, { ...atRisk, level: 'warning' }, warning])).toEqual([]);
    // After a reconnect's snapshot without it and with it again: still once.
    detector.observe([]);
    expect(detector.observe([critical])).toEqual([]);
  });

  it('words the threshold by which way is bad', () => {
    expect(describeMeasure(alert('s', { metric: 'slaAttainment', value: 83.3, threshold: 90 }), 'en-GB', english)).toBe('83.3% (warning below 90%)');
    expect(describeMeasure(alert('b', { metric: 'backlog', kind: 'at-risk', value: 85, threshold: 120, projectedMinutes: 14 }), 'en-US', english)).toBe(
      '85, projected to reach critical (120) in about 14 min',
    );
    // The minutes in the locale's own words (Intl), not an English "min" everywhere.
    expect(describeMeasure(alert('b', { metric: 'backlog', kind: 'at-risk', value: 85, threshold: 120, projectedMinutes: 14 }), 'en-GB', english)).toContain('in about 14 mins');
    expect(describeMeasure(alert('b', { metric: 'backlog', kind: 'at-risk', value: 1250, threshold: 1200, projectedMinutes: 60 }), 'nl-NL', createI18n('nl').t)).toBe(
      '1.250, bereikt naar verwachting kritiek (1.200) over ongeveer 60 min',
    );
  });

  it('describes a transition for the notifier', () => {
    const t = toTransition(alert('c', { level: 'critical', value: 4800, openedAt: 5 }), chatQueue, lisbon);
    expect(t).toEqual({
      alertId: 'c',
      queueId: 'lis-chat',
      queueName: 'Chat Portugal',
      officeName: 'Lisbon',
      kind: 'threshold',
      level: 'critical',
      metricLabel: 'Oldest waiting',
      valueText: '1h 20m',
      projectedMinutes: null,
      at: 5,
    });
  });
});

describe('trayStatus', () => {
  it('gives the worst status of the pinned queues and counts each', () => {
    expect(trayStatus(['ok', 'warning', 'stale', 'warning'])).toEqual({
      worst: 'warning',
      counts: { ok: 1, warning: 2, critical: 0, 'no-data': 0, stale: 1 },
    });
    expect(trayStatus([]).worst).toBe('no-data');
    expect(trayStatus(['ok', 'critical']).worst).toBe('critical');
  });
});
