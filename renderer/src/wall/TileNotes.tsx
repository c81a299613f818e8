import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import type { StaffingOutlook } from '../../../shared/protocol/staffing-outlook';
import type { UsualInflow } from '../../../shared/protocol/usual-inflow';
import { formatAge, formatClock } from '../format/age';
import { formatMetric } from '../format/metric';
import { inflowVsUsualText } from '../forecast/usual-text';
import type { NoteCrowding } from './note-crowding';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';

/** A metric off the tile that drives its status, with its level and value. */
export interface TileCause {
  id: MetricId;
  level: Level;
  value: number;
}

type Health = QueueState['health'];

/** A spike: inflow this many times the usual for the office's weekday and quarter hour. */
export interface TileVolume {
  ratio: number;
  level: Level;
  usual: UsualInflow;
}

export interface TileNotesProps {
  stale: Health['stale'];
  atRisk: Health['atRisk'];
  /** The queue's worst open alert, when someone has handled it: who acknowledged it, or until when it is snoozed. */
  alert: Alert | undefined;
  /** Whether the alert's snooze is still running (it ends at gateway time `alert.snoozed.until`). */
  snoozeActive: boolean;
  /** Seconds since the numbers were current; null while they are. */
  dataAgeSeconds: number | null;
  /** Metrics off the tile that drive its status. */
  causes: readonly TileCause[];
  /** Open tickets past SLA on a queue where slaBreached is ungraded (breach-note.ts); null otherwise. */
  slaBreached: number | null;
  /** The SLA outlook for the end of the office's day (QueueState.staffing.sla): noted when below its target. */
  slaOutlook?: StaffingOutlook['sla'];
  /** Inflow graded above the usual (the volume alert's metric), with the office slot it is usual for; null otherwise. */
  volume?: TileVolume | null;
  /** How far the causes are folded so the tile's numbers keep their row (note-crowding.ts). */
  crowding?: NoteCrowding;
  locale: string;
  timeZone: string;
}

/**
 * The tile's short lines under the name: why it is stale and how old, breach forecast, who handles it, causes.
 * Memoised (causes compared by content): most seconds none of this changes while the numbers beside it do.
 */
export const TileNotes = memo(function TileNotes({ stale, atRisk, alert, snoozeActive, dataAgeSeconds, causes, slaBreached, slaOutlook, volume = null, crowding = 0, locale, timeZone }: TileNotesProps) {
  const { t } = useTranslation();
  const snoozed = snoozeActive && alert?.snoozed ? alert.snoozed : null;
  const acknowledged = alert?.acknowledged ?? null;
  const breached = slaBreached;
  // Folded once: the worst cause (they come in the metrics' order, the first drives the colour as much) and "+N".
  const shownCauses = crowding === 1 && causes.length > 0 ? causes.slice(0, 1) : causes;
  const hidden = crowding === 1 && causes.length > 0 ? causes.length - 1 + (breached !== null ? 1 : 0) : 0;
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
      {volume && !stale && (
        <p className={`note note-risk note-volume level-${volume.level}`} data-testid="tile-volume" data-ratio={volume.ratio}>
          <span className="note-text">{inflowVsUsualText(volume.ratio, volume.usual, locale, t)}</span>
        </p>
      )}
      {slaOutlook && outlookNoted(slaOutlook, stale) && (
        <p className="note note-risk" data-testid="tile-sla-outlook">
          <span className="note-text">
            {t('staffing.tileNote', { expected: formatMetric('slaOutlook', slaOutlook.expected, locale) })}
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
      {crowding < 2 && (causes.length > 0 || breached !== null) && (
        <p className="note tile-causes" data-testid="tile-causes" data-folded={hidden > 0 ? hidden : undefined}>
          {shownCauses.map(({ id, level, value }) => (
            <span key={id} className={`cause level-${level}`} data-metric={id}>
              <StatusIcon shape={STATUS_LOOKS[level].shape} />
              {t(`metric.${id}`)} {formatMetric(id, value, locale)}
            </span>
          ))}
          {hidden > 0 && <span className="cause cause-more">{t('forecast.moreCauses', { count: hidden })}</span>}
          {hidden === 0 && breached !== null && (
            <span className="cause cause-sla" data-testid="tile-sla-breached" data-metric="slaBreached">
              {t('tiles.slaBreachedUngraded', { count: breached, formatted: formatMetric('slaBreached', breached, locale) })}
            </span>
          )}
        </p>
      )}
    </div>
  );
}, sameNotes);

/** A live tile notes the SLA outlook when the end of the office's day is projected below the SLA target. */
export function outlookNoted(outlook: TileNotesProps['slaOutlook'], stale: Health['stale']): boolean {
  return outlook != null && outlook.expected < outlook.target && !stale;
}

export function sameNotes(a: TileNotesProps, b: TileNotesProps): boolean {
  return (
    a.stale === b.stale &&
    a.atRisk === b.atRisk &&
    a.alert === b.alert &&
    a.snoozeActive === b.snoozeActive &&
    a.dataAgeSeconds === b.dataAgeSeconds &&
    a.slaBreached === b.slaBreached &&
    a.volume?.ratio === b.volume?.ratio &&
    a.volume?.level === b.volume?.level &&
    a.volume?.usual === b.volume?.usual &&
    a.crowding === b.crowding &&
    a.slaOutlook === b.slaOutlook &&
    a.locale === b.locale &&
    a.timeZone === b.timeZone &&
    sameCauses(a.causes, b.causes)
  );
}

function sameCauses(a: readonly TileCause[], b: readonly TileCause[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((c, i) => c.id === b[i]!.id && c.level === b[i]!.level && c.value === b[i]!.value);
}
