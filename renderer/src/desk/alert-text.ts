import type { TFunction } from 'i18next';
import { compareLevels } from '../../../shared/health/levels';
import { METRICS } from '../../../shared/metrics';
import { en } from '../../../shared/i18n/en';
import type { Alert } from '../../../shared/protocol/protocol';
import { formatAge } from '../format/age';
import { formatDuration } from '../format/duration';
import { formatMetric } from '../format/metric';

/** Unhandled first (not acknowledged, not snoozed), then critical before warning, then the newest. */
export function sortAlerts(alerts: readonly Alert[], now: number): Alert[] {
  const handled = (a: Alert) => (a.acknowledged || (a.snoozed && a.snoozed.until > now) ? 1 : 0);
  return [...alerts].sort(
    (a, b) => handled(a) - handled(b) || compareLevels(b.level, a.level) || b.openedAt - a.openedAt,
  );
}

/** The catalogue's English label, for what the desk hands to the notifications (the same words as its screens). */
export const metricLabel = (alert: Alert) => en.metric[alert.metric];

export const valueText = (alert: Alert, locale: string) => (alert.value === null ? '–' : formatMetric(alert.metric, alert.value, locale));

/**
 * The value when the alert opened against its threshold: "12m (critical above 10m)", "83% (warning below 90%)"; for an
 * at-risk alert "85, projected to reach critical (120) in about 14 min", in the screen's language.
 */
export function describeMeasure(alert: Alert, locale: string, t: TFunction): string {
  const value = valueText(alert, locale);
  const threshold = alert.threshold === null ? null : formatMetric(alert.metric, alert.threshold, locale);
  if (alert.kind === 'at-risk') {
    const when = alert.projectedMinutes === null ? t('desk.measure.soon') : t('desk.measure.inAbout', { duration: formatAge(alert.projectedMinutes * 60, locale) });
    return threshold ? t('desk.measure.atRisk', { value, threshold, when }) : t('desk.measure.atRiskNoThreshold', { value, when });
  }
  if (!threshold) return value;
  const side = t(METRICS[alert.metric].direction === 'lower-is-worse' ? 'desk.measure.below' : 'desk.measure.above');
  return t('desk.measure.threshold', { value, level: t(`desk.measure.level.${alert.level}`), side, threshold });
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** A time of day for the lead in the person's locale, always 24-hour (as snoozes are typed), in the laptop's time zone. */
export function clockTime(at: number, locale: string, timeZone?: string): string {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = clocks.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
    clocks.set(key, format);
  }
  return format.format(at);
}

/** "5m ago", "há 5m", "5m geleden": the wall's compact duration, which reads alike in the three languages. */
export const ageText = (alert: Alert, now: number, t: TFunction) => t('desk.card.ago', { age: formatDuration((now - alert.openedAt) / 1000) });
