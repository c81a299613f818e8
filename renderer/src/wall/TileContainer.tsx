import type { Queue } from '../../../shared/model';
import { feedSelectors } from '../store/feed-slice';
import { historySelectors } from '../store/history-slice';
import { useAppStore } from '../store/store-context';
import { QueueTile } from './QueueTile';

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
  const flash = escalatedAt !== undefined && localNow - escalatedAt < FLASH_MS && state?.health.status === 'critical';
  return (
    <QueueTile
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
    />
  );
}
