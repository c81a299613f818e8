import type { TFunction } from 'i18next';
import type { ConnectionProblem } from '../store/connection-slice';

/**
 * A connection problem as a sentence in the screen's language, with the gateway's own words kept; a
 * screen told to wait counts down to its next try (`now`: local time, refreshed by the caller).
 */
export function problemText(problem: ConnectionProblem, t: TFunction, now: number = Date.now()): string {
  if (problem.key === 'locked-out') {
    // A clock read a moment before the refusal arrived (a wall ticks once a second) must not add a second.
    const left = Math.ceil(((problem.retryAt ?? now) - now) / 1000);
    return t('access.lockedOut', { seconds: Math.max(0, Math.min(left, problem.waitSeconds ?? left)) });
  }
  return t(`problem.${problem.key}`, { detail: problem.detail ?? '' });
}
