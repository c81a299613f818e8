import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../../shared/health/thresholds';
import { STATUS_LOOKS } from '../wall/status';
import { StatusIcon } from '../wall/StatusIcon';

/** A status as colour, shape and word, at reading size (the wall's looks, the settings' density). */
export function StatusWord({ status }: { status: QueueStatus }) {
  const look = STATUS_LOOKS[status];
  const { t } = useTranslation();
  return (
    <span className={`status-word ${look.className}`} data-status={status}>
      <StatusIcon shape={look.shape} />
      {t(`status.${status}`)}
    </span>
  );
}

/** "OK → Critical", or just the one status when nothing changes. */
export function StatusChange({ before, after }: { before: QueueStatus; after: QueueStatus }) {
  const { t } = useTranslation();
  if (before === after) return <StatusWord status={after} />;
  return (
    <span className="status-change" data-testid="status-change" data-before={before} data-after={after}>
      <StatusWord status={before} />
      <span aria-label={t('settings.row.becomes')}> → </span>
      <StatusWord status={after} />
    </span>
  );
}
