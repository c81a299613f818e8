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
  const look = severityLook(state);
  const backlog = state?.metrics.backlog ?? null;
  const waiting = state?.metrics.oldestWaitingSeconds ?? null;
  return (
    <li className={`pin-item ${look.className}${live ? '' : ' pin-item-old'}`} data-testid="pinned-queue" data-queue-id={queue.id}>
      <span className="pin-status">
        <StatusIcon shape={live ? look.shape : 'hourglass'} />
        <span>{live ? look.word : `Last: ${look.word}`}</span>
      </span>
      <span className="pin-name">
        {queue.name}
        <span className="pin-where">{officeName}{look.detail ? ` · ${look.detail}` : ''}</span>
      </span>
      <span className="pin-figures">
        <span title="Backlog">{backlog === null ? '–' : formatMetric('backlog', backlog, locale)} open</span>
        <span title="Oldest waiting">{waiting === null ? '–' : formatMetric('oldestWaitingSeconds', waiting, locale)} oldest</span>
      </span>
      <button type="button" className="unpin-button" aria-label={`Unpin ${queue.name}`} onClick={onUnpin}>
        ×
      </button>
    </li>
  );
}
