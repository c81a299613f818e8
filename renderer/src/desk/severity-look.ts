import type { TFunction } from 'i18next';
import type { QueueState } from '../../../shared/protocol/protocol';
import { formatAge } from '../format/age';
import { STATUS_LOOKS, type StatusLook } from '../wall/status';
import { severityOf } from './queue-order';

/** The wall's look for a queue, its word in the screen's language, with "At risk" (and its minutes) where the wall has none. */
export function severityLook(state: QueueState | undefined, t: TFunction, locale: string): StatusLook & { detail: string | null } {
  const severity = severityOf(state);
  if (severity === 'at-risk') {
    const base = STATUS_LOOKS[state!.health.status];
    const duration = formatAge(state!.health.atRisk!.minutes * 60, locale);
    return { word: t('desk.atRisk'), shape: 'triangle', className: `${base.className} severity-at-risk`, detail: t('desk.breachIn', { duration }) };
  }
  const stale = state?.health.stale;
  return {
    ...STATUS_LOOKS[severity],
    word: t(`status.${severity}`),
    detail: stale ? t('desk.lastKnown', { status: t(`status.${stale.lastStatus}`), message: stale.message }) : null,
  };
}
