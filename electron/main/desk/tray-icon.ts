import type { TrayStatusLevel } from '../../../shared/ipc/desk-contract';
import { encodePng } from './png';

/** The wall's palette (renderer/src/styles/wall.css): blue, amber and vermillion keep their order for colour-blind eyes. */
export const STATUS_COLOURS: Readonly<Record<TrayStatusLevel, string>> = {
  ok: '#5fb3ff',
  warning: '#ffb000',
  critical: '#ff4f3a',
  stale: '#6d7485',
  'no-data': '#8a93a6',
};
const BACKGROUND = '#0b0f17';
const UNLIT = '#263043';

/** The app icon's three bars on its 16-unit grid (x, y, width, height), longest at the top. */
const BARS = [
  [2, 1, 12, 4],
  [2, 6, 9, 4],
  [2, 11, 6, 4],
] as const;

/**
 * Status is shape as well as colour: ok lights one bar, warning two, critical three; stale and
 * no-data draw all three hollow, because nothing about them is known to be current.
 */
const LIT_BARS: Readonly<Record<TrayStatusLevel, number>> = { ok: 1, warning: 2, critical: 3, stale: 0, 'no-data': 0 };

/** RGBA pixels of the tray icon at `size` px (16 or 32: 1x and 2x). */
export function drawTrayIcon(status: TrayStatusLevel, size: number): Uint8Array {
  const scale = size / 16;
  const pixels = new Uint8Array(size * size * 4);
  const paint = (x: number, y: number, hex: string) => {
    const at = (y * size + x) * 4;
    pixels.set([parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255], at);
  };
  const corner = 2 * scale;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Rounded corners: leave the pixels outside a quarter circle transparent.
      const dx = Math.max(corner - x - 0.5, x + 0.5 - (size - corner), 0);
      const dy = Math.max(corner - y - 0.5, y + 0.5 - (size - corner), 0);
      if (dx * dx + dy * dy <= corner * corner) paint(x, y, BACKGROUND);
    }
  }
  const hollow = LIT_BARS[status] === 0;
  BARS.forEach(([bx, by, bw, bh], index) => {
    const colour = hollow || index < LIT_BARS[status] ? STATUS_COLOURS[status] : UNLIT;
    const [x0, y0, x1, y1] = [bx * scale, by * scale, (bx + bw) * scale, (by + bh) * scale];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const edge = x < x0 + scale || x >= x1 - scale || y < y0 + scale || y >= y1 - scale;
        if (!hollow || edge) paint(x, y, colour);
      }
    }
  });
  return pixels;
}

export interface IconRepresentation {
  scaleFactor: number;
  png: Buffer;
}

/** PNGs at 1x (16 px) and 2x (32 px), for nativeImage: sharp on ordinary and high-DPI screens. */
export function trayIconRepresentations(status: TrayStatusLevel): IconRepresentation[] {
  return [1, 2].map((scaleFactor) => ({ scaleFactor, png: encodePng(16 * scaleFactor, 16 * scaleFactor, drawTrayIcon(status, 16 * scaleFactor)) }));
}
