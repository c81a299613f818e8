import { useTranslation } from 'react-i18next';
import type { AuditEntryMessage } from '../../../shared/protocol/admin-protocol';
import { useUserLocale } from '../i18n/use-language-choice';
import type { AuditLine } from './audit-format';

export interface AuditTableProps {
  entries: ReadonlyArray<{ entry: AuditEntryMessage; line: AuditLine }>;
  canRevert: boolean;
  busyId: number | null;
  onRevert: (id: number) => void;
}

const whens = new Map<string, Intl.DateTimeFormat>();
function when(locale: string): Intl.DateTimeFormat {
  let format = whens.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    whens.set(locale, format);
  }
  return format;
}

/** Who changed what and when, old → new, newest first. */
export function AuditTable({ entries, canRevert, busyId, onRevert }: AuditTableProps) {
  const { t } = useTranslation();
  const { locale } = useUserLocale();
  if (entries.length === 0) return <p className="hint">{t('settings.auditPane.empty')}</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('settings.auditPane.column.when')}</th>
          <th scope="col">{t('settings.auditPane.column.who')}</th>
          <th scope="col">{t('settings.auditPane.column.threshold')}</th>
          <th scope="col">{t('settings.auditPane.column.action')}</th>
          <th scope="col">{t('settings.auditPane.column.before')}</th>
          <th scope="col">{t('settings.auditPane.column.after')}</th>
          <th scope="col"><span className="visually-hidden">{t('settings.auditPane.column.revert')}</span></th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ entry, line }) => (
          <tr key={entry.id} data-testid="audit-entry" data-audit-id={entry.id} data-action={entry.action}>
            <td className="cell-when"><time dateTime={new Date(entry.at).toISOString()}>{when(locale).format(entry.at)}</time></td>
            <td>{entry.actor}</td>
            <th scope="row">{line.what}</th>
            <td>{line.action}</td>
            <td className="cell-levels">{line.before}</td>
            <td className="cell-levels">{line.after}</td>
            <td className="cell-actions">
              {canRevert && entry.revertible && (
                <button type="button" onClick={() => onRevert(entry.id)} disabled={busyId !== null} aria-label={t('settings.auditPane.revertLabel', { id: entry.id, what: line.what })}>
                  {t(busyId === entry.id ? 'settings.auditPane.reverting' : 'settings.auditPane.revert')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
