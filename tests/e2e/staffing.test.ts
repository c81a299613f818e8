import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { goLive } from '../support/wall-page';

const SCREENSHOTS = 'test-results/screenshots';
let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;

beforeAll(async () => {
  launched = await launchE2e({ speed: 10 });
  ({ url, browser } = launched);
});

afterAll(() => launched?.close());

describe('the desk\'s staffing lines in Chromium against the demo gateway', () => {
  it('shows need and have and the SLA outlook for every queue within a minute, and fits a laptop', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    const problems = await goLive(page, `${url}/?view=desk#token=demo-lead-token`);
    const rows = page.getByTestId('desk-queue-row');
    await expect.poll(() => rows.count()).toBe(14);
    const needs = page.getByTestId('desk-staffing-need');
    await expect.poll(() => needs.allInnerTexts(), { timeout: 60_000 }).toSatisfy((texts: string[]) => texts.length === 14 && texts.every((t) => /^Need \d+, have \d+$/.test(t)));
    const outlooks = await page.getByTestId('desk-sla-outlook').allInnerTexts();
    expect(outlooks.filter((t) => !/^SLA at end of day: [\d.]+%( \([\d.]+–[\d.]+%\))?$/.test(t))).toEqual([]);
    const methods = await page.getByTestId('desk-staffing').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-method')}/${c.getAttribute('data-basis')}`));
    // This gateway has no baseline: every figure says it is from the recent inflow.
    expect(new Set(methods)).toEqual(new Set(['erlang-a/recent', 'workload/recent']));
    await page.screenshot({ path: `${SCREENSHOTS}/desk-staffing-1440x900.png` });
    // The table, with the new lines, stays inside its half of the desk (it would run under the alerts).
    const overflow = () =>
      page.evaluate(() => {
        const table = document.querySelector('.desk-table')!.getBoundingClientRect();
        const section = document.querySelector('.desk-queues')!.getBoundingClientRect();
        return Math.round(table.right - section.right);
      });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SCREENSHOTS}/desk-staffing-1366x768.png` });
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('notes on the wall\'s tile an SLA outlook below target, within the tile', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const problems = await goLive(page, `${url}/?office=lisbon&lang=en`);
    const notes = page.getByTestId('tile-sla-outlook');
    await expect.poll(() => notes.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect((await notes.allInnerTexts()).every((t) => /^End of day: SLA [\d.]+%$/.test(t))).toBe(true);
    // Each note ends inside its tile and is not cut short.
    const escapes = await notes.evaluateAll((all) =>
      all.filter((note) => {
        const text = note.querySelector('.note-text')!;
        const tile = note.closest('[data-testid="queue-tile"]')!.getBoundingClientRect();
        return text.scrollWidth > text.clientWidth || note.getBoundingClientRect().right > tile.right;
      }).length,
    );
    expect(escapes).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-sla-outlook-1920x1080.png` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
