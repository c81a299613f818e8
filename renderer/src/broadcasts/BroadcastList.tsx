import { useTranslation } from 'react-i18next';
import { broadcastTextIn } from '../../../shared/broadcasts/broadcast-view';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';

export interface BroadcastListProps {
  broadcasts: readonly Broadcast[];
  language: string;
  /** A time of day in the desk's locale and zone. */
  formatTime: (at: number) => string;
  /** Who the broadcast reaches, in words. */
  describeAudience: (broadcast: Broadcast) => string;
  /** The linked queues' names, in the desk's language. */
  queueNames: (queueIds: readonly string[]) => string;
  mayChange: (broadcast: Broadcast) => boolean;
  onEnd: (broadcast: Broadcast) => void;
  onExtend: (broadcast: Broadcast) => void;
  busy: boolean;
}

/** The broadcasts on the walls or scheduled, worst first, with their audience, times and who posted them. */
export function BroadcastList({ broadcasts, language, formatTime, describeAudience, queueNames, mayChange, onEnd, onExtend, busy }: BroadcastListProps) {
  const { t } = useTranslation();
  if (broadcasts.length === 0) return <p className="desk-empty">{t('broadcasts.list.empty')}</p>;
  return (
    <ul className="broadcast-list">
      {broadcasts.map((b) => (
        <li key={b.id} className={`broadcast-item broadcast-item-${b.severity}`} data-testid="desk-broadcast" data-broadcast-id={b.id} data-state={b.state}>
          <p className="broadcast-item-text">
            <strong>{t(`broadcasts.severity.${b.severity}`)}</strong> {broadcastTextIn(b.text, language)}
          </p>
          <p className="broadcast-item-meta">
            {b.state === 'scheduled' && <span>{t('broadcasts.list.scheduled')} · {t('broadcasts.startsAt', { time: formatTime(b.startsAt) })} · </span>}
            {t('broadcasts.until', { time: formatTime(b.endsAt) })} · {describeAudience(b)} · {t('broadcasts.list.postedBy', { name: b.postedBy })}
            {b.edited && `, ${t('broadcasts.list.editedBy', { name: b.edited.by })}`}
            {b.linkedQueueIds.length > 0 && ` · ${t('broadcasts.list.linked', { names: queueNames(b.linkedQueueIds) })}`}
          </p>
          {mayChange(b) && (
            <p className="broadcast-item-actions">
              <button type="button" className="action-button" disabled={busy} onClick={() => onExtend(b)}>{t('broadcasts.list.extend')}</button>
              <button type="button" className="action-button" disabled={busy} onClick={() => onEnd(b)}>{t('broadcasts.list.end')}</button>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
