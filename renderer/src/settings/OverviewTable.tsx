import { METRICS, type MetricId } from '../../../shared/metrics';
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
  const first = models[metrics[0]!];
  if (!first) return null;
  const cell = (metric: MetricId, pick: (m: ThresholdTableModel) => LevelRow | undefined) => {
    const row = pick(models[metric]!);
    if (!row) return <td key={metric} />;
    const origin = describeOrigin(row.origin, offices, profileName);
    const scope = row.origin?.scope ?? 'none';
    const text = row.effective
      ? `${formatLevel(metric, row.effective.warning)} / ${formatLevel(metric, row.effective.critical)}`
      : row.queue
        ? 'not graded'
        : 'per channel';
    return (
      <td key={metric} className={`overview-cell overview-${scope}${row.own ? ' overview-own' : ''}${edited.has(row.id) ? ' overview-edited' : ''}`} data-scope={scope} title={`${row.own ? 'set here' : 'from'} ${origin}`}>
        {text}
        <span className="visually-hidden"> ({row.own ? 'set here' : `from ${origin}`})</span>
      </td>
    );
  };
  const line = (label: string, pick: (m: ThresholdTableModel) => LevelRow | undefined, key: string, className = '') => (
    <tr key={key} className={className} data-testid="overview-row">
      <th scope="row">{label}</th>
      {metrics.map((metric) => cell(metric, pick))}
    </tr>
  );
  return (
    <table className="overview-table" data-testid="overview-table">
      <caption className="hint">
        Warning / critical per queue and metric. Bold: set on that row; colour: <span className="overview-queue">queue</span>,{' '}
        <span className="overview-office">office</span>, <span className="overview-default">default</span>, <span className="overview-built-in">built-in</span>. Open a metric to edit it.
      </caption>
      <thead>
        <tr>
          <th scope="col">Applies to</th>
          {metrics.map((metric) => (
            <th scope="col" key={metric}>
              <button type="button" className="link-button" onClick={() => onOpen(metric)}>
                {METRICS[metric].label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{line('Every queue (default)', (m) => m.defaultRow, 'default', 'level-row-default')}</tbody>
      {first.groups.map((group, g) => (
        <tbody key={group.office.id}>
          <tr className="office-row">
            <th scope="rowgroup" colSpan={metrics.length + 1}>{group.office.name}</th>
          </tr>
          {line(group.officeRow.label, (m) => m.groups[g]?.officeRow, group.officeRow.id, 'level-row-office')}
          {group.queues.map((q, i) => line(q.label, (m) => m.groups[g]?.queues[i], q.id))}
        </tbody>
      ))}
    </table>
  );
}
