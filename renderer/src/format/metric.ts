import { METRICS, type MetricId } from '../../../shared/metrics';
import { formatDuration } from './duration';

/**
 * Intl.NumberFormat is costly to construct (tens of µs each): a wall of 300 tiles formatting three values
 * per render spent ~20 ms a second building them (bench/latency). One per locale and option set is kept.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, maximumFractionDigits === undefined ? {} : { maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}

const signed = new Map<string, Intl.NumberFormat>();

/** A change with its sign ("+26", "−3", "0"), as the backlog trend shows it. */
export function formatDelta(delta: number, locale: string): string {
  let format = signed.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
    signed.set(locale, format);
  }
  return format.format(delta);
}

/** A metric's value with its unit, as the wall shows it. */
export function formatMetric(id: MetricId, value: number, locale: string): string {
  switch (METRICS[id].unit) {
    case 'seconds':
      return formatDuration(value);
    case 'percent':
      return `${numberFormat(locale, value >= 99.95 || value < 10 ? 0 : 1).format(value)}%`;
    case 'per-hour':
      return `${numberFormat(locale, 0).format(value)}/h`;
    case 'count':
      return numberFormat(locale).format(value);
    case 'ratio':
      // "2.3×", but "12×": past ten times the usual a tenth says nothing, and the tile's note stays one line.
      return `${numberFormat(locale, value >= 9.95 ? 0 : 1).format(value)}×`;
  }
}

/** A whole count in the locale ("1,204", "1.204"), for counts beside words ("3 need action"). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}
