import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { FULL_HD, openWall, SCREENSHOTS, UHD } from '../support/wall-page';

// Issue 17: a number cut to "9h 1…" or a backlog clipped to one digit is a wall that lies. Every headline
// value of every tile must show whole, and no two metric cells of a tile may overlap, in every view and
// language, at 1080p and 4K.
let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;

beforeAll(async () => {
  launched = await launchE2e({ speed: 10 });
  ({ url, browser } = launched);
});

afterAll(async () => {
  await launched?.close();
});

interface Cell {
  queue: string;
  metric: string;
  text: string;
  clipped: boolean;
  box: { left: number; top: number; right: number; bottom: number };
}

function metricCells(page: Page): Promise<Cell[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="queue-tile"] .metric')].map((cell) => {
      const value = cell.querySelector<HTMLElement>('.metric-value')!;
      const shown = value.querySelector<HTMLElement>('[data-metric]') ?? value;
      const r = value.getBoundingClientRect();
      return {
        queue: cell.closest<HTMLElement>('[data-testid="queue-tile"]')!.dataset.queueId ?? '',
        metric: [...cell.classList].find((c) => c.startsWith('metric-') && c !== 'metric')?.slice('metric-'.length) ?? '',
        text: value.textContent ?? '',
        // Cut with an ellipsis or hidden by the cell: wider than the room it has.
        clipped: shown.scrollWidth > shown.clientWidth + 1 || value.scrollWidth > value.clientWidth + 1,
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    }),
  );
}

const overlaps = (a: Cell['box'], b: Cell['box']) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

describe('every tile value shows whole', () => {
  for (const size of [FULL_HD, UHD]) {
    for (const [path, lang] of [['/', 'en'], ['/', 'pt'], ['/', 'nl'], ['/?office=lisbon', 'pt'], ['/?office=lisbon', 'en'], ['/?office=amsterdam', 'nl']] as const) {
      const address = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      it(`${address} at ${size.width}×${size.height}: no value cut, no cells overlapping`, async () => {
        const { page, close } = await openWall(browser, url, address, size, { bypassCSP: true });
        try {
          await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-tile"] .metric-value [data-metric]').length > 0);
          // Taken first, so a failure can be looked at.
          await page.screenshot({ path: `${SCREENSHOTS}/wall-values-${path === '/' ? 'all' : path.split('=')[1]}-${lang}-${size.width}x${size.height}.png` });
          const cells = await metricCells(page);
          expect(cells.length).toBeGreaterThan(10);
          expect(cells.filter((c) => c.clipped).map((c) => `${c.queue} ${c.metric} "${c.text}"`), 'values cut').toEqual([]);
          const crossing = cells.flatMap((a, i) => cells.slice(i + 1).filter((b) => b.queue === a.queue && overlaps(a.box, b.box)).map((b) => `${a.queue}: ${a.metric} × ${b.metric}`));
          expect(crossing, 'cells overlapping').toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});
