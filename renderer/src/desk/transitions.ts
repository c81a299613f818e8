import { isNotifiable } from '../../../shared/desk/notification-rules';
import { worstStatus, type QueueStatus } from '../../../shared/health/levels';
import { QUEUE_STATUSES, type Alert } from '../../../shared/protocol/protocol';
import type { Office, Queue } from '../../../shared/model';
import { metricLabel, valueText } from './alert-text';
import type { Transition, TrayStatus } from '../../../shared/ipc/desk-contract';


/** Alert ids remembered so none notifies twice; the oldest fall out so a week-long session stays small. */
const REMEMBERED = 10_000;

/**
 * Finds alerts that opened since it last looked. The first look (the snapshot a screen gets on connect)
 * only learns what is already open: those are not news. An alert never comes out twice.
 */
export class TransitionDetector {
  private primed = false;
  private readonly seen = new Set<string>();

  observe(alerts: Iterable<Alert>): Alert[] {
    const fresh: Alert[] = [];
    for (const alert of alerts) {
      if (this.seen.has(alert.id)) continue;
      this.seen.add(alert.id);
      fresh.push(alert);
    }
    for (const id of this.seen) {
      if (this.seen.size <= REMEMBERED) break;
      this.seen.delete(id);
    }
    if (!this.primed) {
      this.primed = true;
      return [];
    }
    return fresh.filter(isNotifiable);
  }
}

/** `incident`: the open incident the alert belongs to, so the desk notifies once for it. */
export function toTransition(alert: Alert, queue: Queue | undefined, office: Office | undefined, incident?: { id: string; title: string }): Transition {
  const locale = office?.locale ?? 'en-GB';
  return {
    alertId: alert.id,
    queueId: alert.queueId,
    queueName: queue?.name ?? alert.queueId,
    officeName: office?.name ?? queue?.officeId ?? 'Unknown office',
    kind: alert.kind,
    level: alert.level,
    metricLabel: metricLabel(alert),
    valueText: alert.value === null ? '' : valueText(alert, locale),
    projectedMinutes: alert.projectedMinutes,
    at: alert.openedAt,
    ...(incident ? { incident: { id: incident.id, title: incident.title } } : {}),
  };
}

/** The worst status of the pinned queues and how many are in each, for the tray. */
export function trayStatus(statuses: readonly QueueStatus[]): TrayStatus {
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const status of statuses) counts[status]++;
  return { worst: worstStatus(statuses), counts };
}
