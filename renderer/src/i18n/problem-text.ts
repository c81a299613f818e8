import type { TFunction } from 'i18next';
import type { ConnectionProblem } from '../store/connection-slice';

/**
 * A connection problem as a sentence in the screen's language, with the gateway's own words kept; a
 * screen told to wait counts down to its next try (`now`: local time, refreshed by the caller).
 */
export function problemText(problem: ConnectionProblem, t: TFunction, now: number = Date.now()): string {
  // A clock read a moment before the problem arrived (a wall ticks once a second) must not add a second.
  const left = Math.max(0, Math.ceil(((problem.retryAt ?? now) - now) / 1000));
  if (problem.key === 'locked-out') return t('access.lockedOut', { seconds: Math.min(left, problem.waitSeconds ?? left) });
  if (problem.key === 'awaiting-board') return t('resync.awaitingBoard', { attempt: problem.attempt ?? 1, seconds: left });
  return t(`problem.${problem.key}`, { detail: problem.detail ?? '' });
}
