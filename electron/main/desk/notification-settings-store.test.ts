import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../../../shared/ipc/desk-contract';
import { NotificationSettingsStore } from './notification-settings-store';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-settings-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function open() {
  const errors: string[] = [];
  const store = new NotificationSettingsStore({ path: join(folder, 'notification-settings.json'), logError: (m) => errors.push(m) });
  await store.load();
  return { store, errors };
}

describe('NotificationSettingsStore', () => {
  it('defaults to pinned queues with quiet hours off', async () => {
    const { store } = await open();
    expect(store.get()).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(store.get()).toMatchObject({ scope: 'pinned', quietHours: { enabled: false } });
  });

  it('keeps settings across a restart, in effect at once', async () => {
    const changed: NotificationSettings = { scope: 'all', quietHours: { enabled: true, start: '21:30', end: '06:45', mode: 'suppress' } };
    const { store } = await open();
    await store.set(changed);
    expect(store.get()).toEqual(changed);
    expect((await open()).store.get()).toEqual(changed);
  });

  it('falls back to the defaults with a logged notice when the file is broken', async () => {
    await writeFile(join(folder, 'notification-settings.json'), '{"version":1,"settings":{"scope":"some"}}');
    const { store, errors } = await open();
    expect(store.get()).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(errors).toEqual([expect.stringContaining('settings.scope: ')]);
  });
});
