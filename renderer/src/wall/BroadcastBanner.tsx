import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { broadcastReaches, broadcastTextIn, byUrgency } from '../../../shared/broadcasts/broadcast-view';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';
import { broadcastSelectors } from '../broadcasts/broadcast-slice';
import { formatClock } from '../format/age';
import { useAppStore } from '../store/store-context';

export interface BroadcastBannerProps {
  /** The queues this wall shows: a broadcast appears when it reaches one of them. */
  queueIds: readonly string[];
  language: string;
  locale: string;
  /** The clock the end is told in: the first shown office's, named when the wall shows several. */
  clock: { label: string | null; timeZone: string };
}

/** At most this many banners: more would push the tiles off a wall; the rest wait until one ends. */
const MAX_SHOWN = 2;

/**
 * Container: the broadcasts reaching this wall, at the top, worst first. Part of the wall's column, so the
 * tiles below shrink (or page) to make room, never sit under it; it leaves when the gateway says it ended.
 */
export function BroadcastBanner({ queueIds, language, locale, clock }: BroadcastBannerProps) {
  const all = useAppStore(useShallow(broadcastSelectors.all));
  const shown = useMemo(() => {
    const ids = new Set(queueIds);
    return all.filter((b) => b.state === 'active' && broadcastReaches(b, ids)).sort(byUrgency).slice(0, MAX_SHOWN);
  }, [all, queueIds]);
  const { t } = useTranslation();
  if (shown.length === 0) return null;
  const untilText = (at: number) => {
    const time = formatClock(at, locale, clock.timeZone);
    return clock.label ? t('broadcasts.untilIn', { time, place: clock.label }) : t('broadcasts.until', { time });
  };
  return (
    <aside className="broadcast-banners" aria-label={t('broadcasts.bannerLabel')} aria-live="polite">
      {shown.map((broadcast) => (
        <BannerLine key={broadcast.id} broadcast={broadcast} text={broadcastTextIn(broadcast.text, language)} until={untilText(broadcast.endsAt)} />
      ))}
    </aside>
  );
}

/** `until`: the end, already in words. */
function BannerLine({ broadcast, text, until }: { broadcast: Broadcast; text: string; until: string }) {
  const { t } = useTranslation();
  return (
    <p className={`broadcast-banner broadcast-${broadcast.severity}`} data-testid="broadcast-banner" data-broadcast-id={broadcast.id} role={broadcast.severity === 'critical' ? 'alert' : 'status'}>
      <strong className="broadcast-severity">{t(`broadcasts.severity.${broadcast.severity}`)}</strong>
      <span className="broadcast-text">{text}</span>
      <span className="broadcast-until">{until}</span>
    </p>
  );
}
