import { followChosenDisplay, type KioskWindow, type WatchedScreen } from './display-follower';
import { watchRenderer, type RendererWatchdog, type WatchedContents, type WatchedWindow } from './renderer-watchdog';
import type { Timers } from './timers';

/** The part of Electron's powerSaveBlocker the wall uses. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
}

export interface WallContents extends WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'dom-ready', listener: () => void): unknown;
  insertCSS(css: string): Promise<string>;
}

export interface WallWindow extends KioskWindow, WatchedWindow {
  readonly webContents: WallContents;
  once(event: 'closed', listener: () => void): unknown;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface WallModeOptions {
  window: WallWindow;
  screen: WatchedScreen;
  powerSaveBlocker: PowerSaveBlockerLike;
  display: number | null;
  timers: Timers;
  now: () => number;
  log: (message: string) => void;
}

export interface WallMode {
  /** Another start of the app asked for the wall: back to the front, in kiosk, on its display. */
  reassert(): void;
  readonly watchdog: RendererWatchdog;
}

/** Nobody points at a wall; a cursor left in the middle of it is just in the way. */
export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

/**
 * Everything a wall screen needs beyond its kiosk window: attach it to the window before the page
 * loads, so the first page already has no cursor.
 */
export function startWallMode({ window, screen, powerSaveBlocker, display, timers, now, log }: WallModeOptions): WallMode {
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  // Inserted CSS lasts one page load; the watchdog's reloads make new ones.
  window.webContents.on('dom-ready', () => {
    window.webContents.insertCSS(HIDE_CURSOR_CSS).catch((error: Error) => log(`Could not hide the cursor: ${error.message}`));
  });
  const follower = followChosenDisplay({ window, screen, display, timers, log });
  const watchdog = watchRenderer({ window, timers, now, log });
  window.once('closed', () => {
    powerSaveBlocker.stop(blocker);
    follower.stop();
  });

  return {
    watchdog,
    reassert() {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      follower.placeNow();
      window.show();
      window.focus();
    },
  };
}
