import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';
import { formatMetric, SHORT_LABELS } from '../format/metric';
import { ChannelGlyph, CHANNEL_LABELS } from './ChannelGlyph';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';

/** The three headline metrics every tile shows, in reading order. */
export const HEADLINE_METRICS: readonly MetricId[] = ['backlog', 'firstResponseP90', 'resolutionP90'];

const HEADLINE_IDS: ReadonlySet<MetricId> = new Set(HEADLINE_METRICS);

export interface QueueTileProps {
  queue: Queue;
  state: QueueState | undefined;
  locale: string;
  /** False when the connection is down: the numbers are shown as old, in grey, never in live colours. */
  live: boolean;
  /** "✓ Acknowledged by Ana Costa": someone is on this queue's alert; null when nobody has said so. */
  handledBy?: string | null;
}

export function QueueTile({ queue, state, locale, live, handledBy = null }: QueueTileProps) {
  const status = state?.health.status ?? 'no-data';
  const staleInfo = state?.health.stale ?? null;
  // A stale queue shows its last known status greyed, exactly like a wall that lost its connection.
  const look = STATUS_LOOKS[staleInfo ? staleInfo.lastStatus : status];
  const current = live && !staleInfo;
  const levels = (state?.health.metrics ?? {}) as Partial<Record<MetricId, Level | null>>;
  // Metrics the tile does not show that still drive its status: name them, or the colour has no reason.
  const causes = (Object.keys(levels) as MetricId[]).filter(
    (id) => !HEADLINE_IDS.has(id) && (levels[id] === 'warning' || levels[id] === 'critical') && state?.metrics[id] != null,
  );
  return (
    <article
      className={`tile ${look.className}${current ? '' : ' tile-stale'}`}
      data-testid="queue-tile"
      data-queue-id={queue.id}
      data-office-id={queue.officeId}
      data-status={status}
      aria-label={`${queue.name}: ${look.word}${current ? '' : ' (not live)'}`}
      title={staleInfo?.message}
    >
      <header className="tile-head">
        <span className="tile-status">
          <StatusIcon shape={current ? look.shape : 'hourglass'} />
          <span className="tile-status-word">{current ? look.word : `${staleInfo ? 'Stale' : 'Last'}: ${look.word}`}</span>
        </span>
        <span className="tile-channel">
          <ChannelGlyph channel={queue.channel} />
          {CHANNEL_LABELS[queue.channel]}
        </span>
      </header>
      <h3 className="tile-name">{queue.name}</h3>
      <p className="tile-team">
        {queue.team.name}
        {queue.team.kind === 'partner' && <span className="partner-badge">Partner</span>}
      </p>
      {causes.length > 0 && (
        <p className="tile-causes" data-testid="tile-causes">
          {causes.map((id) => (
            <span key={id} className={`cause level-${levels[id]}`} data-metric={id}>
              <StatusIcon shape={STATUS_LOOKS[levels[id]!].shape} />
              {SHORT_LABELS[id]} {formatMetric(id, state!.metrics[id]!, locale)}
            </span>
          ))}
        </p>
      )}
      {handledBy && (
        <p className="tile-handled" data-testid="tile-handled">
          {handledBy}
        </p>
      )}
      <dl className="tile-metrics">
        {HEADLINE_METRICS.map((id) => {
          const value = state?.metrics[id] ?? null;
          const level = levels[id] ?? null;
          return (
            <div key={id} className={`metric${level ? ` level-${level}` : ''}`}>
              <dt className="metric-label">
                {level && level !== 'ok' && <StatusIcon shape={STATUS_LOOKS[level].shape} />}
                {SHORT_LABELS[id]}
              </dt>
              <dd className="metric-value" data-metric={id}>
                {value === null ? '–' : formatMetric(id, value, locale)}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
