import type { QueueState } from '../../../shared/protocol/protocol';
import { STATUS_LOOKS, type StatusLook } from '../wall/status';
import { severityOf } from './queue-order';

/** The wall's look for a queue, with "At risk" (and its minutes) in words where the wall has none. */
export function severityLook(state: QueueState | undefined): StatusLook & { detail: string | null } {
  const severity = severityOf(state);
  if (severity === 'at-risk') {
    const base = STATUS_LOOKS[state!.health.status];
    return { word: 'At risk', shape: 'triangle', className: `${base.className} severity-at-risk`, detail: `breach in ~${state!.health.atRisk!.minutes} min` };
  }
  const stale = state?.health.stale;
  return { ...STATUS_LOOKS[severity], detail: stale ? `Last known: ${STATUS_LOOKS[stale.lastStatus].word}. ${stale.message}` : null };
}
