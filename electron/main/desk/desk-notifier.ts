import { NotificationGate, type StormLimits } from '../../../shared/desk/notification-gate';
import { renderNotification, type NotificationContent } from '../../../shared/desk/notification-rules';
import { broadcastTextIn } from '../../../shared/broadcasts/broadcast-view';
import type { BroadcastNotice, NotificationSettings, Transition } from '../../../shared/ipc/desk-contract';
import type { Translator } from '../../../shared/i18n/translator';
import type { DeskClock } from './clock';

/** The part of Electron's Notification the notifier uses; the real one fits, tests pass a fake. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

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
  /** The app's language now (it follows the app settings). */
  translator: () => Translator;
  /** A click on a notification: focus the desk window and show this queue. */
  onClick: (queueId: string) => void;
  /** A click on a notification of no queue (a broadcast): focus the desk window. */
  onOpen?: () => void;
  /** Pausing, resuming, or a pause running out: the tray menu shows which. */
  onPauseChange: (state: PauseState) => void;
  storm?: StormLimits;
}

/**
 * Native notifications for the renderer's health transitions. What to show is the shared gate's call
 * (shared/desk/notification-gate.ts); this adds Electron's notification objects, the words in the app's
 * language and the tray's pause.
 */
export class DeskNotifier {
  private readonly gate: NotificationGate;
  private pause: PauseState = { paused: false };
  private cancelPauseEnd: (() => void) | null = null;
  private readonly kept: NotificationLike[] = [];
  /** Broadcasts already shown: the desk says so again after a reconnect, the lead hears it once. */
  private readonly broadcastsShown: string[] = [];

  constructor(private readonly options: DeskNotifierOptions) {
    this.gate = new NotificationGate({
      clock: options.clock,
      minuteOfDay: options.minuteOfDay,
      settings: options.settings,
      pinnedQueueIds: options.pinnedQueueIds,
      muted: () => this.pause.paused,
      show: (content, silent) => this.show(content, silent),
      storm: options.storm,
    });
  }

  notify(transitions: readonly Transition[]): void {
    this.gate.notify(transitions);
  }

  /**
   * A broadcast reached the desk: shown once, in the app's language (its own text, else English), with sound
   * only when critical. A pause from the tray holds it back like any notification.
   */
  notifyBroadcast(notice: BroadcastNotice): void {
    if (this.pause.paused || this.broadcastsShown.includes(notice.broadcastId)) return;
    this.broadcastsShown.push(notice.broadcastId);
    if (this.broadcastsShown.length > KEPT_NOTIFICATIONS * 5) this.broadcastsShown.shift();
    const translator = this.options.translator();
    const severity = translator.t(`broadcasts.severity.${notice.severity}`);
    this.present({ title: translator.t('broadcasts.notification.title', { severity }), body: broadcastTextIn(notice.text, translator.language), silent: notice.severity !== 'critical' }, null);
  }

  /** Pauses for `durationMs`, or until resumed when null. Transitions meanwhile are dropped, not saved up. */
  pauseFor(durationMs: number | null): void {
    this.cancelPauseEnd?.();
    this.cancelPauseEnd = null;
    const until = durationMs === null ? null : this.options.clock.now() + durationMs;
    if (durationMs !== null) this.cancelPauseEnd = this.options.clock.after(durationMs, () => this.resume());
    this.gate.discardGathered();
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

  private show(content: NotificationContent, silent: boolean): void {
    const { title, body } = renderNotification(content, this.options.translator().t);
    this.present({ title, body, silent }, content.queueId);
  }

  /** `queueId`: the queue a click shows; null just brings the desk forward. */
  private present(options: { title: string; body: string; silent: boolean }, queueId: string | null): void {
    const notification = this.options.createNotification(options);
    this.kept.push(notification);
    if (this.kept.length > KEPT_NOTIFICATIONS) this.kept.shift();
    notification.on('click', () => (queueId === null ? this.options.onOpen?.() : this.options.onClick(queueId)));
    notification.on('close', () => {
      const index = this.kept.indexOf(notification);
      if (index >= 0) this.kept.splice(index, 1);
    });
    notification.show();
  }
}
