import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../shared/ipc/desk-contract';
import { createLocalSettingsStore, NOTIFICATION_SETTINGS_KEY, parseSettings } from './notification-settings';

const quiet = { enabled: true, start: '22:30', end: '06:00', mode: 'suppress' as const };

describe('browser notification settings', () => {
  it('reads back what was saved', () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    createLocalSettingsStore(fake).set({ scope: 'all', quietHours: quiet });
    expect(JSON.parse(storage.get(NOTIFICATION_SETTINGS_KEY)!)).toEqual({ scope: 'all', quietHours: quiet });
    expect(createLocalSettingsStore(fake).get()).toEqual({ scope: 'all', quietHours: quiet });
  });

  it('checks saved settings with the schema main uses: anything it refuses means the defaults', () => {
    expect(parseSettings({ scope: 'all', quietHours: quiet })).toEqual({ scope: 'all', quietHours: quiet });
    expect(parseSettings({ scope: 'all', quietHours: { ...quiet, start: '7:00' } })).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(parseSettings({ scope: 'everything', quietHours: quiet })).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });
});
