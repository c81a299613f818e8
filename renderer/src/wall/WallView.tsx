import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { connectionSelectors } from '../store/connection-slice';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { columnsFor } from './grid-shape';
import { paginate, rowsFor } from './paging';
import { worstStatus } from './status';
import { TileContainer } from './TileContainer';
import { useNow } from './use-now';
import { usePage } from './use-page';
import { WallHeader } from './WallHeader';

export interface WallViewProps {
  /** One office, or every office when null. */
  officeId: string | null;
  /** Intl locale for numbers and times, and the short code of the language shown. */
  locale: string;
  language: string;
  onNextLanguage: () => void;
  /** How long each page shows when the wall needs more than one screen. */
  pageMs?: number;
}

/** Container: the wall for one office, or for every office, paged when it does not fit one screen. */
export function WallView({ officeId, locale, language, onNextLanguage, pageMs = 20_000 }: WallViewProps) {
  const { t } = useTranslation();
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const connection = useAppStore(connectionSelectors.status);
  const lastMessageAt = useAppStore(connectionSelectors.lastMessageAt);
  const problem = useAppStore(connectionSelectors.problem);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const localNow = useNow(1000);
  const now = localNow + offset;
  const shown = officeId ? offices.filter((o) => o.id === officeId) : offices;
  const shownIds = new Set(shown.map((o) => o.id));
  const statuses = useAppStore(
    useShallow((s) => s.feed.queues.filter((q) => shownIds.has(q.officeId)).map((q) => s.feed.states[q.id]?.health.status ?? 'no-data')),
  );
  const pages = paginate(shown, queues);
  const [pageIndex] = usePage(pages.length, pageMs);
  const sections = pages[pageIndex] ?? [];
  const unknownOffice = officeId !== null && offices.length > 0 && shown.length === 0;
  const live = connection === 'live';
  const disconnectedFor = !live && lastMessageAt !== null ? Math.max(0, (localNow - lastMessageAt) / 1000) : null;
  return (
    <div className="wall">
      <WallHeader
        title={shown.length === 1 ? shown[0]!.name : t('header.allOffices')}
        clocks={shown.length === 0 ? [{ label: null, timeZone: 'UTC' }] : shown.map((o) => ({ label: shown.length > 1 ? o.name : null, timeZone: o.timeZone }))}
        locale={locale}
        now={now}
        localNow={localNow}
        worst={worstStatus(statuses)}
        connection={connection}
        lastMessageAt={lastMessageAt}
        problem={problem}
        page={{ index: pageIndex, count: pages.length }}
        language={language}
        onNextLanguage={onNextLanguage}
      />
      {!live && problem && <p className="wall-notice">{t(`problem.${problem.key}`, { detail: problem.detail ?? '' })}</p>}
      {unknownOffice && (
        <p className="wall-notice">{t('wall.unknownOffice', { office: officeId, offices: offices.map((o) => o.id).join(', ') })}</p>
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
