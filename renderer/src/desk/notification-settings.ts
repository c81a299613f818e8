import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  type NotificationSettings,
} from '../../../shared/ipc/desk-contract';
import type { Message } from '../../../shared/i18n/translator';
import type { DeskBridgeSeam } from './desk-bridge';
import { Listeners } from './listeners';

/** The lead's notification choices: scope and quiet hours. Same shape in the browser and the app. */
export interface SettingsStore {
  get(): NotificationSettings;
  set(settings: NotificationSettings): void;
  subscribe(listener: () => void): () => void;
}

export const NOTIFICATION_SETTINGS_KEY = 'queueboard.desk.notifications';

/** Settings saved by this browser, checked with the schema main uses; anything it refuses means the defaults. */
export function parseSettings(value: unknown): NotificationSettings {
  const parsed = NotificationSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS;
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
export function createBridgeSettingsStore(bridge: SettingsBridge, onError: (problem: Message) => void): SettingsStore {
  const listeners = new Listeners();
  let settings = DEFAULT_NOTIFICATION_SETTINGS;
  const accept = (next: NotificationSettings) => {
    settings = next;
    listeners.emit();
  };
  const fail = (key: string) => (error: unknown) => onError({ key, params: { error: error instanceof Error ? error.message : String(error) } });
  bridge.getNotificationSettings().then(accept, fail('main.problem.readSettings'));
  return {
    get: () => settings,
    set(next) {
      const before = settings;
      accept(next);
      bridge.setNotificationSettings(next).then(accept, (error: unknown) => {
        accept(before);
        fail('main.problem.saveSettings')(error);
      });
    },
    subscribe: (listener) => listeners.add(listener),
  };
}
