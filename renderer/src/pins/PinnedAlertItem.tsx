import type { Alert } from '../../../shared/protocol/protocol';
import { ageText, clockTime, describeMeasure, metricLabel } from '../desk/alert-text';
import { STATUS_LOOKS } from '../wall/status';
import { StatusIcon } from '../wall/StatusIcon';

export interface PinnedAlertItemProps {
  alertId: string;
  /** Null once the alert is no longer open (it recovered or was replaced). */
  alert: Alert | null;
  queueName: string | null;
  locale: string;
  now: number;
  onUnpin: () => void;
}

export function PinnedAlertItem({ alertId, alert, queueName, locale, now, onUnpin }: PinnedAlertItemProps) {
  const name = queueName ?? 'a queue';
  if (!alert) {
    return (
      <li className="pin-item pin-item-closed" data-testid="pinned-alert" data-alert-id={alertId}>
        <span className="pin-status">Closed</span>
        <span className="pin-name">Alert on {name} is no longer open</span>
        <button type="button" className="unpin-button" aria-label={`Unpin closed alert on ${name}`} onClick={onUnpin}>
          ×
        </button>
      </li>
    );
  }
  const look = STATUS_LOOKS[alert.level];
  const handled = alert.acknowledged
    ? `Ack: ${alert.acknowledged.by}`
    : alert.snoozed && alert.snoozed.until > now
      ? `Snoozed until ${clockTime(alert.snoozed.until)}`
      : 'Needs action';
  return (
    <li className={`pin-item ${look.className}`} data-testid="pinned-alert" data-alert-id={alertId}>
      <span className="pin-status">
        <StatusIcon shape={alert.kind === 'at-risk' ? 'triangle' : look.shape} />
        <span>{alert.kind === 'at-risk' ? 'At risk' : look.word}</span>
      </span>
      <span className="pin-name">
        {name}
        <span className="pin-where">
          {metricLabel(alert)} {describeMeasure(alert, locale)}
        </span>
        <span className="pin-where">
          Opened {ageText(alert, now)} · {handled}
        </span>
      </span>
      <button type="button" className="unpin-button" aria-label={`Unpin alert on ${name}`} onClick={onUnpin}>
        ×
      </button>
    </li>
  );
}
