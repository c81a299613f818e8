import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Queue } from '../../../shared/model';
import { connectionSelectors } from '../store/connection-slice';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { columnsFor } from './grid-shape';
import { QueueTile, type QueueTileProps } from './QueueTile';
import { worstStatus } from './status';
import { sameTileInputs } from './tile-inputs';
import { useNow } from './use-now';
import { WallHeader } from './WallHeader';

/** Container: the wall for one office, or for every office when `officeId` is null. */
export function WallView({ officeId }: { officeId: string | null }) {
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const connection = useAppStore(connectionSelectors.status);
  const lastMessageAt = useAppStore(connectionSelectors.lastMessageAt);
  const problem = useAppStore(connectionSelectors.problem);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const now = useNow(1000, offset);

  const shown = officeId ? offices.filter((o) => o.id === officeId) : offices;
  const shownIds = new Set(shown.map((o) => o.id));
  const statuses = useAppStore(
    useShallow((s) => s.feed.queues.filter((q) => shownIds.has(q.officeId)).map((q) => s.feed.states[q.id]?.health.status ?? 'no-data')),
  );
  const first = shown[0];
  const unknownOffice = officeId !== null && offices.length > 0 && shown.length === 0;
  const sections = shown.map((office) => ({ office, queues: queues.filter((q) => q.officeId === office.id) }));
  const rows = sections.map(({ queues: list }) => Math.max(1, Math.ceil(list.length / Math.max(columnsFor(list.length), 1))));

  return (
    <div className="wall">
      <WallHeader
        title={shown.length === 1 && first ? first.name : 'All offices'}
        timeZone={first?.timeZone ?? 'UTC'}
        locale={first?.locale ?? 'en-GB'}
        now={now}
        worst={worstStatus(statuses)}
        connection={connection}
        lastMessageAt={lastMessageAt}
        problem={problem}
      />
      {connection !== 'live' && problem && <p className="wall-notice">{problem}</p>}
      {unknownOffice && <p className="wall-notice">No office “{officeId}” on this gateway. Offices: {offices.map((o) => o.id).join(', ')}.</p>}
      <main className="wall-sections">
        {sections.map(({ office, queues: list }, index) => (
          <section key={office.id} className="office" style={{ flexGrow: rows[index] }} aria-label={office.name}>
            {sections.length > 1 && <h2 className="office-name">{office.name}</h2>}
            <div className="tile-grid" style={{ gridTemplateColumns: `repeat(${columnsFor(list.length)}, minmax(0, 1fr))` }}>
              {list.map((queue) => (
                <TileContainer key={queue.id} queue={queue} locale={office.locale} live={connection === 'live'} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}

/**
 * Selects one queue's state, so a change to one queue re-renders one tile. Memoised: the wall re-renders
 * every second for its clock and on every message for the connection line, and without it each of those
 * re-rendered every tile (bench/latency: 300 tiles, long tasks every few seconds).
 */
const TileContainer = memo(function TileContainer({ queue, locale, live }: { queue: Queue; locale: string; live: boolean }) {
  const state = useAppStore(feedSelectors.queueState(queue.id));
  return <ShownTile queue={queue} state={state} locale={locale} live={live} />;
});

/** A tile renders only when something it shows changed. */
const ShownTile = memo(
  QueueTile,
  (a: QueueTileProps, b: QueueTileProps) => a.queue === b.queue && a.locale === b.locale && a.live === b.live && sameTileInputs(a.state, b.state),
);
