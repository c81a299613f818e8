import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_STATUSES, type TrayStatusLevel } from '../../../shared/ipc/desk-contract';
import { encodePng } from './png';
import { drawTrayIcon, STATUS_COLOURS, trayIconRepresentations } from './tray-icon';

/** Reads back what encodePng wrote, checking every chunk's CRC: a PNG decoder's view of the file. */
function decodePng(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const rows = inflateSync(chunks[1]!.data);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rgba.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

const hex = (pixels: Uint8Array, size: number, x: number, y: number) => {
  const at = (y * size + x) * 4;
  const [r = 0, g = 0, b = 0, a = 0] = pixels.subarray(at, at + 4);
  return a === 0 ? 'transparent' : `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
};

describe('encodePng', () => {
  it('writes a PNG that decodes back to the same pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const { width, height, rgba: decoded } = decodePng(encodePng(3, 2, rgba));
    expect([width, height]).toEqual([3, 2]);
    expect([...decoded]).toEqual([...rgba]);
  });

  it('refuses pixels that do not fit the size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow('encodePng: expected 16 bytes, got 15');
  });
});

describe('drawTrayIcon', () => {
  // Centre pixels of the three bars at 16 px, top to bottom.
  const bars = (status: TrayStatusLevel) => [3, 8, 13].map((y) => hex(drawTrayIcon(status, 16), 16, 4, y));

  it.each([
    ['ok', 1],
    ['warning', 2],
    ['critical', 3],
  ] as const)('%s lights %i bar(s) in its colour', (status, lit) => {
    const colours = bars(status);
    expect(colours.slice(0, lit).every((c) => c === STATUS_COLOURS[status])).toBe(true);
    expect(colours.slice(lit).every((c) => c !== STATUS_COLOURS[status])).toBe(true);
  });

  it.each(['stale', 'no-data'] as const)('%s draws the bars hollow in its grey', (status) => {
    const icon = drawTrayIcon(status, 16);
    expect(hex(icon, 16, 2, 1)).toBe(STATUS_COLOURS[status]);
    expect(hex(icon, 16, 4, 3)).toBe('#0b0f17');
  });

  it('gives each status a different icon, with transparent rounded corners', () => {
    const icons = TRAY_STATUSES.map((status) => Buffer.from(drawTrayIcon(status, 16)).toString('base64'));
    expect(new Set(icons).size).toBe(TRAY_STATUSES.length);
    const icon = drawTrayIcon('ok', 16);
    expect(hex(icon, 16, 0, 0)).toBe('transparent');
    expect(hex(icon, 16, 15, 15)).toBe('transparent');
    expect(hex(icon, 16, 8, 0)).toBe('#0b0f17');
  });

  it('draws the 2x icon as the 1x icon at double size', () => {
    const small = drawTrayIcon('warning', 16);
    const large = drawTrayIcon('warning', 32);
    for (const [x, y] of [[4, 3], [4, 8], [4, 13], [13, 3], [1, 1]] as const) {
      expect(hex(large, 32, x * 2 + 1, y * 2 + 1)).toBe(hex(small, 16, x, y));
    }
  });

  it('offers 16 px and 32 px PNGs for 1x and 2x screens', () => {
    const representations = trayIconRepresentations('critical');
    expect(representations.map((r) => [r.scaleFactor, decodePng(r.png).width])).toEqual([
      [1, 16],
      [2, 32],
    ]);
  });
});
