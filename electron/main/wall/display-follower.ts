import type { Bounds } from '../window-options';
import type { Timers } from './timers';

type DisplayEvent = 'display-added' | 'display-removed' | 'display-metrics-changed';

/** The part of Electron's `screen` the follower uses; the real one fits, tests pass a fake. */
export interface WatchedScreen {
  getAllDisplays(): ReadonlyArray<{ bounds: Bounds }>;
  getPrimaryDisplay(): { bounds: Bounds };
  on(event: DisplayEvent, listener: () => void): unknown;
  removeListener(event: DisplayEvent, listener: () => void): unknown;
}

/** The part of a BrowserWindow the follower moves. */
export interface KioskWindow {
  getBounds(): Bounds;
  setBounds(bounds: Bounds): void;
  setKiosk(flag: boolean): void;
  isDestroyed(): boolean;
}

export interface DisplayFollowerOptions {
  window: KioskWindow;
  screen: WatchedScreen;
  /** Index into screen.getAllDisplays(); null means the primary display. */
  display: number | null;
  timers: Timers;
  log: (message: string) => void;
  /** Plugging a screen in fires a burst of events; the wall moves once, when they have settled. */
  settleMs?: number;
}

export interface DisplayFollower {
  /** Puts the wall on its display now, even if it already is there (a second start asked for it). */
  placeNow(): void;
  stop(): void;
}

const DISPLAY_EVENTS: DisplayEvent[] = ['display-added', 'display-removed', 'display-metrics-changed'];

/**
 * Keeps the wall filling its chosen display as screens come and go: on the chosen display whenever
 * it exists, on the primary display while it does not, never on a display that is gone.
 */
export function followChosenDisplay({ window, screen, display, timers, log, settleMs = 500 }: DisplayFollowerOptions): DisplayFollower {
  let pending: unknown = null;

  function target(): { bounds: Bounds; chosen: boolean } {
    const chosen = display === null ? undefined : screen.getAllDisplays()[display];
    return chosen ? { bounds: chosen.bounds, chosen: true } : { bounds: screen.getPrimaryDisplay().bounds, chosen: display === null };
  }

  // The window was created on its display (window-options.ts); from here on the follower keeps it there.
  let onChosen = target().chosen;

  function place(force: boolean): void {
    if (window.isDestroyed()) return;
    const { bounds, chosen } = target();
    if (chosen !== onChosen) {
      log(
        chosen
          ? `Display ${display} is connected; the wall moves to it.`
          : `Display ${display} is gone; the wall moves to the primary display until it returns.`,
      );
    }
    onChosen = chosen;
    if (!force && sameBounds(window.getBounds(), bounds)) return;
    // A kiosk (fullscreen) window ignores setBounds on some platforms: leave kiosk, move, re-enter.
    window.setKiosk(false);
    window.setBounds(bounds);
    window.setKiosk(true);
    log(`The wall fills ${bounds.width}×${bounds.height} at (${bounds.x}, ${bounds.y}).`);
  }

  const settle = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = null;
      place(false);
    }, settleMs);
  };
  for (const event of DISPLAY_EVENTS) screen.on(event, settle);

  return {
    placeNow: () => place(true),
    stop() {
      for (const event of DISPLAY_EVENTS) screen.removeListener(event, settle);
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
