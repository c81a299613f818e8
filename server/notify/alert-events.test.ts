import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/protocol/protocol';
import { withOutboundAlerts } from './alert-events';
import type { OutboundEventInput } from './outbound-event';

const T0 = Date.UTC(2026, 11, 7, 10);
function alert(id: string, over: Partial<Alert> = {}): Alert {
  return { id, queueId: 'chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 180, threshold: 150, projectedMinutes: null, openedAt: T0, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null, ...over };
}

function tapped(batches: Alert[][], since = T0) {
  const sent: OutboundEventInput[] = [];
  const alerts = withOutboundAlerts({ observe: () => {}, expireSnoozes: () => {}, takeChanges: () => batches.shift() ?? [] }, (event) => sent.push(event), since);
  return { alerts, sent };
}

describe('alerts as outbound events', () => {
  it('notifies an alert once, when it opens, and passes every change through unchanged', () => {
    const opened = alert('a1');
    const acknowledged = { ...opened, acknowledged: { by: 'Ana', at: T0 + 1000, note: null } };
    const { alerts, sent } = tapped([[opened], [acknowledged], [{ ...opened, resolvedAt: T0 + 5000, resolution: 'recovered' }]]);
    expect(alerts.takeChanges()).toEqual([opened]);
    expect(alerts.takeChanges()).toEqual([acknowledged]);
    alerts.takeChanges();
    expect(sent).toEqual([{
      id: 'threshold.a1', kind: 'alert', severity: 'critical', at: T0, queueIds: ['chat'],
      alert: { id: 'a1', queueId: 'chat', alertKind: 'threshold', metric: 'backlog', level: 'critical', value: 180, threshold: 150 },
    }]);
  });

  it('makes an at-risk alert a forecast with its minutes to breach, and any other kind an alert of its level', () => {
    const { alerts, sent } = tapped([[alert('r1', { kind: 'at-risk', level: 'warning', value: 90, projectedMinutes: 18 }), alert('v1', { kind: 'volume' as Alert['kind'], level: 'warning', metric: 'inflowPerHour' })]]);
    alerts.takeChanges();
    expect(sent).toEqual([
      { id: 'at-risk.r1', kind: 'forecast', severity: 'warning', at: T0, queueIds: ['chat'], forecast: { alertId: 'r1', queueId: 'chat', metric: 'backlog', minutesToBreach: 18, value: 90, critical: 150 } },
      expect.objectContaining({ kind: 'alert', severity: 'warning', alert: expect.objectContaining({ alertKind: 'volume', metric: 'inflowPerHour' }) }),
    ]);
  });

  it('does not tell of alerts restored from before the start when they change (an acknowledgement after a restart)', () => {
    const restored = alert('old', { openedAt: T0 - 3_600_000, acknowledged: { by: 'Ana', at: T0 + 10, note: null } });
    const { alerts, sent } = tapped([[restored]]);
    alerts.takeChanges();
    expect(sent).toEqual([]);
  });
});
