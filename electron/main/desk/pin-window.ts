import type { BrowserWindowConstructorOptions } from 'electron';
import { z } from 'zod';
import type { PinWindowState } from '../../../shared/ipc/desk-contract';
import { WINDOW_BACKGROUND, type Bounds } from '../window-options';
import type { DeskClock } from './clock';
import { inEnglish, type JsonFile } from './json-file';
import { keepInside, PIN_WINDOW_MIN_SIZE, placePinWindow, sameBounds, type PlacementScreen } from './pin-window-placement';

const BoundsSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
/** pin-window.json: where the lead left the window (null until moved) and whether it was open. */
export const PinWindowFileSchema = z.object({ version: z.literal(1), bounds: BoundsSchema.nullable(), visible: z.boolean() });
export type PinWindowFile = z.infer<typeof PinWindowFileSchema>;
export const NO_PIN_WINDOW_FILE: PinWindowFile = { version: 1, bounds: null, visible: false };

/** The part of a BrowserWindow the pin window uses; the real one fits, tests pass a fake. */
export interface PinBrowserWindow {
  getBounds(): Bounds;
  setBounds(bounds: Bounds): void;
  showInactive(): void;
  hide(): void;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
}

export interface DisplayEvents {
  on(event: 'display-added', listener: () => void): unknown;
  on(event: 'display-removed', listener: () => void): unknown;
  on(event: 'display-metrics-changed', listener: () => void): unknown;
}

export interface PinWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => PinBrowserWindow;
  /** The main window's web preferences, so the pin window is exactly as locked down. */
  webPreferences: BrowserWindowConstructorOptions['webPreferences'];
  /** The renderer's pin view, e.g. app://queueboard/index.html#pins */
  url: string;
  screen: PlacementScreen & DisplayEvents;
  /** Where the desk window is now: the pin window opens on the display nearest to it. */
  deskBounds: () => Bounds | null;
  file: Pick<JsonFile<PinWindowFile>, 'load' | 'save'>;
  clock: DeskClock;
  onVisibilityChange: (state: PinWindowState) => void;
  logError: (message: string) => void;
  /** The window's title in the app's language (task switchers show it until the page sets its own). */
  title?: () => string;
}

/** Moves arrive many times a second while dragging; the position is saved once the window rests. */
const SAVE_AFTER_MOVE_MS = 500;

/**
 * The compact always-on-top window of pinned items. Created on first show, hidden rather than
 * destroyed, placed where the lead left it, and kept inside the work area as displays come and go.
 */
export class PinWindow {
  private window: PinBrowserWindow | null = null;
  private saved: PinWindowFile = NO_PIN_WINDOW_FILE;
  /** The bounds main last set, so the window's own placement does not count as the lead moving it. */
  private placed: Bounds | null = null;
  private cancelSave: (() => void) | null = null;
  /** What the lead asked for; a new window is visible from its first frame, a moment after show. */
  private visible = false;
  private quitting = false;

  constructor(private readonly options: PinWindowOptions) {
    options.screen.on('display-added', () => this.keepOnScreen());
    options.screen.on('display-removed', () => this.keepOnScreen());
    options.screen.on('display-metrics-changed', () => this.keepOnScreen());
  }

  /** Reads where the window was; reopens it if it was open when the app last quit. */
  async restore(): Promise<PinWindowState> {
    const { value, notice } = await this.options.file.load();
    if (notice) this.options.logError(inEnglish(notice));
    this.saved = value;
    return value.visible ? this.apply('show') : this.state();
  }

  apply(action: 'show' | 'hide' | 'toggle'): PinWindowState {
    const show = action === 'toggle' ? !this.visible : action === 'show';
    if (show === this.visible && (!show || this.window)) return this.state();
    if (show) this.show();
    else this.window?.hide();
    this.visible = show;
    this.changed();
    return this.state();
  }

  /** Windows close as the app quits: that must not be saved as the lead closing the pin window. */
  appQuitting(): void {
    this.quitting = true;
  }

  state(): PinWindowState {
    return { visible: this.visible };
  }

  private show(): void {
    if (this.window) {
      this.window.showInactive();
      return;
    }
    const bounds = placePinWindow(this.saved.bounds, this.options.deskBounds(), this.options.screen);
    const window = this.options.createWindow(pinWindowOptions(bounds, this.options.webPreferences, this.options.title?.()));
    this.window = window;
    this.placed = bounds;
    // Shown on its first painted frame, without taking focus from what the lead is typing in.
    window.once('ready-to-show', () => {
      if (this.visible) window.showInactive();
    });
    window.on('move', () => this.scheduleSave());
    window.on('resize', () => this.scheduleSave());
    window.on('closed', () => {
      this.window = null;
      if (this.quitting) return;
      this.visible = false;
      this.changed();
    });
    window.loadURL(this.options.url).catch((error: unknown) => {
      this.options.logError(`Could not load the pin window (${this.options.url}): ${(error as Error).message}`);
      // The error page says more than a window that never appears.
      if (this.visible) window.showInactive();
    });
  }

  private keepOnScreen(): void {
    if (!this.window) return;
    const current = this.window.getBounds();
    const inside = keepInside(current, this.options.screen.getDisplayMatching(current).workArea);
    if (sameBounds(inside, current)) return;
    this.placed = inside;
    this.window.setBounds(inside);
  }

  private scheduleSave(): void {
    this.cancelSave?.();
    this.cancelSave = this.options.clock.after(SAVE_AFTER_MOVE_MS, () => {
      this.cancelSave = null;
      const current = this.window?.getBounds();
      if (!current || (this.placed && sameBounds(current, this.placed))) return;
      this.placed = current;
      this.save({ ...this.saved, bounds: current });
    });
  }

  private changed(): void {
    const state = this.state();
    this.options.onVisibilityChange(state);
    if (state.visible !== this.saved.visible) this.save({ ...this.saved, visible: state.visible });
  }

  private save(file: PinWindowFile): void {
    this.saved = file;
    this.options.file.save(file).catch((error: unknown) => {
      this.options.logError(`Could not save the pin window's place: ${(error as Error).message}`);
    });
  }
}

export function pinWindowOptions(
  bounds: Bounds,
  webPreferences: PinWindowOptions['webPreferences'],
  title?: string,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: PIN_WINDOW_MIN_SIZE.width,
    minHeight: PIN_WINDOW_MIN_SIZE.height,
    // Without one, Electron shows the app's name.
    ...(title === undefined ? {} : { title }),
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    frame: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    webPreferences,
  };
}
