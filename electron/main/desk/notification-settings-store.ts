import { z } from 'zod';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  type NotificationSettings,
} from '../../../shared/ipc/desk-contract';
import { inEnglish, JsonFile, type JsonFileSystem } from './json-file';

const SettingsFileSchema = z.object({ version: z.literal(1), settings: NotificationSettingsSchema });

export interface NotificationSettingsStoreOptions {
  path: string;
  logError: (message: string) => void;
  fs?: JsonFileSystem;
}

/** Notification scope and quiet hours, in notification-settings.json beside pins.json. */
export class NotificationSettingsStore {
  private readonly file;
  private settings: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS;

  constructor(private readonly options: NotificationSettingsStoreOptions) {
    this.file = new JsonFile({
      path: options.path,
      schema: SettingsFileSchema,
      fallback: { version: 1 as const, settings: DEFAULT_NOTIFICATION_SETTINGS },
      label: 'main.file.notificationSettings',
      fs: options.fs,
    });
  }

  async load(): Promise<NotificationSettings> {
    const { value, notice } = await this.file.load();
    if (notice) this.options.logError(inEnglish(notice));
    this.settings = value.settings;
    return this.settings;
  }

  get(): NotificationSettings {
    return this.settings;
  }

  /** Takes effect at once (the notifier reads get() on every transition) and is saved for the next start. */
  async set(settings: NotificationSettings): Promise<NotificationSettings> {
    this.settings = settings;
    await this.file.save({ version: 1, settings });
    return settings;
  }
}
