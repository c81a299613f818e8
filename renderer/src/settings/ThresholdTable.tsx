import { useTranslation } from 'react-i18next';
import type { MetricId } from '../../../shared/metrics';
import type { Office } from '../../../shared/model';
import { formatMetric } from '../format/metric';
import { LevelRowView, type RowNow } from './LevelRowView';
import { levelNow } from './preview';
import type { Draft, DraftField, EditProblem } from './threshold-draft';
import { describeOrigin, type LevelRow, type ThresholdTableModel } from './threshold-rows';
import { useUserLocale } from '../i18n/use-language-choice';

export interface ThresholdTableProps {
  metric: MetricId;
  model: ThresholdTableModel;
  /** The same table by the saved rules, for the "now" column's before → after. */
  savedModel: ThresholdTableModel;
  offices: readonly Office[];
  draft: Draft;
  problems: Readonly<Record<string, readonly EditProblem[]>>;
  /** Row id → what someone else changed underneath the edit. */
  conflicts: Readonly<Record<string, string>>;
  storedIds: ReadonlySet<string>;
  values: Readonly<Record<string, number | null>>;
  canEdit: boolean;
  selected: ReadonlySet<string>;
  defaultPendingSeconds: number;
  profileName: (id: string) => string;
  onSelect: (queueIds: readonly string[], selected: boolean) => void;
  onField: (row: LevelRow, field: DraftField, text: string) => void;
  onReset: (row: LevelRow) => void;
  onUndo: (row: LevelRow) => void;
}

/** Thresholds of one metric for every queue, grouped by office, under the office and default levels. */
export function ThresholdTable(props: ThresholdTableProps) {
  const { metric, model, savedModel, offices, draft, problems, conflicts, storedIds, values, canEdit, selected, defaultPendingSeconds, profileName, onSelect } = props;
  const { t } = useTranslation();
  const { locale } = useUserLocale();
  const savedRows = new Map([savedModel.defaultRow, ...savedModel.groups.flatMap((g) => [g.officeRow, ...g.queues])].map((r) => [r.id, r]));
  const rowView = (row: LevelRow) => {
    const queueId = row.queue?.id;
    const value = queueId ? (values[queueId] ?? null) : null;
    const now: RowNow | undefined = queueId
      ? {
          value: value === null ? '—' : formatMetric(metric, value, locale),
          before: levelNow(value, metric, savedRows.get(row.id)?.effective ?? null),
          after: levelNow(value, metric, row.effective),
        }
      : undefined;
    return (
      <LevelRowView
        key={row.id}
        row={row}
        metric={metric}
        edit={draft[row.id]}
        problems={problems[row.id] ?? []}
        originText={describeOrigin(row.origin, offices, profileName, t)}
        canEdit={canEdit}
        defaultPendingSeconds={defaultPendingSeconds}
        changedUnderneath={conflicts[row.id] ?? null}
        now={now}
        selected={queueId ? selected.has(queueId) : undefined}
        onSelect={queueId && canEdit ? (on) => onSelect([queueId], on) : undefined}
        hasStored={storedIds.has(row.id)}
        onField={(field, text) => props.onField(row, field, text)}
        onReset={() => props.onReset(row)}
        onUndo={() => props.onUndo(row)}
      />
    );
  };
  return (
    <table className="threshold-table" data-testid="threshold-table" data-metric={metric}>
      <caption className="visually-hidden">{t('settings.table.caption', { metric: t(`metric.${metric}`) })}</caption>
      <colgroup>
        <col className="col-select" />
        <col className="col-name" />
        <col className="col-now" />
        <col className="col-level" />
        <col className="col-level" />
        <col className="col-level" />
        <col className="col-origin" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="cell-select"><span className="visually-hidden">{t('settings.table.select')}</span></th>
          <th scope="col">{t('settings.table.appliesTo')}</th>
          <th scope="col">{t('settings.table.now')}</th>
          <th scope="col">{t('settings.table.warning')}</th>
          <th scope="col">{t('settings.table.critical')}</th>
          <th scope="col" title={t('settings.table.pendingTitle')}>{t('settings.table.pending')}</th>
          <th scope="col">{t('settings.table.valueFrom')}</th>
          <th scope="col"><span className="visually-hidden">{t('settings.table.actions')}</span></th>
        </tr>
      </thead>
      <tbody>{rowView(model.defaultRow)}</tbody>
      {model.groups.map((group) => {
        const ids = group.queues.map((r) => r.queue!.id);
        const all = ids.length > 0 && ids.every((id) => selected.has(id));
        return (
          <tbody key={group.office.id} data-office-id={group.office.id}>
            <tr className="office-row">
              <td className="cell-select">
                {canEdit && <input type="checkbox" aria-label={t('settings.table.selectOffice', { name: group.office.name })} checked={all} onChange={(e) => onSelect(ids, e.target.checked)} />}
              </td>
              <th scope="rowgroup" colSpan={7}>{group.office.name}</th>
            </tr>
            {rowView(group.officeRow)}
            {group.queues.map((row) => rowView(row))}
          </tbody>
        );
      })}
    </table>
  );
}
