import type { Bounds } from '../window-options';

/** Small enough to sit beside other work, big enough for a handful of pinned queues. */
export const PIN_WINDOW_SIZE = { width: 340, height: 420 } as const;
export const PIN_WINDOW_MIN_SIZE = { width: 240, height: 160 } as const;
/** Gap to the screen edges, so the window does not hide under a taskbar's rounded corner. */
export const PIN_WINDOW_MARGIN = 16;

/** The part of Electron's `screen` placement needs; getDisplayMatching answers the nearest display. */
export interface PlacementScreen {
  getDisplayMatching(rect: Bounds): { workArea: Bounds };
  getPrimaryDisplay(): { workArea: Bounds };
}

/** Bottom-right of the work area (above the taskbar, below the menu bar). */
export function bottomRight(workArea: Bounds, size: { width: number; height: number } = PIN_WINDOW_SIZE): Bounds {
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  return {
    x: workArea.x + Math.max(0, workArea.width - width - PIN_WINDOW_MARGIN),
    y: workArea.y + Math.max(0, workArea.height - height - PIN_WINDOW_MARGIN),
    width,
    height,
  };
}

/** Moves (and if need be shrinks) `bounds` so all of it lies in `workArea`. */
export function keepInside(bounds: Bounds, workArea: Bounds): Bounds {
  const width = Math.min(bounds.width, workArea.width);
  const height = Math.min(bounds.height, workArea.height);
  return {
    x: Math.min(Math.max(bounds.x, workArea.x), workArea.x + workArea.width - width),
    y: Math.min(Math.max(bounds.y, workArea.y), workArea.y + workArea.height - height),
    width,
    height,
  };
}

/**
 * Where the pin window goes: where the lead left it, kept inside the display nearest that spot (the
 * display may be gone since); otherwise the bottom-right corner of the display nearest the desk window.
 */
export function placePinWindow(saved: Bounds | null, deskBounds: Bounds | null, screen: PlacementScreen): Bounds {
  if (saved) return keepInside(saved, screen.getDisplayMatching(saved).workArea);
  const display = deskBounds ? screen.getDisplayMatching(deskBounds) : screen.getPrimaryDisplay();
  return bottomRight(display.workArea);
}

export function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
