import { isHhMm } from '../../../shared/time/hh-mm';
import { DEFAULT_NOTIFICATION_SETTINGS, type DeskBridgeSeam, type NotificationSettings } from './desk-bridge';
import { Listeners } from './listeners';

/** The lead's notification choices: scope and quiet hours. Same shape in the browser and the app. */
export interface SettingsStore {
  get(): NotificationSettings;
  set(settings: NotificationSettings): void;
  subscribe(listener: () => void): () => void;
}

export const NOTIFICATION_SETTINGS_KEY = 'queueboard.desk.notifications';

export function parseSettings(value: unknown): NotificationSettings {
  const d = DEFAULT_NOTIFICATION_SETTINGS;
  if (typeof value !== 'object' || value === null) return d;
  const v = value as { scope?: unknown; quietHours?: Record<string, unknown> };
  const q = v.quietHours ?? {};
  return {
    scope: v.scope === 'all' ? 'all' : 'pinned',
    quietHours: {
      enabled: q.enabled === true,
      start: typeof q.start === 'string' && isHhMm(q.start) ? q.start : d.quietHours.start,
      end: typeof q.end === 'string' && isHhMm(q.end) ? q.end : d.quietHours.end,
      mode: q.mode === 'suppress' ? 'suppress' : 'silent',
    },
  };
}

export function createLocalSettingsStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null): SettingsStore {
  const listeners = new Listeners();
  let settings: NotificationSettings;
  try {
    settings = parseSettings(JSON.parse(storage?.getItem(NOTIFICATION_SETTINGS_KEY) ?? 'null'));
  } catch {
    settings = DEFAULT_NOTIFICATION_SETTINGS;
  }
  return {
    get: () => settings,
    set(next) {
      settings = next;
      try {
        storage?.setItem(NOTIFICATION_SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // Blocked storage: the choice holds for this session.
      }
      listeners.emit();
    },
    subscribe: (listener) => listeners.add(listener),
  };
}

type SettingsBridge = Required<Pick<DeskBridgeSeam, 'getNotificationSettings' | 'setNotificationSettings'>>;

export function hasSettingsBridge(bridge: DeskBridgeSeam | null): bridge is SettingsBridge & DeskBridgeSeam {
  return !!bridge && typeof bridge.getNotificationSettings === 'function' && typeof bridge.setNotificationSettings === 'function';
}

/** In the app, main keeps the settings (its notifier applies quiet hours); the answer has the last word. */
export function createBridgeSettingsStore(bridge: SettingsBridge, onError: (message: string) => void): SettingsStore {
  const listeners = new Listeners();
  let settings = DEFAULT_NOTIFICATION_SETTINGS;
  const accept = (next: NotificationSettings) => {
    settings = next;
    listeners.emit();
  };
  const fail = (what: string) => (error: unknown) => onError(`The app could not ${what} the notification settings: ${error instanceof Error ? error.message : String(error)}`);
  bridge.getNotificationSettings().then(accept, fail('read'));
  return {
    get: () => settings,
    set(next) {
      const before = settings;
      accept(next);
      bridge.setNotificationSettings(next).then(accept, (error: unknown) => {
        accept(before);
        fail('save')(error);
      });
    },
    subscribe: (listener) => listeners.add(listener),
  };
}
