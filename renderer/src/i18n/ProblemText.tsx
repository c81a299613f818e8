import { useTranslation } from 'react-i18next';
import type { ConnectionProblem } from '../store/connection-slice';
import { useNow } from '../wall/use-now';
import { problemText } from './problem-text';

/** A connection problem in the screen's language; a screen told to wait shows its countdown, second by second. */
export function ProblemText({ problem }: { problem: ConnectionProblem }) {
  const { t } = useTranslation();
  const now = useNow(problem.retryAt === undefined ? 60_000 : 1000);
  return <>{problemText(problem, t, now)}</>;
}
