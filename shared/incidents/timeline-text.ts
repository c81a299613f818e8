import type { MessageParams } from '../i18n/translator';
import type { IncidentTimeline, TimelineEntry } from '../protocol/incident-protocol';

type Translate = (key: string, params?: MessageParams) => string;

/**
 * The text form of an incident's timeline: a heading, then one line per entry, oldest first, each
 * starting with its UTC time (ISO 8601, so a file read in another office means the same instant).
 * The words come from the catalogue (`incidents.timeline.*`) in the language asked for.
 */
export function timelineText(timeline: IncidentTimeline, t: Translate, queueName: (queueId: string) => string = (id) => id): string {
  const { incident } = timeline;
  const lines = [
    t('incidents.timeline.heading', { title: incident.title }),
    t('incidents.timeline.queues', { queues: incident.queueIds.map(queueName).join(', ') }),
    '',
    ...timeline.entries.map((entry) => `${new Date(entry.at).toISOString()}  ${entryText(entry, t, queueName)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function entryText(entry: TimelineEntry, t: Translate, queueName: (queueId: string) => string): string {
  switch (entry.kind) {
    case 'opened':
      return t('incidents.timeline.opened', { actor: entry.actor });
    case 'alert':
      return t('incidents.timeline.alert', {
        queue: queueName(entry.queueId),
        metric: t(`metric.${entry.metric}`),
        level: t(`status.${entry.level}`),
        value: entry.value === null ? '–' : String(entry.value),
        threshold: entry.threshold === null ? '–' : String(entry.threshold),
      });
    case 'acknowledged':
      return entry.note
        ? t('incidents.timeline.acknowledgedNote', { actor: entry.actor, queue: queueName(entry.queueId), note: entry.note })
        : t('incidents.timeline.acknowledged', { actor: entry.actor, queue: queueName(entry.queueId) });
    case 'broadcast':
      return t('incidents.timeline.broadcast', { actor: entry.actor, severity: entry.severity, text: entry.text });
    case 'closed':
      return t('incidents.timeline.closed', { actor: entry.actor });
  }
}
