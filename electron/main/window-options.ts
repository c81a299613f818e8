import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { AppMode } from '../../shared/ipc/ipc-contract';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `screen` the window needs; the real one fits, tests pass a fake. */
export interface DisplayScreen {
  getAllDisplays(): ReadonlyArray<{ bounds: Bounds; workArea: Bounds }>;
  getPrimaryDisplay(): { bounds: Bounds; workArea: Bounds };
}

export interface WindowOptionsInput {
  mode: AppMode;
  /** Index into screen.getAllDisplays(); null: the primary display for a wall, the OS's choice for a desk. */
  display: number | null;
  preloadPath: string;
  screen: DisplayScreen;
  warn: (message: string) => void;
}

/** Painted before the first frame, so a wall never flashes white; matches the renderer's dark theme. */
export const WINDOW_BACKGROUND = '#0b0f17';
export const DESK_SIZE = { width: 1440, height: 900 } as const;

/**
 * The web preferences every window has, as types as well as values: options that spread these and turn
 * one off, or assign to one, no longer type-check as WindowOptions.
 */
export interface LockedWebPreferences extends WebPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
}

declare const builtByWindowOptions: unique symbol;
/**
 * Options made here, with the locked-down web preferences: the only kind `new BrowserWindow` is given.
 * The brand exists only for the type checker; tests/tooling/browser-window-options.test.ts fails for
 * any window whose options have another type, and for a cast to this type outside this file.
 */
export type WindowOptions = BrowserWindowConstructorOptions & {
  readonly webPreferences: LockedWebPreferences;
  readonly [builtByWindowOptions]: true;
};

export function buildWindowOptions(input: WindowOptionsInput): WindowOptions {
  const display = pickDisplay(input);
  const webPreferences: LockedWebPreferences = {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
  const base: BrowserWindowConstructorOptions = {
    title: 'Queueboard',
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences,
  };
  if (input.mode === 'wall') {
    // A wall with no display chosen fills the primary one, where the display follower keeps it.
    return { ...base, ...(display ?? input.screen.getPrimaryDisplay()).bounds, fullscreen: true, kiosk: true } as WindowOptions;
  }
  return {
    ...base,
    ...DESK_SIZE,
    minWidth: 960,
    minHeight: 600,
    ...(display ? centreIn(display.workArea, DESK_SIZE) : { center: true }),
  } as WindowOptions;
}

/**
 * A further window of the app (the pin window): its own size and chrome, the main window's web
 * preferences whatever `own` says about them, so it is exactly as locked down.
 */
export function childWindowOptions(main: WindowOptions, own: BrowserWindowConstructorOptions): WindowOptions {
  return { ...own, webPreferences: main.webPreferences } as WindowOptions;
}

function pickDisplay({ display, screen, warn }: WindowOptionsInput): { bounds: Bounds; workArea: Bounds } | null {
  if (display === null) return null;
  const displays = screen.getAllDisplays();
  const chosen = displays[display];
  if (chosen) return chosen;
  // The index comes from --display or from the settings; say it the same way for both.
  warn(
    `Display ${display} does not exist (this machine has ${displays.length}, ` +
      `numbered 0 to ${displays.length - 1}); using the primary display.`,
  );
  return screen.getPrimaryDisplay();
}

function centreIn(area: Bounds, size: { width: number; height: number }): Bounds {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}
