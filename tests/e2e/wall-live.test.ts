import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { startDemoGateway } from '../support/gateway-harness';
import { goLive } from '../support/wall-page';

const SCREENSHOTS = 'test-results/screenshots';
let launched: E2eLaunch | undefined;
let gateway: Gateway;
let url: string;
let browser: Browser;

beforeAll(async () => {
  // Ten times real speed: weekend nights are quiet, and this test must see a change within 5 s any day.
  launched = await launchE2e({ speed: 10 });
  ({ gateway, url, browser } = launched);
});

afterAll(() => launched?.close());

async function openWall(path: string, size = { width: 1920, height: 1080 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: size });
  const problems = await goLive(page, `${url}${path}`);
  return { page, problems };
}

const tileValue = (page: Page, queueId: string, metric: string) =>
  page.locator(`[data-testid="queue-tile"][data-queue-id="${queueId}"] .metric-value [data-metric="${metric}"]`).innerText();

describe('the wall view served by the gateway, in Chromium', () => {
  it('shows live tiles for both offices, with no console errors or CSP violations', async () => {
    const { page, problems } = await openWall('/');
    const tiles = page.locator('[data-testid="queue-tile"]');
    // Eight tiles a page keep every text at 24 px: the demo's combined wall shows one office a page.
    await expect.poll(() => tiles.count()).toBe(7);
    const officesOn = () => tiles.evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute('data-office-id')))]);
    const statusesOn = () => tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
    expect(await officesOn()).toEqual(['lisbon']);
    expect((await statusesOn()).every((s) => ['ok', 'warning', 'critical'].includes(s ?? ''))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-all-1920x1080.png` });
    await page.keyboard.press('ArrowRight');
    await expect.poll(officesOn).toEqual(['amsterdam']);
    await expect.poll(() => tiles.count()).toBe(7);
    expect((await statusesOn()).every((s) => ['ok', 'warning', 'critical'].includes(s ?? ''))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows one queue group alone across both offices (?group=social), in English for a wall of several offices', async () => {
    const { page, problems } = await openWall('/?group=social');
    const tiles = page.locator('[data-testid="queue-tile"]');
    const ids = () => tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-queue-id')));
    const offices = () => page.locator('section.office').evaluateAll((s) => s.map((n) => n.getAttribute('aria-label')));
    // The group's queues of both offices and nothing else, office by office (a page each at 24 px text).
    await expect.poll(ids).toEqual(['lis-trustpilot', 'lis-facebook', 'lis-instagram']);
    expect(await offices()).toEqual(['Lisbon']);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Social media');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await page.screenshot({ path: `${SCREENSHOTS}/wall-group-social-1920x1080.png` });
    await page.keyboard.press('ArrowRight');
    await expect.poll(ids).toEqual(['ams-x', 'ams-linkedin']);
    expect(await offices()).toEqual(['Amsterdam']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sees a value change within 5 s', async () => {
    const { page } = await openWall('/?office=lisbon');
    const ids = await page
      .locator('[data-testid="queue-tile"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-queue-id')!));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids.every((id) => id.startsWith('lis-'))).toBe(true);
    const metrics = ['backlog', 'firstResponseP90', 'resolutionP90'];
    const read = async () =>
      (await Promise.all(ids.flatMap((id) => metrics.map((metric) => tileValue(page, id, metric))))).join('|');
    const before = await read();
    const started = Date.now();
    await expect.poll(read, { timeout: 5000, interval: 250 }).not.toBe(before);
    expect(Date.now() - started).toBeLessThan(5000);
    await page.close();
  });

  it('fits every tile of the demo on one 1920×1080 and one 3840×2160 screen without scrolling', async () => {
    for (const size of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
      const { page } = await openWall('/', size);
      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(overflow, `${size.width}×${size.height}`).toEqual({ x: 0, y: 0 });
      await page.screenshot({ path: `${SCREENSHOTS}/wall-all-${size.width}x${size.height}.png` });
      await page.close();
    }
  });

  it('says plainly when the gateway is gone, and goes live again by itself when it returns', async () => {
    const { page } = await openWall('/?office=amsterdam');
    const status = page.locator('[data-testid="connection-status"]');
    const port = Number(new URL(url).port);
    await gateway.close();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('reconnecting');
    const tiles = page.locator('[data-testid="queue-tile"]');
    expect(await tiles.evaluateAll((nodes) => nodes.every((n) => n.classList.contains('tile-stale')))).toBe(true);
    // Every tile says how old its numbers are, in the office's language (Amsterdam: Dutch).
    const ages = await page.locator('[data-testid="queue-tile"] [data-testid="tile-stale"]').allInnerTexts();
    expect(ages).toHaveLength(await tiles.count());
    for (const age of ages) expect(age).toMatch(/^gegevens \d+ (sec|min|uur)\.? oud$/);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-amsterdam-disconnected.png` });

    // The fixture closes the gateway that runs at the end: this one.
    gateway = launched!.gateway = (await startDemoGateway({ rendererDir: 'dist/renderer' }, 10, port)).gateway;
    const restarted = Date.now();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 8000 }).toBe('live');
    console.log(`live again ${Date.now() - restarted} ms after the gateway came back`);
    expect(await tiles.evaluateAll((nodes) => nodes.some((n) => n.classList.contains('tile-stale')))).toBe(false);
    await page.close();
  });
});
