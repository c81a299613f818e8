import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { MetricId } from '../../../shared/metrics';
import type { Queue } from '../../../shared/model';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import type { BacklogSeries } from '../store/history-slice';
import { Sparkline } from './Sparkline';
import { STATUS_LOOKS } from './status';
import { outlookNoted, TileNotes, type TileCause, type TileVolume } from './TileNotes';
import { useNoteRoom } from './use-note-room';
import { MetricCell, TileHead } from './TileParts';
import { backlogTrend } from './trend';
import { ungradedBreachCount } from './breach-note';
import { emptyWindowText, windowSuffix } from './window-text';
import { localName } from '../format/local-name';
import { formatMetric } from '../format/metric';
import { useNoteCrowding } from './note-crowding';

/** The three headline metrics every tile shows, in reading order. */
export const HEADLINE_METRICS: readonly MetricId[] = ['backlog', 'firstResponseP90', 'resolutionP90'];
/** The fourth cell, on every tile whose queue has an SLA target (the gateway reports attainment only then). */
export const SLA_METRIC: MetricId = 'slaAttainment';
const WITH_SLA: readonly MetricId[] = [...HEADLINE_METRICS, SLA_METRIC];
const HEADLINE_IDS: ReadonlySet<MetricId> = new Set(WITH_SLA);

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
  /** The title of the open incident the queue is in, shown as a line on the tile; null when none. */
  incidentTitle?: string | null;
}

const NO_CAUSES: readonly TileCause[] = [];

/**
 * A tile is a shell around memoised parts (TileParts, TileNotes, Sparkline) that take plain values: on a busy
 * gateway every queue's numbers move every second, and only the cell whose value moved should render.
 */
