import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryMessage, AuditListResult } from '../../../shared/protocol/admin-protocol';
import { useCommands } from '../feed/commands-context';
import { feedSelectors } from '../store/feed-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { describeAuditEntry } from './audit-format';
import { AuditTable } from './AuditTable';
import { storeRefusalText } from '../feed/store-refusal';

export const AUDIT_PAGE_SIZE = 25;

type Notice = { kind: 'ok' | 'error'; text: string; issues: readonly string[] };

/** Container: the audit trail, newest first, paged back; revert in one click. Reloads when thresholds change. */
export function AuditPane({ canRevert }: { canRevert: boolean }) {
  const commands = useCommands();
  const { t } = useTranslation();
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const revision = useAppStore(sessionSelectors.thresholds)?.revision ?? 0;
  const [entries, setEntries] = useState<AuditEntryMessage[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const receive = useCallback((result: AuditListResult, appended: boolean) => {
    setLoading(false);
    if (!result.ok) return setNotice({ kind: 'error', text: t('settings.auditPane.readFailed', { code: result.code }), issues: result.issues });
    setEntries((current) => (appended ? [...current, ...result.entries] : result.entries));
    setMore(result.entries.length === AUDIT_PAGE_SIZE);
  }, [t]);

  // The first page again whenever thresholds change (a save, an import, a revert, here or elsewhere).
  useEffect(() => {
    let current = true;
    void commands.auditList(AUDIT_PAGE_SIZE).then((result) => current && receive(result, false));
    return () => {
      current = false;
    };
  }, [commands, receive, revision]);

  async function older() {
    setLoading(true);
    receive(await commands.auditList(AUDIT_PAGE_SIZE, entries[entries.length - 1]?.id), true);
  }

  async function revert(id: number) {
    setBusyId(id);
    setNotice(null);
    const result = await commands.revert(id);
    setBusyId(null);
    if (result.ok) setNotice({ kind: 'ok', text: t('settings.auditPane.reverted', { id, revision: result.revision }), issues: [] });
    else
      setNotice({
        kind: 'error',
        text: storeRefusalText(result, t) ?? (result.code === 'conflict' ? t('settings.auditPane.revertConflict') : t('settings.auditPane.revertFailed', { code: result.code })),
        issues: storeRefusalText(result, t) ? [] : result.issues,
      });
  }

  const lines = useMemo(() => entries.map((entry) => ({ entry, line: describeAuditEntry(entry, offices, queues, t) })), [entries, offices, queues, t]);
  return (
    <section className="audit-pane" aria-labelledby="audit-title">
      <h2 id="audit-title" className="panel-title">{t('settings.auditPane.title')}</h2>
      <p className="hint">{t('settings.auditPane.hint')}</p>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="audit-notice">
          {notice.text}
          {notice.issues.length > 0 && <ul>{notice.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>}
        </div>
      )}
      <AuditTable entries={lines} canRevert={canRevert} busyId={busyId} onRevert={(id) => void revert(id)} />
      <div className="audit-paging">
        {loading && <span className="hint">{t('settings.auditPane.loading')}</span>}
        {!loading && more && (
          <button type="button" onClick={() => void older()}>
            {t('settings.auditPane.older')}
          </button>
        )}
      </div>
    </section>
  );
}
