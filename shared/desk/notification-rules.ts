import { minutesOfHhMm } from '../time/hh-mm';
import type { NotificationSettings, Transition } from '../ipc/desk-contract';
import type { MessageParams } from '../i18n/translator';

/**
 * What the desk notifies, decided once for the app (Electron main) and the browser: which transitions
 * interrupt a lead, quiet hours, the worst first, and the words as catalogue keys (`main.notification.*`)
 * with their values, so each runtime renders them in the person's language.
 */

/** A catalogue key with its values, or a name shown as it is (a queue, an office, a label already translated). */
export type NotificationText = { readonly key: string; readonly params?: MessageParams } | { readonly text: string };

/** What a desktop notification says, and the queue a click on it shows. */
export interface NotificationContent {
  title: NotificationText;
  /** Shown joined by " · ". */
  body: NotificationText[];
  queueId: string;
}

/**
 * Only what needs a lead now interrupts them: a queue turning critical, or a queue projected to breach.
 * Warnings show in the app, not on the desktop.
 */
export function isNotifiable(transition: Pick<Transition, 'kind' | 'level'>): boolean {
  return transition.kind === 'at-risk' || transition.level === 'critical';
}

/** Pinned queues only, or every queue: the lead's choice. */
export function isInScope(queueId: string, scope: NotificationSettings['scope'], pinnedQueueIds: ReadonlySet<string>): boolean {
  return scope === 'all' || pinnedQueueIds.has(queueId);
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
  const rank = (t: Transition) => (t.level === 'critical' ? 0 : 2) + (t.kind !== 'at-risk' ? 0 : 1);
  return [...transitions].sort((a, b) => rank(a) - rank(b) || a.at - b.at);
}

export function describeTransition(transition: Transition): NotificationContent {
  const { queueName, officeName, metricLabel, valueText, queueId } = transition;
  const measured: NotificationText =
    valueText === '' ? { text: metricLabel } : { key: 'main.notification.measured', params: { metric: metricLabel, value: valueText } };
  const body: NotificationText[] = [{ text: officeName }, measured];
  // A volume alert is a graded metric turning critical (inflow against the usual), worded as one.
  if (transition.kind !== 'at-risk') return { title: { key: 'main.notification.critical', params: { queue: queueName } }, body, queueId };
  if (transition.projectedMinutes !== null) body.push(describeMinutes(transition.projectedMinutes));
  return { title: { key: 'main.notification.atRisk', params: { queue: queueName } }, body, queueId };
}

function describeMinutes(minutes: number): NotificationText {
  if (minutes < 1) return { key: 'main.notification.breachAnyMinute' };
  if (minutes < 90) return { key: 'main.notification.breachInMinutes', params: { count: Math.round(minutes) } };
  return { key: 'main.notification.breachInHours', params: { count: Math.round(minutes / 60) } };
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
  const title = ordered.every((t) => t.kind !== 'at-risk')
    ? 'main.notification.groupCritical'
    : ordered.every((t) => t.kind === 'at-risk')
      ? 'main.notification.groupAtRisk'
      : 'main.notification.groupAttention';
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const body: NotificationText =
    count > NAMES_SHOWN ? { key: 'main.notification.andMore', params: { names: shown, count: count - NAMES_SHOWN } } : { text: shown };
  return { title: { key: title, params: { count } }, body: [body], queueId: first.queueId };
}

/** The words of a notification in one language. */
export function renderNotification(content: NotificationContent, t: (key: string, params?: MessageParams) => string): { title: string; body: string } {
  const render = (text: NotificationText) => ('text' in text ? text.text : t(text.key, text.params));
  return { title: render(content.title), body: content.body.map(render).join(' · ') };
}
