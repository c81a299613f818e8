import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Queue } from '../../../shared/model';
import { formatMetric } from '../format/metric';
import { ChannelGlyph } from './ChannelGlyph';
import { STATUS_LOOKS, type StatusLook } from './status';
import { StatusIcon } from './StatusIcon';
import type { TrendDirection } from './trend';
import { TrendArrow } from './TrendArrow';

/**
 * The parts of a tile, each memoised on plain values, so a new backlog re-renders one value cell and the
 * head, notes and sparkline are left alone (bench/latency: every queue's numbers move every second).
 */

export interface TileHeadProps {
  queue: Queue;
  shape: StatusLook['shape'];
  statusText: string;
  /** Words from the tile, which translates once per language (useTranslation costs each part that mounts). */
  channelName: string;
  partnerLabel: string;
  /** The queue's CSAT ("CSAT 89%") when it has one and it is graded, with its level; null shows none. */
  csat?: { text: string; level: Level | null } | null;
}

/** Status word and shape, channel, name and team: these change with the status, almost never otherwise. */
export const TileHead = memo(function TileHead({ queue, shape, statusText, channelName, partnerLabel, csat = null }: TileHeadProps) {
  return (
    <>
      <header className="tile-head">
        <span className="tile-status">
          <StatusIcon shape={shape} />
          <span className="tile-status-word">{statusText}</span>
        </span>
        <span className="tile-channel">
          <ChannelGlyph channel={queue.channel} />
          <span className="tile-channel-name">{channelName}</span>
        </span>
      </header>
      <div className="tile-title">
        <h3 className="tile-name">{queue.name}</h3>
        {/* CSAT rides on the team's line: the customers' verdict on the team, at no cost in height. */}
        <div className="tile-subline">
          <p className="tile-team">
            {queue.team.name}
            {queue.team.kind === 'partner' && <span className="partner-badge">{partnerLabel}</span>}
          </p>
          {csat && (
            <p className={`tile-csat${csat.level ? ` level-${csat.level}` : ''}`} data-testid="tile-csat" data-metric="csat">
              {csat.level && csat.level !== 'ok' && <StatusIcon shape={STATUS_LOOKS[csat.level].shape} />}
              {csat.text}
            </p>
          )}
        </div>
      </div>
    </>
  );
});

export interface MetricCellProps {
  id: MetricId;
  value: number | null;
  /** What an empty value means, said instead of a dash (window-text.ts); null keeps the dash. */
  empty?: string | null;
  level: Level | null;
  locale: string;
  label: string;
  /** The span the figure covers ("· today"), kept in view when the label is cut short; null for none. */
  window?: string | null;
  /** The backlog's 15-minute trend, as plain values so an unchanged trend does not break the memo. */
  trendDirection?: TrendDirection | null;
  trendDelta?: number;
}

/** One headline metric: its label (marked when past a threshold) and its value, with the trend for the backlog. */
export const MetricCell = memo(function MetricCell({ id, value, empty = null, level, locale, label, window = null, trendDirection = null, trendDelta = 0 }: MetricCellProps) {
  return (
    <div className={`metric metric-${id}${level ? ` level-${level}` : ''}`}>
      <dt className="metric-label">
        {level && level !== 'ok' && <StatusIcon shape={STATUS_LOOKS[level].shape} />}
        <span className="metric-label-text">{label}</span>
        {/* The space reads the label and its window apart for assistive technology; the flex gap shows it. */}
        {window && (
          <>
            {' '}
            <span className="metric-window">{window}</span>
          </>
        )}
      </dt>
      <dd className="metric-value">
        <span data-metric={id} className={value === null && empty ? 'metric-sentence' : undefined}>{value === null ? (empty ?? '–') : formatMetric(id, value, locale)}</span>
        {trendDirection && <TrendCell direction={trendDirection} delta={trendDelta} locale={locale} />}
      </dd>
    </div>
  );
});

function TrendCell({ direction, delta, locale }: { direction: TrendDirection; delta: number; locale: string }) {
  const { t } = useTranslation();
  const label = t(`tile.trend.${direction}`, { delta: formatMetric('backlog', Math.abs(delta), locale) });
  return <TrendArrow trend={{ direction, delta }} locale={locale} label={label} />;
}
