import { describe, expect, it } from 'vitest';
import { ThresholdIndex } from '../../shared/health/threshold-model';
import type { Level } from '../../shared/health/thresholds';
import type { Alert } from '../../shared/protocol/protocol';
import type { QueueVerdict } from '../health/health-tracker';
import { AlertManager, type AlertPersistence } from './alert-manager';

const rules = new ThresholdIndex([]).resolve({ id: 'chat', officeId: 'lisbon', channel: 'chat' }, null);
const HOUR = 3_600_000;

function verdict(backlog: Level | null, extra: Partial<QueueVerdict> = {}): QueueVerdict {
  const value = backlog === 'critical' ? 160 : backlog === 'warning' ? 100 : 10;
  return {
    health: { status: backlog ?? 'no-data', metrics: {}, stale: null, atRisk: null },
    metrics: backlog ? { backlog: { level: backlog, value, rule: rules.backlog!.rule } } : {},
    atRisk: null,
    stale: false,
    rules,
    ...extra,
  };
}

class MemoryPersistence implements AlertPersistence {
  readonly rows = new Map<string, Alert>();
  readonly audit: Array<{ actor: string; action: string }> = [];
  save(alert: Alert) {
    this.rows.set(alert.id, alert);
  }
  saveByPerson(alert: Alert, actor: string, action: string) {
    this.rows.set(alert.id, alert);
    this.audit.push({ actor, action });
  }
  listOpen() {
    return [...this.rows.values()].filter((a) => a.resolvedAt === null);
  }
}

function setup() {
  const persistence = new MemoryPersistence();
  let n = 0;
  const alerts = new AlertManager({ persistence, newId: () => `a${++n}` });
  return { alerts, persistence };
}

