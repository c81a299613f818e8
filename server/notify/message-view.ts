import { METRICS, type MetricId } from '../../shared/metrics';
import type { Translator } from '../../shared/i18n/translator';
import type { OutboundEvent, OutboundText, Severity } from './outbound-event';

/** What the words need to know about the floor: queue and office names in a language, and the office's time zone. */
export interface FloorNames {
  queueName(queueId: string, language: Translator['language']): string;
  officeOf(queueId: string, language: Translator['language']): { name: string; timeZone: string } | null;
  /** The zone times are shown in when an event names no queue (the first office's). */
  readonly defaultTimeZone: string;
}

/** A message for people, before it becomes Slack blocks or an Adaptive Card: every word from the catalogue. */
export interface MessageView {
  readonly severity: Severity;
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ label: string; value: string }>;
  /** Fallback line for notifications and screen readers (Slack's top-level `text`). */
  readonly summary: string;
}

/** Builds the words of one event in the translator's language. */
export function messageView(event: OutboundEvent, t: Translator, floor: FloorNames): MessageView {
  const queues = event.queueIds.map((id) => floor.queueName(id, t.language));
  const firstOffice = event.queueIds[0] === undefined ? null : floor.officeOf(event.queueIds[0], t.language);
  const when = timeText(event.at, t.locale, firstOffice?.timeZone ?? floor.defaultTimeZone);
  const facts = [{ label: t.t('webhooks.field.severity'), value: t.t(`webhooks.severity.${event.severity}`) }];
  if (queues.length > 0) facts.push({ label: t.t('webhooks.field.queues'), value: t.list(queues) });
  if (firstOffice) facts.push({ label: t.t('webhooks.field.office'), value: firstOffice.name });
  facts.push({ label: t.t('webhooks.field.at'), value: when });
  const { title, text } = words(event, t, floor);
  return { severity: event.severity, title, text, facts, summary: `${title} — ${text}` };
}

function words(event: OutboundEvent, t: Translator, floor: FloorNames): { title: string; text: string } {
  switch (event.kind) {
    case 'alert': {
      const { alert } = event;
      const metric = t.t(`metric.${alert.metric}`);
      const queue = floor.queueName(alert.queueId, t.language);
      const level = t.t(`webhooks.severity.${alert.level}`);
      const value = valueText(alert.metric, alert.value, t.locale);
      return {
        title: t.t('webhooks.alert.title', { level, metric, queue }),
        text: alert.threshold === null ? t.t('webhooks.alert.value', { metric, value }) : t.t('webhooks.alert.detail', { metric, value, level, threshold: valueText(alert.metric, alert.threshold, t.locale) }),
      };
    }
    case 'forecast': {
      const { forecast } = event;
      const metric = t.t(`metric.${forecast.metric}`);
      return {
        title: t.t('webhooks.forecast.title', { queue: floor.queueName(forecast.queueId, t.language), metric }),
        text: t.t('webhooks.forecast.detail', {
          metric,
          minutes: new Intl.NumberFormat(t.locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(forecast.minutesToBreach),
          critical: valueText(forecast.metric, forecast.critical, t.locale),
          value: valueText(forecast.metric, forecast.value, t.locale),
        }),
      };
    }
    case 'broadcast': {
      const { broadcast } = event;
      const text = textIn(broadcast.text, t.language);
      const until = broadcast.endsAt === null ? '' : ` ${t.t('webhooks.broadcast.until', { time: timeText(broadcast.endsAt, t.locale, floor.defaultTimeZone) })}`;
      return { title: t.t(`webhooks.broadcast.${broadcast.action}`, { by: broadcast.by }), text: `${text}${broadcast.action === 'ended' ? '' : until}` };
    }
    case 'incident': {
      const { incident } = event;
      return { title: t.t(`webhooks.incident.${incident.action}`, { title: incident.title }), text: t.t('webhooks.incident.by', { by: incident.by }) };
    }
  }
}

/** The text in the language asked for, else English, else the first one given. */
export function textIn(text: OutboundText, language: Translator['language']): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** A metric's value with its unit, in the locale (durations in minutes, the way a message reads). */
function valueText(metric: MetricId, value: number | null, locale: string): string {
  if (value === null) return '–';
  switch (METRICS[metric].unit) {
    case 'seconds':
      return value < 60
        ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 0 }).format(value)
        : new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(value / 60);
    case 'percent':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) + '%';
    case 'per-hour':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)}/h`;
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'ratio':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}×`;
  }
}

function timeText(at: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
