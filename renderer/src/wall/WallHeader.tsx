import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../../shared/health/thresholds';
import { formatAge, formatClock } from '../format/age';
import { wallProblemText } from './wall-problem-text';
import type { ConnectionProblem, ConnectionStatus } from '../store/connection-slice';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';

export interface HeaderClock {
  /** Shown beside the time when the wall shows several offices; null for one. */
  label: string | null;
  timeZone: string;
}

export interface WallHeaderProps {
  title: string;
  clocks: readonly HeaderClock[];
  locale: string;
  /** Gateway time now. */
  now: number;
  /** Local time now, for the age of the last message (a local time too). */
  localNow: number;
  worst: QueueStatus;
  connection: ConnectionStatus;
  /** Local time of the last message, to say how old the numbers are when the connection is down. */
  lastMessageAt: number | null;
  problem: ConnectionProblem | null;
  page: { index: number; count: number };
  /** The language shown, as a short code, and what to do to change it. */
  language: string;
  onNextLanguage: () => void;
}

export function WallHeader(props: WallHeaderProps) {
  const { title, clocks, locale, now, localNow, worst, connection, lastMessageAt, problem, page, language, onNextLanguage } = props;
  const { t } = useTranslation();
  const look = STATUS_LOOKS[worst];
  const live = connection === 'live';
  return (
    <header className="wall-header">
      <h1 className="wall-title">{title}</h1>
      <span className={`wall-worst ${live ? look.className : 'status-no-data'}`} data-testid="worst-status" data-status={worst}>
        <StatusIcon shape={live ? look.shape : 'hourglass'} />
        {live ? t('header.worst', { status: t(`status.${worst}`) }) : t('header.unknown')}
      </span>
      <span className={`connection connection-${connection}`} data-testid="connection-status" data-status={connection} role="status">
        <span className="connection-dot" aria-hidden="true" />
        {t(`connection.${connection}`)}
        {!live && lastMessageAt !== null && (
          <span className="connection-age" title={t('header.showingDataFrom', { time: formatClock(lastMessageAt + (now - localNow), locale, clocks[0]?.timeZone ?? 'UTC') })}>
            {' · '}
            {t('tile.dataAge', { age: formatAge((localNow - lastMessageAt) / 1000, locale) })}
          </span>
        )}
        {!live && problem && <span className="visually-hidden"> {wallProblemText(problem, t, localNow)}</span>}
      </span>
      <span className="wall-end">
        {page.count > 1 && (
          <span className="wall-page" data-testid="page-indicator" aria-label={t('header.page', { page: page.index + 1, count: page.count, pages: page.count })}>
            {page.index + 1}/{page.count}
          </span>
        )}
        <button type="button" className="language" data-testid="language" onClick={onNextLanguage} title={t('header.language', { language: language.toUpperCase() })}>
          {language.toUpperCase()}
        </button>
        {clocks.map((clock) => (
          <span key={`${clock.label}-${clock.timeZone}`} className="wall-clock">
            {clock.label && <span className="wall-clock-label">{clock.label}</span>}
            <time dateTime={new Date(now).toISOString()}>{formatClock(now, locale, clock.timeZone)}</time>
          </span>
        ))}
      </span>
    </header>
  );
}
