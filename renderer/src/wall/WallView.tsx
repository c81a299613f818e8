import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { worstStatus, type QueueStatus } from '../../../shared/health/levels';
import type { Queue } from '../../../shared/model';
import { wallProblemText } from './wall-problem-text';
import { connectionSelectors } from '../store/connection-slice';
import type { AppState } from '../store/store';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { columnsFor } from './grid-shape';
import { paginate, rowsFor } from './paging';
import { TileContainer } from './TileContainer';
import { useNow } from './use-now';
import { usePage } from './use-page';
import { WallHeader } from './WallHeader';
import { BroadcastBanner } from './BroadcastBanner';
import { useLocalNames } from '../format/local-name';

export interface WallViewProps {
  /** One office, or every office when null. */
  officeId: string | null;
  /** One queue group (`?group=`), within the office if one is chosen too; null shows every queue. */
  groupId?: string | null;
  /** Intl locale for numbers and times, and the short code of the language shown. */
  locale: string;
  language: string;
  onNextLanguage: () => void;
  /** How long each page shows when the wall needs more than one screen. */
  pageMs?: number;
}

/** Container: the wall for one office, or for every office, paged when it does not fit one screen. */
export function WallView({ officeId, groupId = null, locale, language, onNextLanguage, pageMs = 20_000 }: WallViewProps) {
  const { t } = useTranslation();
  const offices = useLocalNames(useAppStore(feedSelectors.offices), language);
  const allQueues = useAppStore(feedSelectors.queues);
  const groups = useAppStore(feedSelectors.groups);
  const connection = useAppStore(connectionSelectors.status);
  // Only read while the connection is down: every message moves it, and a live wall need not render for that.
  const lastMessageAt = useAppStore(lastMessageWhenDown);
  const problem = useAppStore(connectionSelectors.problem);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const localNow = useNow(1000);
  const now = localNow + offset;
  // Rendered on every update batch (the clock offset moves with each): keep what depends on the offices only.
  const group = groupId === null ? null : groups.find((g) => g.id === groupId);
  // An unknown group shows nothing but the notice: a partners' wall must not quietly show every queue.
  const queues = useMemo(
    () => (groupId === null ? allQueues : group ? allQueues.filter((q) => group.queueIds.includes(q.id)) : []),
    [groupId, group, allQueues],
  );
  // A group shows the offices that hold its queues; an office chosen too narrows it to that one.
  const shown = useMemo(
    () => offices.filter((o) => (officeId === null || o.id === officeId) && (groupId === null || queues.some((q) => q.officeId === o.id))),
    [officeId, groupId, offices, queues],
  );
  const worst = useAppStore(useCallback((s: AppState) => worstShown(s, shown, queues), [shown, queues]));
  const pages = useMemo(() => paginate(shown, queues), [shown, queues]);
  const clocks = useMemo(
    () => (shown.length === 0 ? [{ label: null, timeZone: 'UTC' }] : shown.map((o) => ({ label: shown.length > 1 ? o.name : null, timeZone: o.timeZone }))),
    [shown],
  );
  const shownQueueIds = useMemo(() => queues.filter((q) => shown.some((o) => o.id === q.officeId)).map((q) => q.id), [queues, shown]);
  const [pageIndex] = usePage(pages.length, pageMs);
  const sections = pages[pageIndex] ?? [];
  const unknownOffice = officeId !== null && offices.length > 0 && !offices.some((o) => o.id === officeId);
  const unknownGroup = groupId !== null && offices.length > 0 && group === undefined;
  const officeTitle = shown.length === 1 ? shown[0]!.name : t('header.allOffices');
  const title = group ? (officeId !== null && shown.length === 1 ? `${shown[0]!.name} · ${group.name}` : group.name) : officeTitle;
  const live = connection === 'live';
  const disconnectedFor = !live && lastMessageAt !== null ? Math.max(0, (localNow - lastMessageAt) / 1000) : null;
  return (
    <div className="wall">
      <WallHeader
        title={title}
        clocks={clocks}
        locale={locale}
        now={now}
        localNow={localNow}
        worst={worst}
        connection={connection}
        lastMessageAt={lastMessageAt}
        problem={problem}
        page={{ index: pageIndex, count: pages.length }}
        language={language}
        onNextLanguage={onNextLanguage}
      />
      <BroadcastBanner queueIds={shownQueueIds} language={language} locale={locale} clock={clocks[0]!} />
      {!live && problem && <p className="wall-notice" data-testid="connection-problem">{wallProblemText(problem, t, localNow)}</p>}
      {unknownOffice && (
        <p className="wall-notice">{t('wall.unknownOffice', { office: officeId, offices: offices.map((o) => o.id).join(', ') })}</p>
      )}
      {unknownGroup && (
        <p className="wall-notice">{t('wall.unknownGroup', { group: groupId, groups: groups.map((g) => g.id).join(', ') || '–' })}</p>
      )}
      <main className="wall-sections" data-testid="wall-page" data-page={pageIndex + 1} data-pages={pages.length}>
        {sections.map(({ office, queues: list, part }) => (
          <section key={`${office.id}-${part?.index ?? 0}`} className="office" style={{ flexGrow: rowsFor(list.length) }} aria-label={office.name}>
            {/* Name the office whenever the wall shows more than one, even on a page of its own. */}
            {(shown.length > 1 || part) && (
              <h2 className="office-name">
                {office.name}
                {part && ` ${part.index}/${part.count}`}
              </h2>
            )}
            <div className="tile-grid" style={{ gridTemplateColumns: `repeat(${columnsFor(list.length)}, minmax(0, 1fr))` }}>
              {list.map((queue) => (
                <TileContainer key={queue.id} queue={queue} locale={locale} timeZone={office.timeZone} live={live} now={now} localNow={localNow} disconnectedFor={disconnectedFor} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}

const lastMessageWhenDown = (s: AppState) => (s.connection.status === 'live' ? null : s.connection.lastMessageAt);

/** The worst status among the shown queues, as one value: no array to compare on every update. */
function worstShown(s: AppState, shown: readonly { id: string }[], queues: readonly Queue[]): QueueStatus {
  const ids = new Set(shown.map((o) => o.id));
  function* statuses() {
    for (const q of queues) if (ids.has(q.officeId)) yield s.feed.states[q.id]?.health.status ?? 'no-data';
  }
  return worstStatus(statuses());
}
