import { minutesOfHhMm } from '../../../shared/time/hh-mm';
import type { DeskBridgeSeam, NotificationSettings, QuietHours, Transition } from './desk-bridge';

/** Hands transitions to whatever tells the lead: the app's notifications, or the browser's. */
export interface Notifier {
  notify(transitions: readonly Transition[]): void;
}

/** In the app, main decides how to show them (grouping, quiet hours, pauses: see the Electron side). */
export function createBridgeNotifier(notifyTransitions: NonNullable<DeskBridgeSeam['notifyTransitions']>, onError: (message: string) => void): Notifier {
  return {
    notify(transitions) {
      if (transitions.length === 0) return;
      notifyTransitions([...transitions]).catch((error: unknown) =>
        onError(`The app could not show a notification: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  };
}

/** The part of the Web Notifications API used; tests pass a fake. */
export interface WebNotifications {
  permission(): NotificationPermission | 'unsupported';
  /** Shows one notification; the callback runs when the lead clicks it. */
  show(title: string, options: { body: string; tag: string; silent: boolean }, onClick: () => void): void;
}

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
}

export interface StormLimits {
  /** More than this many within `windowMs` become one grouped notification. */
  max: number;
  windowMs: number;
  /** How long a burst gathers before anything is shown, so one storm becomes one notification. */
  gatherMs: number;
}
export const DEFAULT_STORM: StormLimits = { max: 3, windowMs: 10_000, gatherMs: 1_000 };

export interface BrowserNotifierOptions {
  api: WebNotifications;
  scheduler: Scheduler;
  now: () => number;
  /** Local minute of the day (0–1439); quiet hours are the laptop's local time. */
  minuteOfDay: (at: number) => number;
  settings: () => NotificationSettings;
  onClick: (queueId: string) => void;
  storm?: StormLimits;
}

/** The start is inside, the end is not; an end before the start crosses midnight. */
export function isQuiet(minute: number, quiet: QuietHours): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOfHhMm(quiet.start);
  const end = minutesOfHhMm(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

const rank = (t: Transition) => (t.level === 'critical' ? 0 : 2) + (t.kind === 'threshold' ? 0 : 1);
const worstFirst = (list: readonly Transition[]) => [...list].sort((a, b) => rank(a) - rank(b) || a.at - b.at);

export function describeOne(t: Transition): { title: string; body: string } {
  const measured = t.valueText === '' ? t.metricLabel : `${t.metricLabel}: ${t.valueText}`;
  if (t.kind === 'threshold') return { title: `${t.queueName} is critical`, body: `${t.officeName} · ${measured}` };
  const when = t.projectedMinutes === null ? '' : ` · breach expected in ${t.projectedMinutes} min`;
  return { title: `${t.queueName} is at risk`, body: `${t.officeName} · ${measured}${when}` };
}

export function describeGroup(list: readonly Transition[]): { title: string; body: string } {
  const names = [...new Set(worstFirst(list).map((t) => t.queueName))];
  const queues = names.length === 1 ? '1 queue' : `${names.length} queues`;
  const title = list.every((t) => t.kind === 'threshold')
    ? `${queues} turned critical`
    : list.every((t) => t.kind === 'at-risk')
      ? `${queues} at risk`
      : `${queues} need attention`;
  const body = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return { title, body };
}

/**
 * Browser notifications: a burst is gathered briefly, and more than `max` within the window become one
 * grouped notification instead of a wall of them. Quiet hours silence or suppress them. A click brings
 * the page forward and shows the queue (for a group, the worst).
 */
export class BrowserNotifier implements Notifier {
  private readonly storm: StormLimits;
  private pending: Transition[] = [];
  private gathering = false;
  private shownAt: number[] = [];

  constructor(private readonly options: BrowserNotifierOptions) {
    this.storm = options.storm ?? DEFAULT_STORM;
  }

  notify(transitions: readonly Transition[]): void {
    if (transitions.length === 0 || this.options.api.permission() !== 'granted') return;
    this.pending.push(...transitions);
    if (this.gathering) return;
    this.gathering = true;
    this.options.scheduler.setTimeout(() => this.flush(), this.storm.gatherMs);
  }

  private flush(): void {
    this.gathering = false;
    const batch = this.pending;
    this.pending = [];
    const now = this.options.now();
    const quiet = this.options.settings().quietHours;
    const silent = isQuiet(this.options.minuteOfDay(now), quiet);
    if (silent && quiet.mode === 'suppress') return;
    this.shownAt = this.shownAt.filter((at) => at > now - this.storm.windowMs);
    if (this.shownAt.length + batch.length > this.storm.max) {
      this.show(describeGroup(batch), worstFirst(batch)[0]!.queueId, `storm-${now}`, silent, now);
      return;
    }
    for (const t of batch) this.show(describeOne(t), t.queueId, t.alertId, silent, now);
  }

  private show(content: { title: string; body: string }, queueId: string, tag: string, silent: boolean, now: number): void {
    this.shownAt.push(now);
    this.options.api.show(content.title, { body: content.body, tag, silent }, () => this.options.onClick(queueId));
  }
}
