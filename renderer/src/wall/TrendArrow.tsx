import { formatDelta } from '../format/metric';
import type { Trend } from './trend';

/** Up, down or level arrow with the signed change; the words are in `label` for screen readers. */
export function TrendArrow({ trend, label, locale }: { trend: Trend; label: string; locale: string }) {
  const delta = formatDelta(trend.delta, locale);
  return (
    <span className={`trend trend-${trend.direction}`} data-testid="trend" data-direction={trend.direction} title={label} aria-label={label}>
      <svg className="trend-arrow" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {trend.direction === 'rising' && <path d="M12 3 21 13h-6v8H9v-8H3z" />}
        {trend.direction === 'falling' && <path d="M12 21 3 11h6V3h6v8h6z" />}
        {trend.direction === 'steady' && <path d="M21 12 11 3v6H3v6h8v6z" />}
      </svg>
      {trend.direction !== 'steady' && <span className="trend-delta">{delta}</span>}
    </span>
  );
}
