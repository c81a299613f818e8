// Wiring only: hands Electron's real APIs to the desk services (desk-shell.ts), which are tested with fakes.
import {
  app,
  BrowserWindow,
  Menu,
  nativeImage,
  Notification,
  screen,
  Tray,
  type NativeImage,
} from 'electron';
import type { Translator } from '../../../shared/i18n/translator';
import { APP_ENTRY_URL } from '../app-origin';
import { childWindowOptions, type WindowOptions } from '../window-options';
import { localMinuteOfDay, systemClock } from './clock';
import { startDeskShell, type DeskShell } from './desk-shell';

/** The renderer's pin view: the same page as the desk window, on its own route. */
export const PIN_WINDOW_URL = `${APP_ENTRY_URL}#pins`;
/** electron-builder.yml's appId: the installer registers it, and Windows shows notifications only for it. */
const APP_USER_MODEL_ID = 'com.queueboard.app';

export function startElectronDesk(
  mainWindowOptions: WindowOptions,
  translator: Translator,
  logError: (message: string) => void,
): Promise<DeskShell> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  return startDeskShell<NativeImage, Menu>({
    userDataDir: app.getPath('userData'),
    platform: process.platform,
    clock: systemClock,
    minuteOfDay: localMinuteOfDay,
    formatTime: (ms, locale) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(ms),
    translator,
    screen,
    createPinWindow: (options) => new BrowserWindow(childWindowOptions(mainWindowOptions, options)),
    pinWindowUrl: PIN_WINDOW_URL,
    webPreferences: mainWindowOptions.webPreferences,
    createTray: (image) => new Tray(image),
    createImage: (representations) => {
      const image = nativeImage.createEmpty();
      for (const { scaleFactor, png } of representations) image.addRepresentation({ scaleFactor, buffer: png });
      return image;
    },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    notificationsSupported: Notification.isSupported(),
    createNotification: (options) => new Notification(options),
    allWindows: () => BrowserWindow.getAllWindows(),
    quit: () => app.quit(),
    logError,
  });
}
