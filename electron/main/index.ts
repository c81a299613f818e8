// Wiring only: every decision lives in the services imported below, each tested with fakes.
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, protocol, safeStorage, screen, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { createAppRequestHandler, registerAppScheme } from './app-protocol';
import type { DeskShell } from './desk/desk-shell';
import { startElectronDesk } from './desk/desk-electron';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-router';
import { LaunchOptionsError, parseLaunchOverrides, resolveLaunchOptions } from './launch-options';
import { mainTranslator } from './main-language';
import { openWindow } from './main-window';
import { createSettingsService } from './settings/settings-service';
import { createTokenVault } from './settings/token-vault';
import { claimSingleInstance, raiseWindow } from './single-instance';
import { createLoginItem } from './wall/login-item';
import { startWallMode } from './wall/wall-mode';
import { createRefusalLog, guardSession, guardWebContents } from './web-contents-guard';
import { buildWindowOptions } from './window-options';

// This file is bundled to dist/electron/main.cjs: the preload sits beside it, the renderer in dist/renderer.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');

const log = (message: string) => console.log(`[queueboard] ${message}`);
const warn = (message: string) => console.warn(`[queueboard] ${message}`);
const logError = (message: string) => console.error(`[queueboard] ${message}`);
const refuse = createRefusalLog(warn);
/** The system's languages, for main's words until (or unless) the app settings name one. */
const systemLocales = () => app.getPreferredSystemLanguages();

function readLaunchOverridesOrQuit() {
  try {
    return parseLaunchOverrides(process.argv, process.env);
  } catch (error) {
    logError((error as Error).message);
    dialog.showErrorBox(mainTranslator(null, systemLocales()).t('main.dialog.cannotStart'), (error as Error).message);
    app.exit(2);
    return null;
  }
}

// Wall mode: a second start may come before the window exists; until then there is nothing to raise.
let bringToFront = () => {};
// Desk mode's tray and notifications, once started: a saved language change reaches them.
let desk: DeskShell | null = null;

const launchOverrides = readLaunchOverridesOrQuit();
if (launchOverrides && claimSingleInstance(app, () => bringToFront(), log)) {
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, refuse));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(async () => {
      guardSession(session.defaultSession, refuse);
      const loginItem = createLoginItem({
        app,
        platform: process.platform,
        fs,
        // appData is $XDG_CONFIG_HOME or ~/.config on Linux, the only platform that uses this folder.
        autostartDir: join(app.getPath('appData'), 'autostart'),
        executable: process.env['APPIMAGE'] ?? process.execPath,
        commandLine: launchOverrides,
        log: warn,
      });
      // App settings: read after ready, because safeStorage needs the OS keyring, which Linux offers only then.
      const settings = createSettingsService({
        filePath: join(app.getPath('userData'), 'settings.json'),
        fs,
        platform: process.platform,
        vault: createTokenVault(safeStorage),
        commandLine: launchOverrides,
        now: Date.now,
        log: warn,
        onSaved: (saved) => {
          void loginItem.sync(saved);
          desk?.setTranslator(mainTranslator(saved.language, systemLocales()));
        },
      });
      const launchOptions = resolveLaunchOptions((await settings.load()).settings, launchOverrides);
      void loginItem.sync(settings.state().settings);
      protocol.handle(
        APP_SCHEME,
        createAppRequestHandler({ rendererDir: RENDERER_DIR, gatewayUrl: launchOptions.gatewayUrl, readFile: fs.readFile, logError }),
      );
      const windowOptions = buildWindowOptions({ ...launchOptions, preloadPath: PRELOAD_PATH, screen, warn });
      // Desk mode (issue 7): pins, pin window, notifications and tray; a wall screen has none of them.
      const translator = mainTranslator(settings.state().settings.language, systemLocales());
      desk = launchOptions.mode === 'desk' ? await startElectronDesk(windowOptions, translator, logError) : null;
      registerIpcHandlers(ipcMain, createIpcHandlers({ launchOptions, settings, desk: desk?.services }), logError);
      const createWindow = () => {
        const window = new BrowserWindow(windowOptions);
        bringToFront = () => raiseWindow(window);
        if (launchOptions.mode === 'wall') {
          // Attached before the page loads, so the first page already has no cursor.
          const timers = { setTimeout, clearTimeout };
          bringToFront = startWallMode({ window, screen, powerSaveBlocker, display: launchOptions.display, timers, now: Date.now, log }).reassert;
        }
        return window;
      };
      const window = await openWindow(createWindow, APP_ENTRY_URL, logError);
      if (desk) {
        const shell = desk;
        app.on('before-quit', () => shell.appQuitting());
        // The desk window holds the gateway socket: without it the pin window and tray would show stale data.
        window.on('closed', () => app.quit());
        await shell.attachDeskWindow(window);
      }
    })
    .catch((error: unknown) => {
      // A gateway the token may not travel to is known only once the settings are read: said like a bad flag.
      if (error instanceof LaunchOptionsError) {
        logError(error.message);
        dialog.showErrorBox(mainTranslator(null, systemLocales()).t('main.dialog.cannotStart'), error.message);
        app.exit(2);
        return;
      }
      logError(`Startup failed: ${(error as Error).stack ?? String(error)}`);
      app.exit(1);
    });
}
