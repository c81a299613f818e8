import type { TFunction } from 'i18next';
import { problemText } from '../i18n/problem-text';
import type { ConnectionProblem } from '../store/connection-slice';

/**
 * A connection problem as a wall says it: a room five metres away needs the office's words, not the transport's
 * ("xhr poll error", "websocket error"), so an unreachable gateway drops its detail. Every other problem is
 * worded by the gateway or the app already and reads as on any screen.
 */
export function wallProblemText(problem: ConnectionProblem, t: TFunction, now: number): string {
  return problem.key === 'unreachable' ? t('wall2.unreachable') : problemText(problem, t, now);
}
