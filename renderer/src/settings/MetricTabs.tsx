import { METRICS, type MetricId } from '../../../shared/metrics';

/** The graded metrics a manager sets most, first; the rest after. */
export const SETTINGS_METRICS: readonly MetricId[] = [
  'backlog',
  'oldestWaitingSeconds',
  'firstResponseP90',
  'resolutionP90',
  'slaAttainment',
  'slaBreached',
  'agentsOnline',
  'firstResponseP50',
  'resolutionP50',
  'inflowPerHour',
  'outflowPerHour',
];

export interface MetricTabsProps {
  metric: MetricId | 'overview';
  /** Unsaved edits per metric, shown on its tab. */
  edits: Readonly<Partial<Record<MetricId, number>>>;
  onChange: (metric: MetricId | 'overview') => void;
}

/** Which metric the table shows; a plain radio group, so arrow keys move between metrics. */
export function MetricTabs({ metric, edits, onChange }: MetricTabsProps) {
  return (
    <fieldset className="metric-tabs">
      <legend className="visually-hidden">Metric</legend>
      {SETTINGS_METRICS.map((id) => (
        <label key={id} className={`metric-tab${id === metric ? ' metric-tab-active' : ''}`}>
          <input type="radio" name="metric" value={id} checked={id === metric} onChange={() => onChange(id)} />
          {METRICS[id].label}
          {(edits[id] ?? 0) > 0 && <span className="tab-count" aria-label={`${edits[id]} unsaved`}>{edits[id]}</span>}
        </label>
      ))}
      <label className={`metric-tab metric-tab-overview${metric === 'overview' ? ' metric-tab-active' : ''}`}>
        <input type="radio" name="metric" value="overview" checked={metric === 'overview'} onChange={() => onChange('overview')} />
        All metrics
      </label>
    </fieldset>
  );
}
