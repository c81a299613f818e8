import type { BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { transition } from '../../../tests/support/desk-fixtures';
import { FakeTime } from '../../../tests/support/fake-time';
import { screenOf } from '../../../tests/support/fake-screen';
import type { NotificationLike } from './desk-notifier';
import { startDeskShell, type DeskWindow } from './desk-shell';
import type { TrayLike, TrayMenuItem } from './desk-tray';
import type { PinBrowserWindow } from './pin-window';
import type { IconRepresentation } from './tray-icon';

let userDataDir: string;
beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'queueboard-desk-'));
});
afterEach(async () => {
  await rm(userDataDir, { recursive: true, force: true });
});

const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

function fakeWindow(url: string) {
  const calls: string[] = [];
  const sent: Array<[string, unknown]> = [];
  const window = {
    isDestroyed: () => false,
    webContents: { getURL: () => url, send: (channel: string, payload: unknown) => void sent.push([channel, payload]) },
    getBounds: () => ({ x: 100, y: 100, width: 1440, height: 900 }),
    isMinimized: () => true,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  } satisfies DeskWindow;
  return { window, calls, sent };
}

async function start(notificationsSupported = true) {
  const clock = new FakeTime(Date.UTC(2026, 10, 24, 12));
  const desk = fakeWindow('app://queueboard/index.html');
  const pinsPage = fakeWindow('app://queueboard/index.html#pins');
  const notifications: Array<{ title: string; click: () => void }> = [];
  const pinWindows: BrowserWindowConstructorOptions[] = [];
  const tray = { images: [] as IconRepresentation[][], menu: [] as TrayMenuItem[], toolTip: '' };
  const errors: string[] = [];
  let quits = 0;
  const shell = await startDeskShell<IconRepresentation[], TrayMenuItem[]>({
    userDataDir,
    platform: 'linux',
    clock,
    minuteOfDay: () => 720,
    formatTime: () => '13:00',
    translator: createTranslator('en'),
    screen: { ...screenOf(display), on: () => undefined },
    createPinWindow: (options): PinBrowserWindow => {
      pinWindows.push(options);
      return { getBounds: () => ({ x: 0, y: 0, width: 1, height: 1 }), setBounds() {}, showInactive() {}, hide() {}, on() {}, once() {}, loadURL: async () => {} };
    },
    pinWindowUrl: 'app://queueboard/index.html#pins',
    webPreferences: { sandbox: true, contextIsolation: true },
    createTray: (image): TrayLike<IconRepresentation[], TrayMenuItem[]> => {
      tray.images.push(image);
      return {
        setImage: (i) => void tray.images.push(i),
        setToolTip: (t) => void (tray.toolTip = t),
        setTitle: () => undefined,
        setContextMenu: (m) => void (tray.menu = m),
        on: () => undefined,
      };
    },
    createImage: (representations) => representations,
    buildMenu: (template) => template,
    notificationsSupported,
    createNotification: ({ title }): NotificationLike => {
      const listeners = new Map<string, () => void>();
      notifications.push({ title, click: () => listeners.get('click')?.() });
      return { on: (event, listener) => listeners.set(event, listener), show: () => undefined };
    },
    allWindows: () => [desk.window, pinsPage.window],
    quit: () => void quits++,
    logError: (m) => errors.push(m),
  });
  await shell.attachDeskWindow(desk.window);
  const item = (label: string) => tray.menu.find((i) => i.label === label);
  return { shell, clock, desk, pinsPage, notifications, pinWindows, tray, item, errors, quits: () => quits };
}

describe('startDeskShell', () => {
  it('pins: a change is saved to pins.json and pushed to the desk window and the pin window', async () => {
    const { shell, desk, pinsPage } = await start();
    await shell.services.pins.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    const pushed = ['queueboard:pins-changed', { pins: [{ kind: 'queue', id: 'lis-chat-pt' }], notice: null }];
    expect(desk.sent).toEqual([pushed]);
    expect(pinsPage.sent).toEqual([pushed]);
    expect(JSON.parse(await readFile(join(userDataDir, 'pins.json'), 'utf8'))).toEqual({ version: 1, pins: [{ kind: 'queue', id: 'lis-chat-pt' }] });
  });

  it('a notification for a pinned queue, when clicked, brings the desk window forward and shows that queue', async () => {
    const { shell, desk, notifications } = await start();
    shell.services.notifier.notify([transition()]);
    expect(notifications).toEqual([]);
    await shell.services.pins.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    shell.services.notifier.notify([transition()]);
    notifications[0]?.click();
    expect(desk.calls).toEqual(['restore', 'show', 'focus']);
    expect(desk.sent.at(-1)).toEqual(['queueboard:focus-queue', { queueId: 'lis-chat-pt' }]);
  });

  it('tray: status sets the icon and tooltip; pausing from the menu pauses notifications and offers Resume', async () => {
    const { shell, tray, item, notifications } = await start();
    shell.services.tray.setStatus({ worst: 'critical', counts: { ok: 1, warning: 1, critical: 2, stale: 0, 'no-data': 0 } });
    expect(tray.images.at(-1)?.map((r) => r.scaleFactor)).toEqual([1, 2]);
    expect(tray.toolTip).toBe('Queueboard — 2 critical, 1 warning');
    item('Pause notifications')?.submenu?.[1]?.click?.();
    await shell.services.settings.set({ ...shell.services.settings.get(), scope: 'all' });
    shell.services.notifier.notify([transition()]);
    expect(notifications).toEqual([]);
    expect(tray.toolTip).toContain('Notifications paused until resumed');
    item('Resume notifications')?.click?.();
    shell.services.notifier.notify([transition({ alertId: 'next' })]);
    expect(notifications).toHaveLength(1);
  });

  it('pin window: the tray checkbox and IPC agree, and every page hears about it', async () => {
    const { shell, item, pinWindows, desk } = await start();
    item('Show pin window')?.click?.();
    expect(pinWindows).toHaveLength(1);
    expect(pinWindows[0]).toMatchObject({ alwaysOnTop: true, frame: false });
    expect(item('Show pin window')?.checked).toBe(true);
    expect(shell.services.pinWindow.apply('toggle')).toEqual({ visible: false });
    expect(item('Show pin window')?.checked).toBe(false);
    expect(desk.sent).toEqual([
      ['queueboard:pin-window-changed', { visible: true }],
      ['queueboard:pin-window-changed', { visible: false }],
    ]);
  });

  it('Quit in the tray quits; without system notifications it says so once and still works', async () => {
    const { item, quits } = await start();
    item('Quit Queueboard')?.click?.();
    expect(quits()).toBe(1);
    const unsupported = await start(false);
    unsupported.shell.services.notifier.notify([transition()]);
    expect(unsupported.errors).toEqual(['Desktop notifications are not supported on this system; the tray still shows status.']);
  });

  it('speaks the app settings\' language, and follows a change of it: tray, notifications, pin window title', async () => {
    const { shell, item, notifications, pinWindows } = await start();
    await shell.services.pins.setPinned({ kind: 'queue', id: 'lis-chat-pt', pinned: true });
    shell.setTranslator(createTranslator('pt'));
    expect(item('Abrir o Queueboard')).toBeDefined();
    shell.services.notifier.notify([transition()]);
    expect(notifications.map((n) => n.title)).toEqual(['Chat Portugal está em estado crítico']);
    item('Mostrar a janela de filas fixadas')?.click?.();
    expect(pinWindows[0]?.title).toBe('Queueboard — filas fixadas');
    shell.setTranslator(createTranslator('nl'));
    expect(item('Queueboard afsluiten')).toBeDefined();
  });
});
