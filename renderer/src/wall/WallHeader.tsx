import type { QueueStatus } from '../../../shared/health/thresholds';
import type { ConnectionStatus } from '../store/connection-slice';
import { STATUS_LOOKS } from './status';
import { StatusIcon } from './StatusIcon';

export interface WallHeaderProps {
  title: string;
  timeZone: string;
  locale: string;
  now: number;
  worst: QueueStatus;
  connection: ConnectionStatus;
  /** Local time of the last message, to say how old the numbers are when the connection is down. */
  lastMessageAt: number | null;
  problem: string | null;
}

const CONNECTION_WORDS: Readonly<Record<ConnectionStatus, string>> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Disconnected',
  incompatible: 'Incompatible gateway',
  refused: 'Access refused',
};

export function WallHeader({ title, timeZone, locale, now, worst, connection, lastMessageAt, problem }: WallHeaderProps) {
  const time = (at: number, seconds: boolean) =>
    new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(at);
  const look = STATUS_LOOKS[worst];
  const live = connection === 'live';
  return (
    <header className="wall-header">
      <h1 className="wall-title">{title}</h1>
      <span className={`wall-worst ${live ? look.className : 'status-no-data'}`} data-testid="worst-status" data-status={worst}>
        <StatusIcon shape={look.shape} />
        {live ? `Worst: ${look.word}` : 'Status unknown'}
      </span>
      <span className={`connection connection-${connection}`} data-testid="connection-status" data-status={connection} role="status">
        <span className="connection-dot" aria-hidden="true" />
        {CONNECTION_WORDS[connection]}
        {!live && lastMessageAt !== null && <span className="connection-age"> — showing data from {time(lastMessageAt, false)}</span>}
        {!live && problem && <span className="visually-hidden"> {problem}</span>}
      </span>
      <time className="wall-clock" dateTime={new Date(now).toISOString()}>
        {time(now, false)}
      </time>
    </header>
  );
}
