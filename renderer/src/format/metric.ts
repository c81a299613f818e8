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