describe('AlertManager', () => {
  it('opens an alert on a transition to warning, with value and threshold, and resolves it on recovery', () => {
    const { alerts } = setup();
    alerts.observe('chat', verdict('ok'), 1000);
    expect(alerts.takeChanges()).toEqual([]);
    alerts.observe('chat', verdict('warning'), 2000);
    alerts.observe('chat', verdict('warning'), 3000);
    expect(alerts.takeChanges()).toEqual([
      { id: 'a1', queueId: 'chat', kind: 'threshold', metric: 'backlog', level: 'warning', value: 100, threshold: 90, projectedMinutes: null,
        openedAt: 2000, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null },
    ]);
    alerts.observe('chat', verdict('ok'), 4000);
    expect(alerts.takeChanges()).toEqual([expect.objectContaining({ id: 'a1', resolvedAt: 4000, resolution: 'recovered' })]);
    expect(alerts.openAlerts()).toEqual([]);
  });

  it('alerts again on a worse level even when the warning was acknowledged, and keeps the ack when it eases', () => {
    const { alerts } = setup();
    alerts.observe('chat', verdict('warning'), 1000);
    expect(alerts.acknowledge({ alertId: 'a1', note: 'on it' }, 'Ana', 1500)).toMatchObject({ ok: true, alert: { acknowledged: { by: 'Ana', at: 1500, note: 'on it' } } });
    alerts.observe('chat', verdict('critical'), 2000);
    const [escalated, critical] = alerts.takeChanges().slice(-2);
    expect(escalated).toMatchObject({ id: 'a1', resolution: 'escalated', resolvedAt: 2000 });
    expect(critical).toMatchObject({ id: 'a2', level: 'critical', threshold: 150, acknowledged: null });
    alerts.acknowledge({ alertId: 'a2' }, 'Bram', 2500);
    alerts.observe('chat', verdict('warning'), 3000);
    expect(alerts.openAlerts()).toEqual([expect.objectContaining({ id: 'a2', level: 'warning', acknowledged: expect.objectContaining({ by: 'Bram', note: null }) })]);
  });

  it('leaves alerts alone while the queue is stale, and while a metric has no value but still has a rule', () => {
    const { alerts } = setup();
    alerts.observe('chat', verdict('critical'), 1000);
    alerts.takeChanges();
    alerts.observe('chat', verdict('ok', { stale: true }), 2000);
    alerts.observe('chat', verdict(null), 3000);
    expect(alerts.takeChanges()).toEqual([]);
    alerts.observe('chat', verdict(null, { rules: {} }), 4000);
    expect(alerts.takeChanges()).toEqual([expect.objectContaining({ resolution: 'rule-removed' })]);
  });

  it('opens an at-risk alert with the projection, and resolves it as breached when the metric goes critical', () => {
    const { alerts } = setup();
    alerts.observe('chat', verdict('warning', { atRisk: { metric: 'backlog', minutes: 12 } }), 1000);
    expect(alerts.openAlerts().find((a) => a.kind === 'at-risk')).toMatchObject({ metric: 'backlog', level: 'warning', projectedMinutes: 12, threshold: 150 });
    alerts.observe('chat', verdict('critical'), 2000);
    expect(alerts.takeChanges().find((a) => a.kind === 'at-risk' && a.resolvedAt !== null)).toMatchObject({ resolution: 'breached' });
  });

  it('snoozes until a time in the next week, clears the snooze when it is due, and names the field of a bad request', () => {
    const { alerts, persistence } = setup();
    alerts.observe('chat', verdict('critical'), 0);
    expect(alerts.snooze({ alertId: 'a1', until: HOUR }, 'Ana', 1000)).toMatchObject({ ok: true, alert: { snoozed: { by: 'Ana', at: 1000, until: HOUR } } });
    expect(alerts.snooze({ alertId: 'a1', until: 500 }, 'Ana', 1000)).toEqual({ ok: false, code: 'invalid', issues: ['until: must be in the future (gateway time is 1970-01-01T00:00:01.000Z)'] });
    expect(alerts.snooze({ alertId: 'a1', until: 8 * 24 * HOUR }, 'Ana', 1000)).toEqual({ ok: false, code: 'invalid', issues: ['until: must be at most 7 days ahead'] });
    expect(alerts.acknowledge({ alertId: 'zzz' }, 'Ana', 1000)).toEqual({ ok: false, code: 'not-found', issues: ['alertId: no open alert "zzz"; it may have been resolved already'] });
    alerts.takeChanges();
    alerts.expireSnoozes(HOUR - 1);
    expect(alerts.takeChanges()).toEqual([]);
    alerts.expireSnoozes(HOUR);
    expect(alerts.takeChanges()).toEqual([expect.objectContaining({ id: 'a1', snoozed: null })]);
    expect(persistence.audit).toEqual([{ actor: 'Ana', action: 'alert.snooze' }]);
  });

  it('picks up where the previous run left off: open alerts, acknowledgements and snoozes', () => {
    const { alerts, persistence } = setup();
    alerts.observe('chat', verdict('critical'), 0);
    alerts.acknowledge({ alertId: 'a1', note: 'escalated to vendor' }, 'Ana', 10);
    const restarted = new AlertManager({ persistence, newId: () => 'b1' });
    expect(restarted.restore()).toBe(1);
    restarted.observe('chat', verdict('critical'), 20);
    expect(restarted.openAlerts()).toEqual([expect.objectContaining({ id: 'a1', acknowledged: expect.objectContaining({ by: 'Ana' }) })]);
    expect(restarted.takeChanges()).toEqual([]);
  });

  it('ends a snooze after its chosen time on the monotonic clock, whatever the wall clock does, also after a restart', () => {
    const persistence = new MemoryPersistence();
    let monotonic = 0;
    const alerts = new AlertManager({ persistence, newId: () => 'a1', monotonic: () => monotonic });
    alerts.observe('chat', verdict('warning'), 1000);
    expect(alerts.snooze({ alertId: 'a1', until: 1000 + 30 * 60_000 }, 'Ana', 1000)).toMatchObject({ ok: true });
    monotonic += 1000;
    alerts.expireSnoozes(1000 + 3_600_000); // the wall clock stepped an hour ahead
    expect(alerts.openAlerts()[0]!.snoozed).not.toBeNull();
    monotonic += 30 * 60_000;
    alerts.expireSnoozes(1000 - 3_600_000); // and now an hour behind
    expect(alerts.openAlerts()[0]!.snoozed).toBeNull();

    alerts.snooze({ alertId: 'a1', until: 5000 + 10 * 60_000 }, 'Ana', 5000);
    const restarted = new AlertManager({ persistence, newId: () => 'b1', monotonic: () => monotonic });
    restarted.restore();
    restarted.expireSnoozes(5000 + 60_000); // a minute later by the wall: nine minutes remain
    monotonic += 8 * 60_000;
    restarted.expireSnoozes(5000 + 2 * 3_600_000);
    expect(restarted.openAlerts()[0]!.snoozed).not.toBeNull();
    monotonic += 60_000;
    restarted.expireSnoozes(0);
    expect(restarted.openAlerts()[0]!.snoozed).toBeNull();
  });
});
