import { minutesOfHhMm } from '../../../shared/time/hh-mm';
import type { NotificationSettings, Transition } from '../../../shared/ipc/desk-contract';

/** What a desktop notification says, and the queue a click on it shows. */
export interface NotificationContent {
  title: string;
  body: string;
  queueId: string;
}

/**
 * Only what needs a lead now interrupts them: a queue turning critical, or a queue projected to
 * breach. Warnings show in the app, not on the desktop.
 */
export function isNotifiable(transition: Transition): boolean {
  return transition.kind === 'at-risk' || transition.level === 'critical';
}

/**
 * True when `minuteOfDay` (local) falls in the quiet hours. The start is inside, the end is not; an
 * end before the start crosses midnight; equal start and end means quiet all day.
 */
export function isQuiet(minuteOfDay: number, quietHours: NotificationSettings['quietHours']): boolean {
  if (!quietHours.enabled) return false;
  const start = minutesOfHhMm(quietHours.start);
  const end = minutesOfHhMm(quietHours.end);
  if (start < end) return minuteOfDay >= start && minuteOfDay < end;
  return minuteOfDay >= start || minuteOfDay < end;
}

/** Critical before warning, a breach before a projection, then the earliest. */
export function worstFirst(transitions: readonly Transition[]): Transition[] {
  const rank = (t: Transition) => (t.level === 'critical' ? 0 : 2) + (t.kind === 'threshold' ? 0 : 1);
  return [...transitions].sort((a, b) => rank(a) - rank(b) || a.at - b.at);
}

export function describeTransition(transition: Transition): NotificationContent {
  const { queueName, officeName, metricLabel, valueText, queueId } = transition;
  const measured = valueText === '' ? metricLabel : `${metricLabel}: ${valueText}`;
  if (transition.kind === 'threshold') {
    return { title: `${queueName} is critical`, body: `${officeName} · ${measured}`, queueId };
  }
  const when = transition.projectedMinutes === null ? '' : ` · ${describeMinutes(transition.projectedMinutes)}`;
  return { title: `${queueName} is at risk`, body: `${officeName} · ${measured}${when}`, queueId };
}

function describeMinutes(minutes: number): string {
  if (minutes < 1) return 'breach expected any minute';
  if (minutes < 90) return `breach expected in ${Math.round(minutes)} min`;
  return `breach expected in ${Math.round(minutes / 60)} h`;
}

/** Names listed in a grouped notification before "and N more": enough to recognise, short enough to read. */
const NAMES_SHOWN = 3;

/** One notification for a storm: "7 queues turned critical", the worst names first. */
export function describeGroup(transitions: readonly Transition[]): NotificationContent {
  const ordered = worstFirst(transitions);
  const first = ordered[0];
  if (!first) throw new Error('describeGroup needs at least one transition');
  const names = [...new Map(ordered.map((t) => [t.queueId, t.queueName])).values()];
  const count = names.length;
  const queues = count === 1 ? '1 queue' : `${count} queues`;
  const allCritical = ordered.every((t) => t.kind === 'threshold');
  const allAtRisk = ordered.every((t) => t.kind === 'at-risk');
  const title = allCritical
    ? `${queues} turned critical`
    : allAtRisk
      ? `${queues} ${count === 1 ? 'is' : 'are'} at risk`
      : `${queues} need${count === 1 ? 's' : ''} attention`;
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const body = count > NAMES_SHOWN ? `${shown} and ${count - NAMES_SHOWN} more` : shown;
  return { title, body, queueId: first.queueId };
}
