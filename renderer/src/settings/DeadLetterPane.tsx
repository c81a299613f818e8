import './dead-letters.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetterListResult, DeadLetterMessage } from '../../../shared/protocol/webhook-protocol';
import { useCommands } from '../feed/commands-context';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { DeadLetterTable } from './DeadLetterTable';
import { storeRefusalText } from '../feed/store-refusal';

export const DEAD_LETTER_PAGE = 100;

type Notice = { kind: 'ok' | 'error'; text: string; issues: readonly string[] };

/** Container: webhook deliveries that failed for good; a manager sends one again or deletes it. */
export function DeadLetterPane() {
  const commands = useCommands();
  const { t } = useTranslation();
  const queues = useAppStore(feedSelectors.queues);
  const [entries, setEntries] = useState<DeadLetterMessage[]>([]);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const receive = useCallback((result: DeadLetterListResult) => {
    setLoading(false);
    if (result.ok) setEntries(result.entries);
    else setNotice({ kind: 'error', text: t('webhooks.deadLetters.readFailed', { code: result.code }), issues: result.issues });
  }, [t]);

  useEffect(() => {
    let current = true;
    void commands.deadLetters(DEAD_LETTER_PAGE).then((result) => current && receive(result));
    return () => {
      current = false;
    };
  }, [commands, receive]);

  async function act(entry: DeadLetterMessage, action: 'retry' | 'delete') {
    setBusyId(entry.id);
    setNotice(null);
    const result = action === 'retry' ? await commands.retryDeadLetter(entry.id) : await commands.deleteDeadLetter(entry.id);
    setBusyId(null);
    if (result.ok) setNotice({ kind: 'ok', text: t(action === 'retry' ? 'webhooks.deadLetters.retried' : 'webhooks.deadLetters.deleted', { id: entry.id, target: entry.targetId }), issues: [] });
    else setNotice({ kind: 'error', text: storeRefusalText(result, t) ?? t('webhooks.deadLetters.refused', { code: result.code }), issues: storeRefusalText(result, t) ? [] : result.issues });
    receive(await commands.deadLetters(DEAD_LETTER_PAGE));
  }

  return (
    <section className="dead-letter-pane" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title" className="panel-title">{t('webhooks.deadLetters.title')}</h2>
      <p className="hint">{t('webhooks.deadLetters.hint')}</p>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="dead-letter-notice">
          {notice.text}
          {notice.issues.length > 0 && <ul>{notice.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>}
        </div>
      )}
      {loading ? <p className="hint">{t('webhooks.deadLetters.loading')}</p> : <DeadLetterTable entries={entries} queues={queues} busyId={busyId} onRetry={(e) => void act(e, 'retry')} onDelete={(e) => void act(e, 'delete')} />}
    </section>
  );
}
