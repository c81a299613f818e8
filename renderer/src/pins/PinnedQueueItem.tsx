import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';
import { severityLook } from '../desk/severity-look';
import { formatMetric } from '../format/metric';
import { StatusIcon } from '../wall/StatusIcon';

export interface PinnedQueueItemProps {
  queue: Queue;
  officeName: string;
  state: QueueState | undefined;
  locale: string;
  live: boolean;
  onUnpin: () => void;
}

/** One pinned queue, compact: status, name, backlog and oldest waiting. */
export function PinnedQueueItem({ queue, officeName, state, locale, live, onUnpin }: PinnedQueueItemProps) {
  const { t } = useTranslation();
  const look = severityLook(state, t, locale);
  const backlog = state?.metrics.backlog ?? null;
  const waiting = state?.metrics.oldestWaitingSeconds ?? null;
  const backlogText = backlog === null ? '–' : formatMetric('backlog', backlog, locale);
  const waitingText = waiting === null ? '–' : formatMetric('oldestWaitingSeconds', waiting, locale);
  return (
    <li className={`pin-item ${look.className}${live ? '' : ' pin-item-old'}`} data-testid="pinned-queue" data-queue-id={queue.id}>
      <span className="pin-status">
        <StatusIcon shape={live ? look.shape : 'hourglass'} />
        <span>{live ? look.word : t('pins.last', { status: look.word })}</span>
      </span>
      <span className="pin-name">
        {queue.name}
        <span className="pin-where">{officeName}{look.detail ? ` · ${look.detail}` : ''}</span>
      </span>
      <span className="pin-figures">
        <span title={t('metric.backlog')}>{t('pins.open', { value: backlogText })}</span>
        <span title={t('metric.oldestWaitingSeconds')}>{t('pins.oldest', { value: waitingText })}</span>
      </span>
      <button type="button" className="unpin-button" aria-label={t('pins.unpin', { name: queue.name })} onClick={onUnpin}>
        ×
      </button>
    </li>
  );
}
