import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Translator } from '../../../shared/i18n/translator';
import type { TrayStatusLevel } from '../../../shared/ipc/desk-contract';
import type { Bounds } from '../window-options';
import type { DeskClock } from './clock';
import type { DeskIpcServices } from './desk-ipc-handlers';
import { DeskNotifier, type NotificationLike } from './desk-notifier';
import { DeskTray, type TrayLike, type TrayMenuItem } from './desk-tray';
import { createEventSender, type EventTarget } from './event-sender';
import { JsonFile } from './json-file';
import { NotificationSettingsStore } from './notification-settings-store';
import { PinStore } from './pin-store';
import { NO_PIN_WINDOW_FILE, PinWindow, PinWindowFileSchema, type DisplayEvents, type PinBrowserWindow } from './pin-window';
import type { PlacementScreen } from './pin-window-placement';
import { trayIconRepresentations, type IconRepresentation } from './tray-icon';

/** The desk window as the desk services see it. */
export interface DeskWindow extends EventTarget {
  getBounds(): Bounds;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Electron, as far as desk mode needs it; index.ts passes the real APIs, tests pass fakes. */
export interface DeskShellOptions<Image, Menu> {
  /** app.getPath('userData'): pins.json, notification-settings.json and pin-window.json live here. */
  userDataDir: string;
  platform: string;
  clock: DeskClock;
  minuteOfDay: (epochMs: number) => number;
  /** "14:30" in a locale (Intl), for the tray's "paused until". */
  formatTime: (epochMs: number, locale: string) => string;
  /** The words of the tray, notifications and pin window, in the app settings' language at start. */
  translator: Translator;
  screen: PlacementScreen & DisplayEvents;
  createPinWindow: (options: BrowserWindowConstructorOptions) => PinBrowserWindow;
  pinWindowUrl: string;
  webPreferences: BrowserWindowConstructorOptions['webPreferences'];
  createTray: (image: Image) => TrayLike<Image, Menu>;
  createImage: (representations: IconRepresentation[]) => Image;
  buildMenu: (template: TrayMenuItem[]) => Menu;
  /** Notification.isSupported() */
  notificationsSupported: boolean;
  createNotification: (options: { title: string; body: string; silent: boolean }) => NotificationLike;
  /** Every window of the app (BrowserWindow.getAllWindows), for events that all pages must see. */
  allWindows: () => readonly EventTarget[];
  quit: () => void;
  logError: (message: string) => void;
}

export interface DeskShell {
  services: DeskIpcServices;
  /** Once the desk window exists: notifications focus it and the pin window opens near it. */
  attachDeskWindow(window: DeskWindow): Promise<void>;
  /** Call on app 'before-quit'. */
  appQuitting(): void;
  /** The app settings' language changed: the tray and later notifications follow. */
  setTranslator(translator: Translator): void;
}

/** Puts desk mode together: pins, notification settings, notifier, pin window and tray, talking to each other. */
export async function startDeskShell<Image, Menu>(options: DeskShellOptions<Image, Menu>): Promise<DeskShell> {
  const { userDataDir, clock, logError } = options;
  const send = createEventSender(logError);
  let deskWindow: DeskWindow | null = null;
  let translator = options.translator;
  const live = (window: DeskWindow | null) => (window && !window.isDestroyed() ? window : null);

  const pins = new PinStore({ path: join(userDataDir, 'pins.json'), logError, translator: () => translator });
  const settings = new NotificationSettingsStore({ path: join(userDataDir, 'notification-settings.json'), logError });
  await Promise.all([pins.load(), settings.load()]);
  pins.onChange((state) => send(options.allWindows(), 'queueboard:pins-changed', state));

  const openDesk = () => {
    const window = live(deskWindow);
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  if (!options.notificationsSupported) logError('Desktop notifications are not supported on this system; the tray still shows status.');
  const notifier = new DeskNotifier({
    createNotification: options.notificationsSupported ? options.createNotification : () => silentNotification,
    clock,
    minuteOfDay: options.minuteOfDay,
    settings: () => settings.get(),
    pinnedQueueIds: () => pins.pinnedQueueIds(),
    translator: () => translator,
    onClick: (queueId) => {
      openDesk();
      const window = live(deskWindow);
      if (window) send([window], 'queueboard:focus-queue', { queueId });
    },
    onOpen: () => openDesk(),
    // The tray is made below; these callbacks run only later, on a pause or a visibility change.
    onPauseChange: (state) => tray.setPause(state),
  });

  const pinWindow = new PinWindow({
    createWindow: options.createPinWindow,
    webPreferences: options.webPreferences,
    url: options.pinWindowUrl,
    screen: options.screen,
    deskBounds: () => live(deskWindow)?.getBounds() ?? null,
    file: new JsonFile({ path: join(userDataDir, 'pin-window.json'), schema: PinWindowFileSchema, fallback: NO_PIN_WINDOW_FILE, label: 'main.file.pinWindowPlace' }),
    clock,
    onVisibilityChange: (state) => {
      tray.setPinWindowVisible(state.visible);
      send(options.allWindows(), 'queueboard:pin-window-changed', state);
    },
    logError,
    title: () => translator.t('main.window.pins'),
  });

  const tray = new DeskTray({
    createTray: options.createTray,
    createImage: (status: TrayStatusLevel) => options.createImage(trayIconRepresentations(status)),
    buildMenu: options.buildMenu,
    platform: options.platform,
    formatTime: options.formatTime,
    translator,
    actions: {
      openDesk,
      setPinWindowVisible: (visible) => pinWindow.apply(visible ? 'show' : 'hide'),
      pauseFor: (ms) => notifier.pauseFor(ms),
      resume: () => notifier.resume(),
      quit: options.quit,
    },
  });

  return {
    services: { pins, notifier, tray, pinWindow, settings },
    async attachDeskWindow(window) {
      deskWindow = window;
      await pinWindow.restore();
    },
    appQuitting: () => pinWindow.appQuitting(),
    setTranslator(next) {
      translator = next;
      tray.setTranslator(next);
    },
  };
}

/** Stands in where the system has no notifications, so the notifier's rules (dedupe, pause) still hold. */
const silentNotification: NotificationLike = { on: () => undefined, show: () => undefined };
