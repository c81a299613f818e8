import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Queue } from '../../../shared/model';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import { formatMetric } from '../format/metric';
import type { BacklogSeries } from '../store/history-slice';
import { ChannelGlyph } from './ChannelGlyph';
import { Sparkline } from './Sparkline';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';
import { TileNotes } from './TileNotes';
import { backlogTrend } from './trend';
import { TrendArrow } from './TrendArrow';

/** The three headline metrics every tile shows, in reading order. */
export const HEADLINE_METRICS: readonly MetricId[] = ['backlog', 'firstResponseP90', 'resolutionP90'];
const HEADLINE_IDS: ReadonlySet<MetricId> = new Set(HEADLINE_METRICS);

export interface QueueTileProps {
  queue: Queue;
  state: QueueState | undefined;
  /** Intl locale for numbers and times. */
  locale: string;
  /** The office's time zone, for times such as the end of a snooze. */
  timeZone: string;
  /** False when the connection is down: the numbers are shown as old, in grey, never in live colours. */
  live: boolean;
  /** Gateway time now. */
  now: number;
  /** Seconds since the connection last brought news, when it is down; null while live. */
  disconnectedForSeconds?: number | null;
  alert?: Alert;
  series?: BacklogSeries;
  /** True for a few seconds after the queue turned critical: the tile flashes once. */
  flash?: boolean;
}

export function QueueTile({ queue, state, locale, timeZone, live, now, disconnectedForSeconds = null, alert, series, flash = false }: QueueTileProps) {
  const { t } = useTranslation();
  const status = state?.health.status ?? 'no-data';
  const staleInfo = state?.health.stale ?? null;
  // A stale queue shows its last known status greyed, exactly like a wall that lost its connection.
  const shownStatus = staleInfo ? staleInfo.lastStatus : status;
  const look = STATUS_LOOKS[shownStatus];
  const word = t(`status.${shownStatus}`);
  const current = live && !staleInfo;
  const levels = (state?.health.metrics ?? {}) as Partial<Record<MetricId, Level | null>>;
  // Metrics the tile does not show that still drive its status: name them, or the colour has no reason.
  const causes = (Object.keys(levels) as MetricId[]).filter(
    (id) => !HEADLINE_IDS.has(id) && (levels[id] === 'warning' || levels[id] === 'critical') && state?.metrics[id] != null,
  );
  const staleAge = staleInfo && state?.updatedAt != null ? Math.max(0, (now - state.updatedAt) / 1000) : null;
  const dataAgeSeconds = !live ? disconnectedForSeconds : staleAge;
  const trend = current ? backlogTrend(series, state?.metrics.backlog ?? null, now) : null;
  const statusText = current ? word : t(staleInfo ? 'tile.staleStatus' : 'tile.last', { status: word });
  return (
    <article
      className={`tile ${look.className}${current ? '' : ' tile-stale'}`}
      data-testid="queue-tile"
      data-queue-id={queue.id}
      data-office-id={queue.officeId}
      data-status={status}
      aria-label={current ? `${queue.name}: ${word}` : t('tile.notLive', { name: queue.name, status: word })}
    >
      {flash && current && <div className="tile-flash" data-testid="tile-flash" aria-hidden="true" />}
      <header className="tile-head">
        <span className="tile-status">
          <StatusIcon shape={current ? look.shape : 'hourglass'} />
          <span className="tile-status-word">{statusText}</span>
        </span>
        <span className="tile-channel">
          <ChannelGlyph channel={queue.channel} />
          <span className="tile-channel-name">{t(`channel.${queue.channel}`)}</span>
        </span>
      </header>
      <div className="tile-title">
        <h3 className="tile-name">{queue.name}</h3>
        <p className="tile-team">
          {queue.team.name}
          {queue.team.kind === 'partner' && <span className="partner-badge">{t('tile.partner')}</span>}
        </p>
      </div>
      <TileNotes state={state} alert={alert} dataAgeSeconds={dataAgeSeconds} causes={causes} locale={locale} timeZone={timeZone} now={now} />
      <div className="tile-body">
        <dl className="tile-metrics">
          {HEADLINE_METRICS.map((id) => {
            const value = state?.metrics[id] ?? null;
            const level = levels[id] ?? null;
            return (
              <div key={id} className={`metric metric-${id}${level ? ` level-${level}` : ''}`}>
                <dt className="metric-label">
                  {level && level !== 'ok' && <StatusIcon shape={STATUS_LOOKS[level].shape} />}
                  {t(`metric.${id}`)}
                </dt>
                <dd className="metric-value">
                  <span data-metric={id}>{value === null ? '–' : formatMetric(id, value, locale)}</span>
                  {id === 'backlog' && trend && (
                    <TrendArrow trend={trend} locale={locale} label={t(`tile.trend.${trend.direction}`, { delta: formatMetric('backlog', Math.abs(trend.delta), locale) })} />
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
        <Sparkline series={series} label={t('tile.history')} />
      </div>
    </article>
  );
}
