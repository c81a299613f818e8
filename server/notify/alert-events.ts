import type { Alert } from '../../shared/protocol/protocol';
import type { AlertManager } from '../alerts/alert-manager';
import type { Notify, OutboundEventInput } from './outbound-event';

/** Alert ids already told, so an acknowledgement or a level change of the same alert is not news again; old ones fall out. */
const REMEMBERED_ALERTS = 10_000;

/**
 * The outbound event for an alert that just opened: an at-risk alert is a `forecast` (the time-to-breach
 * projection, a warning); every other alert kind (threshold, volume, …) is an `alert` with its level as
 * severity. A worse level opens a new alert, so an escalation to critical is news of its own.
 */
export function alertEvent(alert: Alert): OutboundEventInput {
  const common = { id: `${alert.kind}.${alert.id}`, at: alert.openedAt, queueIds: [alert.queueId] };
  if (alert.kind === 'at-risk') {
    return {
      ...common,
      kind: 'forecast',
      severity: 'warning',
      forecast: { alertId: alert.id, queueId: alert.queueId, metric: alert.metric, minutesToBreach: alert.projectedMinutes ?? 0, value: alert.value, critical: alert.threshold },
    };
  }
  return {
    ...common,
    kind: 'alert',
    severity: alert.level,
    alert: { id: alert.id, queueId: alert.queueId, alertKind: alert.kind, metric: alert.metric, level: alert.level, value: alert.value, threshold: alert.threshold },
  };
}

type RuntimeAlerts = Pick<AlertManager, 'observe' | 'expireSnoozes' | 'takeChanges'>;

/**
 * The alerts as the per-queue loop sees them, with every change it takes also read for alerts that opened:
 * each is notified once, when it first goes out to screens. Alerts opened before `since` (the gateway's
 * start) were restored from the store: acknowledging one after a restart is not news.
 */
export function withOutboundAlerts(alerts: RuntimeAlerts, notify: Notify, since: number): RuntimeAlerts {
  const told = new Set<string>();
  return {
    observe: (queueId, verdict, now) => alerts.observe(queueId, verdict, now),
    expireSnoozes: (now) => alerts.expireSnoozes(now),
    takeChanges: () => {
      const changes = alerts.takeChanges();
      for (const alert of changes) {
        if (alert.resolvedAt !== null || alert.openedAt < since || told.has(alert.id)) continue;
        told.add(alert.id);
        if (told.size > REMEMBERED_ALERTS) told.delete(told.values().next().value as string);
        notify(alertEvent(alert));
      }
      return changes;
    },
  };
}
