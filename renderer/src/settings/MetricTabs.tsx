import { useTranslation } from 'react-i18next';
import type { MetricId } from '../../../shared/metrics';

/** The graded metrics a manager sets most, first; the rest after. */
export const SETTINGS_METRICS: readonly MetricId[] = [
  'backlog',
  'oldestWaitingSeconds',
  'firstResponseP90',
  'resolutionP90',
  'slaAttainment',
  'slaBreached',
  'csat',
  'agentsOnline',
  'firstResponseP50',
  'resolutionP50',
  'inflowPerHour',
  'outflowPerHour',
  'csatRatings',
  'staffingGap',
  'slaOutlook',
  'inflowVsUsual',
];

export interface MetricTabsProps {
  metric: MetricId | 'overview';
  /** Unsaved edits per metric, shown on its tab. */
  edits: Readonly<Partial<Record<MetricId, number>>>;
  onChange: (metric: MetricId | 'overview') => void;
}

/** Which metric the table shows; a plain radio group, so arrow keys move between metrics. */
export function MetricTabs({ metric, edits, onChange }: MetricTabsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="metric-tabs">
      <legend className="visually-hidden">{t('settings.tabs.metric')}</legend>
      {SETTINGS_METRICS.map((id) => (
        <label key={id} className={`metric-tab${id === metric ? ' metric-tab-active' : ''}`}>
          <input type="radio" name="metric" value={id} checked={id === metric} onChange={() => onChange(id)} />
          {t(`metric.${id}`)}
          {(edits[id] ?? 0) > 0 && <span className="tab-count" aria-label={t('settings.tabs.unsaved', { count: edits[id] })}>{edits[id]}</span>}
        </label>
      ))}
      <label className={`metric-tab metric-tab-overview${metric === 'overview' ? ' metric-tab-active' : ''}`}>
        <input type="radio" name="metric" value="overview" checked={metric === 'overview'} onChange={() => onChange('overview')} />
        {t('settings.tabs.overview')}
      </label>
    </fieldset>
  );
}
