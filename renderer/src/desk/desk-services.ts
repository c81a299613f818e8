import { broadcastTextIn } from '../../../shared/broadcasts/broadcast-view';
import type { Message, Translator } from '../../../shared/i18n/translator';
import type { BroadcastNotice, TrayStatus } from '../../../shared/ipc/desk-contract';
import { findDeskBridge } from './desk-bridge';
import { Listeners } from './listeners';
import { createBridgeSettingsStore, createLocalSettingsStore, hasSettingsBridge, type SettingsStore } from './notification-settings';
import { BrowserNotifier, createBridgeNotifier, type Notifier, type WebNotifications } from './notifier';
import { createBridgePinStore, createLocalPinStore, hasPinBridge, type PinStore } from './pin-store';

/** What the desk view needs beyond the gateway: where pins live, how to notify, the tray. */
export interface DeskServices {
  pins: PinStore;
  settings: SettingsStore;
  notifier: Notifier;
  /** A broadcast came onto the walls: the app's notification (main, in the app's language), or the browser's in `translator`'s. */
  notifyBroadcast: (notice: BroadcastNotice, translator: Translator) => void;
  /** Browser notifications' permission; null in the app, where main shows notifications. */
  permission: { get(): NotificationPermission | 'unsupported'; request(): Promise<unknown> } | null;
  /** Null where there is no tray (a browser). */
  setTrayStatus: ((status: TrayStatus) => void) | null;
  /** The app's always-on-top pin window; null in a browser, where the pins view is a page of its own. */
  togglePinWindow: (() => void) | null;
  /** A notification was clicked: show this queue. */
  onFocusQueue(listener: (queueId: string) => void): () => void;
  /** Problems the lead should see (a notification that could not be shown), put in a language by the view. */
  problems: { get(): Message | null; subscribe(listener: () => void): () => void };
}

function browserNotifications(win: Window): WebNotifications {
  const api = (win as unknown as { Notification?: typeof Notification }).Notification;
  return {
    permission: () => (api ? api.permission : 'unsupported'),
    show: (title, options, onClick) => {
      if (!api) return;
      const notification = new api(title, options);
      notification.onclick = () => {
        notification.close();
        onClick();
      };
    },
  };
}

/** Built once per page from what the page has: the app's bridge verbs where present, else the browser's. */
export function createDeskServices(win: Window): DeskServices {
  const bridge = findDeskBridge(win);
  const problemListeners = new Listeners();
  let problem: Message | null = null;
  const report = (message: Message) => {
    problem = message;
    problemListeners.emit();
  };
  const focusListeners = new Set<(queueId: string) => void>();
  const focus = (queueId: string) => focusListeners.forEach((listener) => listener(queueId));

  const settings = hasSettingsBridge(bridge) ? createBridgeSettingsStore(bridge, report) : createLocalSettingsStore(safeStorage(win));
  const pins = hasPinBridge(bridge) ? createBridgePinStore(bridge) : createLocalPinStore(win);
  const notifications = browserNotifications(win);
  const notifier = bridge?.notifyTransitions
    ? createBridgeNotifier(bridge.notifyTransitions.bind(bridge), report)
    : new BrowserNotifier({
        api: notifications,
        clock: {
          now: () => Date.now(),
          after: (ms, task) => {
            const timer = win.setTimeout(task, ms);
            return () => win.clearTimeout(timer);
          },
        },
        minuteOfDay: (at) => new Date(at).getHours() * 60 + new Date(at).getMinutes(),
        settings: () => settings.get(),
        pinnedQueueIds: () => new Set(pins.get().pins.flatMap((pin) => (pin.kind === 'queue' ? [pin.id] : []))),
        onClick: (queueId) => {
          win.focus();
          focus(queueId);
        },
      });
  const api = (win as unknown as { Notification?: typeof Notification }).Notification;
  const notifyBroadcast: DeskServices['notifyBroadcast'] = bridge?.notifyBroadcast
    ? (notice) => void bridge.notifyBroadcast!(notice).catch((error: unknown) => report({ key: 'main.problem.notify', params: { error: String(error) } }))
    : (notice, translator) => {
        if (notifications.permission() !== 'granted') return;
        const title = translator.t('broadcasts.notification.title', { severity: translator.t(`broadcasts.severity.${notice.severity}`) });
        notifications.show(title, { body: broadcastTextIn(notice.text, translator.language), tag: `broadcast-${notice.broadcastId}`, silent: notice.severity !== 'critical' }, () => win.focus());
      };
  return {
    pins,
    settings,
    notifier,
    notifyBroadcast,
    permission: bridge?.notifyTransitions ? null : { get: notifications.permission, request: () => api?.requestPermission() ?? Promise.resolve('unsupported') },
    setTrayStatus: bridge?.setTrayStatus
      ? (status) => void bridge.setTrayStatus!(status).catch((error: unknown) => report({ key: 'main.problem.tray', params: { error: String(error) } }))
      : null,
    togglePinWindow: bridge?.togglePinWindow
      ? () => void bridge.togglePinWindow!().catch((error: unknown) => report({ key: 'main.problem.pinWindow', params: { error: String(error) } }))
      : null,
    onFocusQueue(listener) {
      focusListeners.add(listener);
      const fromApp = bridge?.onFocusQueue?.(listener);
      return () => {
        focusListeners.delete(listener);
        fromApp?.();
      };
    },
    problems: { get: () => problem, subscribe: (listener) => problemListeners.add(listener) },
  };
}

function safeStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
