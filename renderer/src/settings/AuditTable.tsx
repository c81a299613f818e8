import type { AuditEntryMessage } from '../../../shared/protocol/admin-protocol';
import type { AuditLine } from './audit-format';

export interface AuditTableProps {
  entries: ReadonlyArray<{ entry: AuditEntryMessage; line: AuditLine }>;
  canRevert: boolean;
  busyId: number | null;
  onRevert: (id: number) => void;
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** Who changed what and when, old → new, newest first. */
export function AuditTable({ entries, canRevert, busyId, onRevert }: AuditTableProps) {
  if (entries.length === 0) return <p className="hint">No changes recorded yet.</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Threshold</th>
          <th scope="col">Action</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col"><span className="visually-hidden">Revert</span></th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ entry, line }) => (
          <tr key={entry.id} data-testid="audit-entry" data-audit-id={entry.id} data-action={entry.action}>
            <td className="cell-when"><time dateTime={new Date(entry.at).toISOString()}>{when.format(entry.at)}</time></td>
            <td>{entry.actor}</td>
            <th scope="row">{line.what}</th>
            <td>{line.action}</td>
            <td className="cell-levels">{line.before}</td>
            <td className="cell-levels">{line.after}</td>
            <td className="cell-actions">
              {canRevert && entry.revertible && (
                <button type="button" onClick={() => onRevert(entry.id)} disabled={busyId !== null} aria-label={`Revert entry ${entry.id}: ${line.what}`}>
                  {busyId === entry.id ? 'Reverting…' : 'Revert'}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
