import { METRICS, type MetricId } from '../../../shared/metrics';
import { formatDuration } from './duration';

/** A metric's value with its unit, as the wall shows it. */
export function formatMetric(id: MetricId, value: number, locale: string): string {
  switch (METRICS[id].unit) {
    case 'seconds':
      return formatDuration(value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: value >= 99.95 || value < 10 ? 0 : 1 }).format(value)}%`;
    case 'per-hour':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)}/h`;
    case 'count':
      return new Intl.NumberFormat(locale).format(value);
  }
}

/** Short names for the tile's cause line. */
export const SHORT_LABELS: Readonly<Record<MetricId, string>> = {
  backlog: 'Backlog',
  oldestWaitingSeconds: 'Oldest waiting',
  firstResponseP50: 'First reply p50',
  firstResponseP90: 'First reply p90',
  resolutionP50: 'Resolution p50',
  resolutionP90: 'Resolution p90',
  slaAttainment: 'SLA',
  inflowPerHour: 'Inflow',
  outflowPerHour: 'Outflow',
  agentsOnline: 'Agents',
};
