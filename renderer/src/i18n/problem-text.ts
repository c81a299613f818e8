import type { TFunction } from 'i18next';
import type { ConnectionProblem } from '../store/connection-slice';

/** A connection problem as a sentence in the screen's language, with the gateway's own words kept. */
export function problemText(problem: ConnectionProblem, t: TFunction): string {
  return t(`problem.${problem.key}`, { detail: problem.detail ?? '' });
}
