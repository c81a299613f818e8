// Wiring only: every decision lives in the services imported below, each tested with fakes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { createAppRequestHandler, registerAppScheme } from './app-protocol';
import { startElectronDesk } from './desk/desk-electron';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-router';
import { parseLaunchOptions } from './launch-options';
import { openWindow } from './main-window';
import { createRefusalLog, guardSession, guardWebContents } from './web-contents-guard';
import { buildWindowOptions } from './window-options';

// This file is bundled to dist/electron/main.cjs: the preload sits beside it, the renderer in dist/renderer.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');

const warn = (message: string) => console.warn(`[queueboard] ${message}`);
const logError = (message: string) => console.error(`[queueboard] ${message}`);
const refuse = createRefusalLog(warn);

function readLaunchOptionsOrQuit() {
  try {
    return parseLaunchOptions(process.argv, process.env);
  } catch (error) {
    logError((error as Error).message);
    dialog.showErrorBox('Queueboard cannot start', (error as Error).message);
    app.exit(2);
    return null;
  }
}

const launchOptions = readLaunchOptionsOrQuit();
if (launchOptions) {
  registerAppScheme(protocol);
  // Seam for the single-instance lock (a later issue): take it here, before whenReady, and quit a second instance.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, refuse));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(async () => {
      guardSession(session.defaultSession, refuse);
      protocol.handle(
        APP_SCHEME,
        createAppRequestHandler({ rendererDir: RENDERER_DIR, gatewayUrl: launchOptions.gatewayUrl, readFile, logError }),
      );
      const windowOptions = buildWindowOptions({ ...launchOptions, preloadPath: PRELOAD_PATH, screen, warn });
      // Desk mode (issue 7): pins, pin window, notifications and tray; a wall screen has none of them.
      const desk = launchOptions.mode === 'desk' ? await startElectronDesk(windowOptions, logError) : null;
      registerIpcHandlers(ipcMain, createIpcHandlers({ launchOptions, desk: desk?.services }), logError);
      const window = await openWindow(() => new BrowserWindow(windowOptions), APP_ENTRY_URL, logError);
      if (desk) {
        app.on('before-quit', () => desk.appQuitting());
        // The desk window holds the gateway socket: without it the pin window and tray would show stale data.
        window.on('closed', () => app.quit());
        await desk.attachDeskWindow(window);
      }
    })
    .catch((error: unknown) => {
      logError(`Startup failed: ${(error as Error).stack ?? String(error)}`);
      app.exit(1);
    });
}
