import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import { InheritanceBadge } from './InheritanceBadge';
import { formatDurationInput, formatLevel } from './level-text';
import { StatusChange } from './StatusWord';
import type { DraftEdit, DraftField, EditProblem } from './threshold-draft';
import type { LevelRow } from './threshold-rows';

export interface RowNow {
  /** The metric's current value, formatted. */
  value: string;
  before: Level | null;
  after: Level | null;
}

export interface LevelRowProps {
  row: LevelRow;
  metric: MetricId;
  edit: DraftEdit | undefined;
  problems: readonly EditProblem[];
  originText: string;
  canEdit: boolean;
  /** Gateway default pending period in seconds, shown when a rule sets none. */
  defaultPendingSeconds: number;
  /** Set when someone else changed this key since editing started. */
  changedUnderneath: string | null;
  now?: RowNow;
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  onField: (field: DraftField, text: string) => void;
  /** Whether a saved override exists for this key, so "reset to inherited" would remove something. */
  hasStored: boolean;
  onReset: () => void;
  onUndo: () => void;
}

/** One line of the thresholds table. Takes props only; the pane owns the draft. */
export function LevelRowView(props: LevelRowProps) {
  const { row, metric, edit, problems, originText, canEdit, defaultPendingSeconds, changedUnderneath, now, selected, onSelect, onField, onReset, onUndo, hasStored } = props;
  const { t } = useTranslation();
  const kind = row.key.scope;
  const texts = edit && !edit.remove ? edit.fields : initialFields(row, metric);
  const problemId = `problems-${row.id}`;
  const fieldProblems = (field: DraftField) => problems.filter((p) => p.field === field || p.field === 'row');
  const input = (field: DraftField, placeholder: string) => (
    <input
      className="level-input"
      type="text"
      inputMode="decimal"
      aria-label={t('settings.row.input', { row: row.label, metric: t(`metric.${metric}`), field: t(`settings.row.field.${field}`) })}
      aria-invalid={fieldProblems(field).length > 0 || undefined}
      aria-describedby={problems.length > 0 ? problemId : undefined}
      value={texts[field]}
      placeholder={placeholder}
      readOnly={!canEdit}
      data-field={field}
      onChange={(e) => onField(field, e.target.value)}
    />
  );
  // Above the queues an empty level means "each queue's channel decides"; on a queue, that nothing grades it.
  const emptyText = row.effective ? '' : t(row.queue ? 'settings.row.notGraded' : 'settings.row.perChannel');
  const state = edit?.remove ? 'reset' : edit ? 'edited' : 'saved';
  const warningInput = input('warning', emptyText);
  const criticalInput = input('critical', emptyText);
  const pendingInput = input('pending', t('settings.row.defaultPending', { pending: formatDurationInput(defaultPendingSeconds) }));
  return (
    <>
      <tr className={`level-row level-row-${kind} level-row-${state}${changedUnderneath ? ' level-row-conflict' : ''}`} data-row-id={row.id} data-testid="level-row" data-edit={state}>
        <td className="cell-select">
          {onSelect && (
            <input type="checkbox" aria-label={t('settings.row.select', { name: row.label })} checked={selected ?? false} onChange={(e) => onSelect(e.target.checked)} />
          )}
        </td>
        <th scope="row" className="cell-name">
          {row.label}
          {row.queue && (
            <span className="cell-sub">
              {' '}
              {t(`channel.${row.queue.channel}`)} · {row.queue.team.kind === 'partner' ? t('settings.table.partnerTeam', { name: row.queue.team.name }) : row.queue.team.name}
            </span>
          )}
        </th>
        <td className="cell-now">
          {now && (
            <>
              <span className="now-value">{now.value}</span>
              {now.before && now.after && <StatusChange before={now.before} after={now.after} />}
            </>
          )}
        </td>
        <td>{warningInput}</td>
        <td>{criticalInput}</td>
        <td>{pendingInput}</td>
        <td className="cell-origin">
          <InheritanceBadge origin={row.origin} text={originText} own={row.own && !edit?.remove} />
          {edit?.remove && <span className="row-note"> {t('settings.row.resetOnSave')}</span>}
          {edit && !edit.remove && <span className="row-note"> {t('settings.row.unsaved')}</span>}
        </td>
        <td className="cell-actions">
          {canEdit && edit && (
            <button type="button" className="link-button" onClick={onUndo} aria-label={t('settings.row.undoLabel', { name: row.label })}>
              {t('settings.row.undo')}
            </button>
          )}
          {canEdit && hasStored && !edit?.remove && (
            <button type="button" className="link-button" onClick={onReset} aria-label={t('settings.row.resetLabel', { name: row.label })}>
              {t('settings.row.reset')}
            </button>
          )}
        </td>
      </tr>
      {(problems.length > 0 || changedUnderneath) && (
        <tr className="level-row-problems">
          <td />
          <td colSpan={7} id={problemId}>
            {changedUnderneath && <p className="row-conflict" data-testid="row-conflict">{changedUnderneath}</p>}
            {problems.map((p) => (
              <p key={p.message} className="row-problem" role="alert">
                {p.message}
              </p>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}

export function initialFields(row: LevelRow, metric: MetricId) {
  return {
    warning: row.effective ? formatLevel(metric, row.effective.warning) : '',
    critical: row.effective ? formatLevel(metric, row.effective.critical) : '',
    pending: row.effective?.pendingSeconds != null ? formatDurationInput(row.effective.pendingSeconds) : '',
  };
}
