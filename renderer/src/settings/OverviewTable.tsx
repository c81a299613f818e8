import { Trans, useTranslation } from 'react-i18next';
import type { MetricId } from '../../../shared/metrics';
import type { Office } from '../../../shared/model';
import { formatLevel } from './level-text';
import { describeOrigin, type LevelRow, type ThresholdTableModel } from './threshold-rows';

export interface OverviewTableProps {
  metrics: readonly MetricId[];
  /** One table model per metric, all under the same profile, edits included. */
  models: Readonly<Partial<Record<MetricId, ThresholdTableModel>>>;
  offices: readonly Office[];
  /** Row ids with unsaved edits. */
  edited: ReadonlySet<string>;
  profileName: (id: string) => string;
  onOpen: (metric: MetricId) => void;
}

/** Every queue × metric at a glance: warning / critical, coloured by where each value comes from. */
export function OverviewTable({ metrics, models, offices, edited, profileName, onOpen }: OverviewTableProps) {
  const { t } = useTranslation();
  const first = models[metrics[0]!];
  if (!first) return null;
  const cell = (metric: MetricId, pick: (m: ThresholdTableModel) => LevelRow | undefined) => {
    const row = pick(models[metric]!);
    if (!row) return <td key={metric} />;
    const origin = describeOrigin(row.origin, offices, profileName, t);
    const scope = row.origin?.scope ?? 'none';
    const text = row.effective
      ? t('settings.overview.levels', { warning: formatLevel(metric, row.effective.warning), critical: formatLevel(metric, row.effective.critical) })
      : t(row.queue ? 'settings.row.notGraded' : 'settings.row.perChannel');
    const where = row.own ? t('settings.overview.setHere') : t('settings.overview.from', { origin });
    return (
      <td key={metric} className={`overview-cell overview-${scope}${row.own ? ' overview-own' : ''}${edited.has(row.id) ? ' overview-edited' : ''}`} data-scope={scope} title={row.own ? `${where} (${origin})` : where}>
        {text}
        <span className="visually-hidden"> ({where})</span>
      </td>
    );
  };
  const line = (label: string, pick: (m: ThresholdTableModel) => LevelRow | undefined, key: string, className = '') => (
    <tr key={key} className={className} data-testid="overview-row">
      <th scope="row">{label}</th>
      {metrics.map((metric) => cell(metric, pick))}
    </tr>
  );
  const defaultLine = line(first.defaultRow.label, (m) => m.defaultRow, 'default', 'level-row-default');
  const officeLine = (g: number) => line(first.groups[g]!.officeRow.label, (m) => m.groups[g]?.officeRow, first.groups[g]!.officeRow.id, 'level-row-office');
  return (
    <table className="overview-table" data-testid="overview-table">
      <caption className="hint">
        <Trans
          i18nKey="settings.overview.caption"
          components={{
            queue: <span className="overview-queue" />,
            office: <span className="overview-office" />,
            default: <span className="overview-default" />,
            builtIn: <span className="overview-built-in" />,
          }}
        />
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.table.appliesTo')}</th>
          {metrics.map((metric) => (
            <th scope="col" key={metric}>
              <button type="button" className="link-button" onClick={() => onOpen(metric)}>
                {t(`metric.${metric}`)}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{defaultLine}</tbody>
      {first.groups.map((group, g) => (
        <tbody key={group.office.id}>
          <tr className="office-row">
            <th scope="rowgroup" colSpan={metrics.length + 1}>{group.office.name}</th>
          </tr>
          {officeLine(g)}
          {group.queues.map((q, i) => line(q.label, (m) => m.groups[g]?.queues[i], q.id))}
        </tbody>
      ))}
    </table>
  );
}
