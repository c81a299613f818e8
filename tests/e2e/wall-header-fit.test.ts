import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { FULL_HD, openWall, SCREENSHOTS, UHD } from '../support/wall-page';

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

/** Every visible text node of the header: its computed font size and the tops of its line boxes. */
function headerTexts(page: Page) {
  return page.evaluate(() => {
    const out: { text: string; fontPx: number; lineTops: number[] }[] = [];
    const header = document.querySelector('.wall-header');
    if (!header) return out;
    const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      out.push({ text: node.textContent.trim(), fontPx: parseFloat(getComputedStyle(parent).fontSize), lineTops: rects.map((r) => Math.round(r.top)) });
    }
    return out;
  });
}

describe('the combined wall header, read from five metres', () => {
  for (const size of [FULL_HD, UHD]) {
    for (const lang of ['en', 'pt', 'nl']) {
      it(`${lang} at ${size.width}×${size.height}: one line, every text at least 24 CSS px on a 1080p panel`, async () => {
        const { page, close } = await openWall(browser, url, `/?lang=${lang}`, size, { bypassCSP: true });
        try {
          const texts = await headerTexts(page);
          expect(texts.length).toBeGreaterThan(3);
          const minimum = size === FULL_HD ? 24 : 48;
          const small = texts.filter((t) => t.fontPx < minimum);
          expect(small, `header text under ${minimum} px`).toEqual([]);
          // One line: no text node breaks over two lines, and the header is no taller than its tallest line.
          const wrapped = texts.filter((t) => new Set(t.lineTops).size > 1);
          expect(wrapped, 'header text on two lines').toEqual([]);
          const box = await page.locator('.wall-header').boundingBox();
          const tallest = Math.max(...texts.map((t) => t.fontPx));
          expect(box!.height).toBeLessThan(tallest * 2);
          await page.screenshot({ path: `${SCREENSHOTS}/wall-header-${lang}-${size.width}x${size.height}.png` });
        } finally {
          await close();
        }
      });
    }
  }
});
