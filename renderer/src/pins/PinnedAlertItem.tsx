import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/protocol/protocol';
import { ageText, clockTime, describeMeasure } from '../desk/alert-text';
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
  const { t } = useTranslation();
  const name = queueName ?? t('pins.aQueue');
  if (!alert) {
    return (
      <li className="pin-item pin-item-closed" data-testid="pinned-alert" data-alert-id={alertId}>
        <span className="pin-status">{t('pins.closed')}</span>
        <span className="pin-name">{t('pins.closedText', { name })}</span>
        <button type="button" className="unpin-button" aria-label={t('pins.unpinClosed', { name })} onClick={onUnpin}>
          ×
        </button>
      </li>
    );
  }
  const look = STATUS_LOOKS[alert.level];
  const handled = alert.acknowledged
    ? t('pins.ack', { name: alert.acknowledged.by })
    : alert.snoozed && alert.snoozed.until > now
      ? t('pins.snoozedUntil', { time: clockTime(alert.snoozed.until, locale) })
      : t('pins.needsAction');
  return (
    <li className={`pin-item ${look.className}`} data-testid="pinned-alert" data-alert-id={alertId}>
      <span className="pin-status">
        <StatusIcon shape={alert.kind === 'at-risk' ? 'triangle' : look.shape} />
        <span>{alert.kind === 'at-risk' ? t('desk.atRisk') : t(`status.${alert.level}`)}</span>
      </span>
      <span className="pin-name">
        {name}
        <span className="pin-where">
          {t(`metric.${alert.metric}`)} {describeMeasure(alert, locale, t)}
        </span>
        <span className="pin-where">
          {t('pins.opened', { age: ageText(alert, now, t), handled })}
        </span>
      </span>
      <button type="button" className="unpin-button" aria-label={t('pins.unpinAlert', { name })} onClick={onUnpin}>
        ×
      </button>
    </li>
  );
}
