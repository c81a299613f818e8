import type { Bounds } from '../../electron/main/window-options';
import type { PlacementScreen } from '../../electron/main/desk/pin-window-placement';

/** Like Electron's getDisplayMatching: the display the rect overlaps most, or else the nearest one. */
export function screenOf(...displays: Array<{ workArea: Bounds }>): PlacementScreen {
  const overlap = (a: Bounds, b: Bounds) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const centre = (b: Bounds) => [b.x + b.width / 2, b.y + b.height / 2] as const;
  const distance = (a: Bounds, b: Bounds) => Math.hypot(centre(a)[0] - centre(b)[0], centre(a)[1] - centre(b)[1]);
  return {
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: (rect) =>
      [...displays].sort((a, b) => overlap(b.workArea, rect) - overlap(a.workArea, rect) || distance(a.workArea, rect) - distance(b.workArea, rect))[0]!,
  };
}
