import { compareLevels } from '../../../shared/health/levels';
import { METRICS } from '../../../shared/metrics';
import type { Alert } from '../../../shared/protocol/protocol';
import { formatDuration } from '../format/duration';
import { formatMetric } from '../format/metric';

/** Unhandled first (not acknowledged, not snoozed), then critical before warning, then the newest. */
export function sortAlerts(alerts: readonly Alert[], now: number): Alert[] {
  const handled = (a: Alert) => (a.acknowledged || (a.snoozed && a.snoozed.until > now) ? 1 : 0);
  return [...alerts].sort(
    (a, b) => handled(a) - handled(b) || compareLevels(b.level, a.level) || b.openedAt - a.openedAt,
  );
}

export const metricLabel = (alert: Alert) => METRICS[alert.metric].label;

export const valueText = (alert: Alert, locale: string) => (alert.value === null ? '–' : formatMetric(alert.metric, alert.value, locale));

/**
 * The value when the alert opened against its threshold: "12m (critical above 10m)", "83% (warning below 90%)"; for an
 * at-risk alert "85, projected to reach critical (120) in about 14 min".
 */
export function describeMeasure(alert: Alert, locale: string): string {
  const threshold = alert.threshold === null ? null : formatMetric(alert.metric, alert.threshold, locale);
  if (alert.kind === 'at-risk') {
    const when = alert.projectedMinutes === null ? 'soon' : `in about ${alert.projectedMinutes} min`;
    return `${valueText(alert, locale)}, projected to reach critical${threshold ? ` (${threshold})` : ''} ${when}`;
  }
  const side = METRICS[alert.metric].direction === 'lower-is-worse' ? 'below' : 'above';
  return `${valueText(alert, locale)}${threshold ? ` (${alert.level} ${side} ${threshold})` : ''}`;
}

/** A time of day for the lead, 24-hour, in the laptop's own time zone. */
export function clockTime(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(at);
}

export const ageText = (alert: Alert, now: number) => `${formatDuration((now - alert.openedAt) / 1000)} ago`;
