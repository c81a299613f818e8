import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import { formatAge, formatClock } from '../format/age';
import { formatMetric } from '../format/metric';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';

export interface TileNotesProps {
  state: QueueState | undefined;
  /** The queue's worst open alert, when someone has handled it: who acknowledged it, or until when it is snoozed. */
  alert: Alert | undefined;
  /** Seconds since the numbers were current; null while they are. */
  dataAgeSeconds: number | null;
  /** Metrics off the tile that drive its status. */
  causes: readonly MetricId[];
  locale: string;
  timeZone: string;
  /** Gateway time, for a snooze that has already ended. */
  now: number;
}

/** The tile's short lines under the name: why it is stale and how old, breach forecast, who handles it, causes. */
export function TileNotes({ state, alert, dataAgeSeconds, causes, locale, timeZone, now }: TileNotesProps) {
  const { t } = useTranslation();
  const stale = state?.health.stale ?? null;
  const atRisk = state?.health.atRisk ?? null;
  const levels = (state?.health.metrics ?? {}) as Partial<Record<MetricId, Level | null>>;
  const snoozed = alert?.snoozed && alert.snoozed.until > now ? alert.snoozed : null;
  const acknowledged = alert?.acknowledged ?? null;
  return (
    <div className="tile-notes">
      {(stale || dataAgeSeconds !== null) && (
        <p className="note note-stale" data-testid="tile-stale" title={stale?.message}>
          <span className="note-text">
            {[stale && t(`tile.staleReason.${stale.reason}`), dataAgeSeconds !== null && t('tile.dataAge', { age: formatAge(dataAgeSeconds, locale) })]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </p>
      )}
      {atRisk && !stale && (
        <p className="note note-risk" data-testid="tile-at-risk" data-metric={atRisk.metric}>
          <svg className="note-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M13 2 4 14h6l-1 8 9-12h-6z" />
          </svg>
          <span className="note-text">
            {t('tile.atRisk', { duration: formatAge(atRisk.minutes * 60, locale) })} · {t(`metric.${atRisk.metric}`)}
          </span>
        </p>
      )}
      {(snoozed || acknowledged) && (
        <p className="note note-alert" data-testid="tile-alert" data-alert-id={alert!.id}>
          <svg className="note-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {snoozed ? <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm-1 2v6l5 3 1-1.7-4-2.3V7z" /> : <path d="m9 16.2-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z" />}
          </svg>
          <span className="note-text">
            {snoozed ? t('tile.snoozed', { time: formatClock(snoozed.until, locale, timeZone) }) : t('tile.acknowledged', { name: acknowledged!.by })}
          </span>
        </p>
      )}
      {causes.length > 0 && state && (
        <p className="note tile-causes" data-testid="tile-causes">
          {causes.map((id) => (
            <span key={id} className={`cause level-${levels[id]}`} data-metric={id}>
              <StatusIcon shape={STATUS_LOOKS[levels[id]!].shape} />
              {t(`metric.${id}`)} {formatMetric(id, state.metrics[id]!, locale)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