export function QueueTile({ queue, state, locale, timeZone, live, now, disconnectedForSeconds = null, alert, series, flash = false, incidentTitle = null }: QueueTileProps) {
  const { t, i18n } = useTranslation();
  const name = localName(queue, i18n.language);
  const teamName = localName(queue.team, i18n.language);
  const shownQueue = useMemo(
    () => (name === queue.name && teamName === queue.team.name ? queue : { ...queue, name, team: { ...queue.team, name: teamName } }),
    [queue, name, teamName],
  );
  const health = state?.health;
  const status = health?.status ?? 'no-data';
  const staleInfo = health?.stale ?? null;
  // A stale queue shows its last known status greyed, exactly like a wall that lost its connection.
  const shownStatus = staleInfo ? staleInfo.lastStatus : status;
  const look = STATUS_LOOKS[shownStatus];
  const current = live && !staleInfo;
  const isStale = staleInfo !== null;
  // The words change with the language and the status only: not translated again for every new number.
  const words = useMemo(() => {
    const word = t(`status.${shownStatus}`);
    return {
      status: current ? word : t(isStale ? 'tile.staleStatus' : 'tile.last', { status: word }),
      aria: current ? `${name}: ${word}` : t('tile.notLive', { name, status: word }),
      metrics: WITH_SLA.map((id) => t(`metric.${id}`)),
      windows: WITH_SLA.map((id) => windowSuffix(id, queue.windows, t)),
      history: t('tile.history'),
      channel: t(`channel.${queue.channel}`),
      partner: t('tile.partner'),
    };
  }, [t, shownStatus, current, isStale, name, queue.channel, queue.windows]);
  const levels = (health?.metrics ?? {}) as Partial<Record<MetricId, Level | null>>;
  const csatValue = state?.metrics.csat ?? null;
  // On the tile when the queue has CSAT and a manager has not made it ungraded; then it is no longer a cause note.
  const csatShown = csatValue !== null && !queue.ungraded?.includes('csat');
  const csatLevel = levels.csat ?? null;
  const csat = useMemo(
    () => (csatShown ? { text: t('wall3.csat', { value: formatMetric('csat', csatValue, locale) }), level: csatLevel } : null),
    [t, csatShown, csatValue, csatLevel, locale],
  );
  const causes = causesOf(state, levels, csatShown);
  const staleAge = staleInfo && state?.updatedAt != null ? Math.max(0, (now - state.updatedAt) / 1000) : null;
  const dataAgeSeconds = !live ? disconnectedForSeconds : staleAge;
  const trend = current ? backlogTrend(series, state?.metrics.backlog ?? null, now) : null;
  const hasSla = state?.metrics[SLA_METRIC] != null;
  const cells = hasSla ? WITH_SLA : HEADLINE_METRICS;
  const snoozeActive = alert?.snoozed != null && alert.snoozed.until > now;
  const slaBreached = ungradedBreachCount(state?.metrics.slaBreached, queue);
  const volume = volumeOf(state, levels);
  const tileRef = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // Everything else on the tile's lines above the numbers: when it changes, the outlook note gets another try,
  // and folded causes are unfolded to be measured again.
  const otherLines = [
    i18n.language,
    staleInfo?.reason,
    dataAgeSeconds !== null,
    health?.atRisk?.metric,
    snoozeActive || alert?.acknowledged != null,
    causes.map((c) => c.id).join(),
    slaBreached !== null,
    csat !== null,
    volume?.level,
  ].join('|');
  // The outlook note goes first when a tile is full, then the causes fold (note-crowding.ts); never the spike.
  const outlookShown = useNoteRoom(tileRef, outlookNoted(state?.staffing?.sla, staleInfo), otherLines);
  const crowding = useNoteCrowding(body, `${otherLines}|${outlookShown}`, statusExplained(shownStatus, cells, levels, volume) ? 2 : 1);
  return (
    <article
      ref={tileRef}
      className={`tile ${look.className}${current ? '' : ' tile-stale'}${hasSla ? ' tile-has-sla' : ''}`}
      data-testid="queue-tile"
      data-queue-id={queue.id}
      data-office-id={queue.officeId}
      data-status={status}
      aria-label={words.aria}
    >
      {flash && current && <div className="tile-flash" data-testid="tile-flash" aria-hidden="true" />}
      <TileHead queue={shownQueue} shape={current ? look.shape : 'hourglass'} statusText={words.status} channelName={words.channel} partnerLabel={words.partner} csat={csat} incidentTitle={incidentTitle} />
      <TileNotes
        stale={staleInfo}
        atRisk={health?.atRisk ?? null}
        alert={alert}
        snoozeActive={snoozeActive}
        dataAgeSeconds={dataAgeSeconds}
        causes={causes}
        slaBreached={slaBreached}
        slaOutlook={outlookShown ? state?.staffing?.sla : null}
        volume={volume}
        crowding={crowding}
        locale={locale}
        timeZone={timeZone}
      />
      <div className="tile-body" ref={body}>
        <dl className="tile-metrics">
          {cells.map((id, i) => (
            <MetricCell
              key={id}
              id={id}
              value={state?.metrics[id] ?? null}
              empty={emptyWindowText(id, state?.metrics, queue.windows, t)}
              level={levels[id] ?? null}
              locale={locale}
              label={words.metrics[i]!}
              window={words.windows[i]!}
              trendDirection={id === 'backlog' ? (trend?.direction ?? null) : null}
              trendDelta={id === 'backlog' ? (trend?.delta ?? 0) : 0}
            />
          ))}
        </dl>
        <Sparkline series={series} label={words.history} band={state?.usual?.backlog} />
      </div>
    </article>
  );
}

/** Whether a number on the tile, or the spike, is at the tile's own level: then the causes may be folded away. */
function statusExplained(status: string, cells: readonly MetricId[], levels: Partial<Record<MetricId, Level | null>>, volume: TileVolume | null): boolean {
  if (status !== 'warning' && status !== 'critical') return false;
  return volume?.level === status || cells.some((id) => levels[id] === status);
}

/** A graded spike with the slot it is usual for, or null. */
function volumeOf(state: QueueState | undefined, levels: Partial<Record<MetricId, Level | null>>): TileVolume | null {
  const level = levels.inflowVsUsual;
  const ratio = state?.metrics.inflowVsUsual;
  if ((level !== 'warning' && level !== 'critical') || ratio == null || !state?.usual) return null;
  return { ratio, level, usual: state.usual };
}

/** Metrics the tile does not show that still drive its status: named, or the colour has no reason. */
function causesOf(state: QueueState | undefined, levels: Partial<Record<MetricId, Level | null>>, csatShown: boolean): readonly TileCause[] {
  let causes: TileCause[] | null = null;
  for (const id of Object.keys(levels) as MetricId[]) {
    const level = levels[id];
    const value = state?.metrics[id];
    // Inflow against the usual has its own note ("Inflow 2.3× usual for Tue 10:00").
    if (HEADLINE_IDS.has(id) || id === 'inflowVsUsual' || (csatShown && id === 'csat') || (level !== 'warning' && level !== 'critical') || value == null) continue;
    (causes ??= []).push({ id, level, value });
  }
  return causes ?? NO_CAUSES;
}
