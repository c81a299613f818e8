import type { NotificationSettings, Transition } from '../../../shared/ipc/desk-contract';
import type { DeskClock } from './clock';
import { describeGroup, describeTransition, isNotifiable, isQuiet, type NotificationContent } from './notification-rules';

/** The part of Electron's Notification the notifier uses; the real one fits, tests pass a fake. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

export interface StormLimits {
  /** More notifications than this within `windowMs` become one grouped notification. */
  max: number;
  windowMs: number;
  /** How long a storm gathers before its first group is shown: long enough to catch the rest of a burst. */
  gatherMs: number;
}

export const DEFAULT_STORM: StormLimits = { max: 3, windowMs: 10_000, gatherMs: 1_000 };
/** Alert ids remembered so an alert never notifies twice; old ones fall out, so a week-long run stays small. */
const REMEMBERED_ALERTS = 10_000;
/** Electron drops a notification's click handler once the object is garbage-collected: keep the recent ones. */
const KEPT_NOTIFICATIONS = 20;

export type PauseState = { paused: false } | { paused: true; until: number | null };

export interface DeskNotifierOptions {
  createNotification: (options: { title: string; body: string; silent: boolean }) => NotificationLike;
  clock: DeskClock;
  /** Local minute of the day (0–1439) at an instant; quiet hours are local time. */
  minuteOfDay: (epochMs: number) => number;
  settings: () => NotificationSettings;
  pinnedQueueIds: () => ReadonlySet<string>;
  /** A click on a notification: focus the desk window and show this queue. */
  onClick: (queueId: string) => void;
  /** Pausing, resuming, or a pause running out: the tray menu shows which. */
  onPauseChange: (state: PauseState) => void;
  storm?: StormLimits;
}

/**
 * Turns the renderer's health transitions into native notifications: critical and at-risk only, each
 * alert once, in scope (pinned queues or all), quiet hours and pauses respected, and a storm folded
 * into one grouped notification instead of fifty.
 */
export class DeskNotifier {
  private readonly storm: StormLimits;
  private readonly seen = new Set<string>();
  private shownAt: number[] = [];
  private stormUntil = 0;
  private lastGroupAt = Number.NEGATIVE_INFINITY;
  private gathered: Transition[] = [];
  private cancelFlush: (() => void) | null = null;
  private pause: PauseState = { paused: false };
  private cancelPauseEnd: (() => void) | null = null;
  private readonly kept: NotificationLike[] = [];

  constructor(private readonly options: DeskNotifierOptions) {
    this.storm = options.storm ?? DEFAULT_STORM;
  }

  notify(transitions: readonly Transition[]): void {
    const fresh = transitions.filter((t) => isNotifiable(t) && this.inScope(t) && this.remember(t.alertId));
    if (fresh.length === 0 || this.pause.paused || this.quietMode() === 'suppress') return;
    const now = this.options.clock.now();
    this.shownAt = this.shownAt.filter((at) => at > now - this.storm.windowMs);
    if (now < this.stormUntil || this.shownAt.length + fresh.length > this.storm.max) {
      this.stormUntil = now + this.storm.windowMs;
      this.gathered.push(...fresh);
      this.scheduleFlush(now);
      return;
    }
    for (const transition of fresh) this.show(describeTransition(transition));
  }

  /** Pauses for `durationMs`, or until resumed when null. Transitions meanwhile are dropped, not saved up. */
  pauseFor(durationMs: number | null): void {
    this.cancelPauseEnd?.();
    this.cancelPauseEnd = null;
    const until = durationMs === null ? null : this.options.clock.now() + durationMs;
    if (durationMs !== null) this.cancelPauseEnd = this.options.clock.after(durationMs, () => this.resume());
    this.gathered = [];
    this.cancelFlush?.();
    this.cancelFlush = null;
    this.setPause({ paused: true, until });
  }

  resume(): void {
    this.cancelPauseEnd?.();
    this.cancelPauseEnd = null;
    if (this.pause.paused) this.setPause({ paused: false });
  }

  pauseState(): PauseState {
    return this.pause;
  }

  private setPause(state: PauseState): void {
    this.pause = state;
    this.options.onPauseChange(state);
  }

  private inScope(transition: Transition): boolean {
    return this.options.settings().scope === 'all' || this.options.pinnedQueueIds().has(transition.queueId);
  }

  /** True the first time an alert is seen. Suppressed alerts count as seen: they must not fire later. */
  private remember(alertId: string): boolean {
    if (this.seen.has(alertId)) return false;
    this.seen.add(alertId);
    if (this.seen.size > REMEMBERED_ALERTS) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  private quietMode(): 'silent' | 'suppress' | null {
    const { quietHours } = this.options.settings();
    return isQuiet(this.options.minuteOfDay(this.options.clock.now()), quietHours) ? quietHours.mode : null;
  }

  private scheduleFlush(now: number): void {
    if (this.cancelFlush) return;
    const due = Math.max(now + this.storm.gatherMs, this.lastGroupAt + this.storm.windowMs);
    this.cancelFlush = this.options.clock.after(due - now, () => this.flush());
  }

  private flush(): void {
    this.cancelFlush = null;
    const gathered = this.gathered;
    this.gathered = [];
    if (gathered.length === 0 || this.pause.paused || this.quietMode() === 'suppress') return;
    this.lastGroupAt = this.options.clock.now();
    const [only] = gathered;
    this.show(gathered.length === 1 && only ? describeTransition(only) : describeGroup(gathered));
  }

  private show(content: NotificationContent): void {
    const notification = this.options.createNotification({
      title: content.title,
      body: content.body,
      silent: this.quietMode() === 'silent',
    });
    this.kept.push(notification);
    if (this.kept.length > KEPT_NOTIFICATIONS) this.kept.shift();
    notification.on('click', () => this.options.onClick(content.queueId));
    notification.on('close', () => {
      const index = this.kept.indexOf(notification);
      if (index >= 0) this.kept.splice(index, 1);
    });
    notification.show();
    this.shownAt.push(this.options.clock.now());
  }
}
