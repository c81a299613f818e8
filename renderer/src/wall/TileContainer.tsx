import { memo } from 'react';
import type { Queue } from '../../../shared/model';
import { incidentsSelectors } from '../incidents/incidents-slice';
import { feedSelectors } from '../store/feed-slice';
import { historySelectors } from '../store/history-slice';
import { useAppStore } from '../store/store-context';
import { QueueTile, type QueueTileProps } from './QueueTile';
import { sameTileInputs } from './tile-inputs';

/** How long a tile flashes after its queue turns critical (the CSS animation is a little shorter). */
export const FLASH_MS = 5000;

export interface TileContainerProps {
  queue: Queue;
  locale: string;
  timeZone: string;
  live: boolean;
  /** Gateway time and local time now. */
  now: number;
  localNow: number;
  disconnectedFor: number | null;
}

/** Selects one queue's state, alert, history and escalation, so a change to one queue re-renders one tile. */
export function TileContainer({ queue, locale, timeZone, live, now, localNow, disconnectedFor }: TileContainerProps) {
  const state = useAppStore(feedSelectors.queueState(queue.id));
  const alert = useAppStore(feedSelectors.worstAlert(queue.id));
  const series = useAppStore(historySelectors.backlog(queue.id));
  const escalatedAt = useAppStore(feedSelectors.escalatedAt(queue.id));
  const incidentTitle = useAppStore(incidentsSelectors.titleOf(queue.id));
  const flash = escalatedAt !== undefined && localNow - escalatedAt < FLASH_MS && state?.health.status === 'critical';
  return (
    <ShownTile
      queue={queue}
      state={state}
      locale={locale}
      timeZone={timeZone}
      live={live}
      now={now}
      disconnectedForSeconds={disconnectedFor}
      alert={alert}
      series={series}
      flash={flash}
      incidentTitle={incidentTitle}
    />
  );
}

/**
 * A tile renders only when something it shows changed (bench/latency: 300 queues at 1 Hz spent most of the
 * wall's frame budget re-rendering tiles whose report time or an unshown metric had moved).
 */
const ShownTile = memo(QueueTile, sameTile);

export function sameTile(a: QueueTileProps, b: QueueTileProps): boolean {
  return (
    a.queue === b.queue &&
    a.locale === b.locale &&
    a.timeZone === b.timeZone &&
    a.live === b.live &&
    a.disconnectedForSeconds === b.disconnectedForSeconds &&
    a.alert === b.alert &&
    a.series === b.series &&
    a.flash === b.flash &&
    a.incidentTitle === b.incidentTitle &&
    sameTileInputs(a.state, b.state) &&
    sameMoment(a, b)
  );
}

/**
 * The clock moves every second, but a live, current tile shows nothing finer than minutes (its trend, the
 * end of a snooze, which the gateway also clears itself): it renders on the minute. A stale or
 * disconnected tile shows the age of its data in seconds, so it renders every second.
 */
function sameMoment(a: QueueTileProps, b: QueueTileProps): boolean {
  if (a.now === b.now) return true;
  const showsAge = !a.live || !b.live || a.state?.health.stale != null || b.state?.health.stale != null;
  return !showsAge && Math.floor(a.now / 60_000) === Math.floor(b.now / 60_000);
}
