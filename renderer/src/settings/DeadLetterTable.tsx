import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/model';
import type { DeadLetterMessage } from '../../../shared/protocol/webhook-protocol';
import { useUserLocale } from '../i18n/use-language-choice';

export interface DeadLetterTableProps {
  entries: readonly DeadLetterMessage[];
  queues: readonly Queue[];
  busyId: number | null;
  onRetry: (entry: DeadLetterMessage) => void;
  onDelete: (entry: DeadLetterMessage) => void;
}

const whens = new Map<string, Intl.DateTimeFormat>();
function when(locale: string): Intl.DateTimeFormat {
  let format = whens.get(locale);
  if (!format) whens.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })));
  return format;
}

/** Failed webhook deliveries, newest first: when, to which target, what, how often tried, the last answer. */
export function DeadLetterTable({ entries, queues, busyId, onRetry, onDelete }: DeadLetterTableProps) {
  const { t } = useTranslation();
  const { locale } = useUserLocale();
  if (entries.length === 0) return <p className="hint" data-testid="dead-letters-empty">{t('webhooks.deadLetters.empty')}</p>;
  const queueName = (id: string) => queues.find((q) => q.id === id)?.name ?? id;
  return (
    <table className="audit-table dead-letter-table" data-testid="dead-letter-table">
      <thead>
        <tr>
          <th scope="col">{t('webhooks.deadLetters.column.when')}</th>
          <th scope="col">{t('webhooks.deadLetters.column.target')}</th>
          <th scope="col">{t('webhooks.deadLetters.column.event')}</th>
          <th scope="col">{t('webhooks.deadLetters.column.attempts')}</th>
          <th scope="col">{t('webhooks.deadLetters.column.error')}</th>
          <th scope="col"><span className="visually-hidden">{t('webhooks.deadLetters.column.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const subject = entry.subject ?? (entry.queueIds.length > 0 ? entry.queueIds.map(queueName).join(', ') : t('webhooks.deadLetters.floor'));
          return (
            <tr key={entry.id} data-testid="dead-letter" data-dead-letter-id={entry.id} data-target={entry.targetId}>
              <td className="cell-when"><time dateTime={new Date(entry.failedAt).toISOString()}>{when(locale).format(entry.failedAt)}</time></td>
              <th scope="row">{entry.targetId}</th>
              <td>{t('webhooks.deadLetters.event', { kind: t(`webhooks.deadLetters.kind.${entry.kind}`), severity: t(`webhooks.severity.${entry.severity}`), subject })}</td>
              <td className="cell-levels">{t('webhooks.deadLetters.attempts', { count: entry.attempts })}</td>
              <td className="cell-error"><code>{entry.lastError}</code></td>
              <td className="cell-actions">
                <button type="button" onClick={() => onRetry(entry)} disabled={busyId !== null} aria-label={t('webhooks.deadLetters.retryLabel', { id: entry.id, target: entry.targetId })}>
                  {t('webhooks.deadLetters.retry')}
                </button>
                <button type="button" onClick={() => onDelete(entry)} disabled={busyId !== null} aria-label={t('webhooks.deadLetters.deleteLabel', { id: entry.id, target: entry.targetId })}>
                  {t('webhooks.deadLetters.delete')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
