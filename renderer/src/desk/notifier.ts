import { NotificationGate, type GateClock, type StormLimits } from '../../../shared/desk/notification-gate';
import { renderNotification } from '../../../shared/desk/notification-rules';
import type { Message, Translator } from '../../../shared/i18n/translator';
import type { NotificationSettings, Transition } from '../../../shared/ipc/desk-contract';
import type { DeskBridgeSeam } from './desk-bridge';

/** Hands transitions to whatever tells the lead: the app's notifications, or the browser's. */
export interface Notifier {
  /** `translator`: the page's language, for the words of notifications the page shows itself. */
  notify(transitions: readonly Transition[], translator: Translator): void;
}

/** In the app, main decides how to show them, in the app's language (the same shared rules, plus pauses). */
export function createBridgeNotifier(notifyTransitions: NonNullable<DeskBridgeSeam['notifyTransitions']>, onError: (problem: Message) => void): Notifier {
  return {
    notify(transitions) {
      if (transitions.length === 0) return;
      notifyTransitions([...transitions]).catch((error: unknown) =>
        onError({ key: 'main.problem.notify', params: { error: error instanceof Error ? error.message : String(error) } }),
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

export interface BrowserNotifierOptions {
  api: WebNotifications;
  clock: GateClock;
  /** Local minute of the day (0–1439); quiet hours are the laptop's local time. */
  minuteOfDay: (at: number) => number;
  settings: () => NotificationSettings;
  pinnedQueueIds: () => ReadonlySet<string>;
  onClick: (queueId: string) => void;
  storm?: StormLimits;
}

/**
 * Browser notifications. What to show is the shared gate's call, as in the app (critical and at risk,
 * each alert once, in scope, quiet hours, storms folded into one); this adds the browser's permission,
 * its Notification objects and the page's language. A click brings the page forward and shows the queue.
 */
export class BrowserNotifier implements Notifier {
  private readonly gate: NotificationGate;
  private translator: Translator | null = null;
  private shown = 0;

  constructor(private readonly options: BrowserNotifierOptions) {
    this.gate = new NotificationGate({
      clock: options.clock,
      minuteOfDay: options.minuteOfDay,
      settings: options.settings,
      pinnedQueueIds: options.pinnedQueueIds,
      show: (content, silent) => {
        if (!this.translator) return;
        const { title, body } = renderNotification(content, this.translator.t);
        // A tag per notification: the browser would otherwise replace one with the next of the same tag.
        const tag = `queueboard-${++this.shown}`;
        options.api.show(title, { body, tag, silent }, () => options.onClick(content.queueId));
      },
      storm: options.storm,
    });
  }

  notify(transitions: readonly Transition[], translator: Translator): void {
    if (transitions.length === 0 || this.options.api.permission() !== 'granted') return;
    this.translator = translator;
    this.gate.notify(transitions);
  }
}
