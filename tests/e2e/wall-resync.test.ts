import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { FULL_HD, SCREENSHOTS } from '../support/wall-page';

let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;

beforeAll(async () => {
  launched = await launchE2e();
  ({ url, browser } = launched);
});

afterAll(() => launched?.close());

describe('a wall whose first boards never arrive', () => {
  it('says it has no data and how often it asked, then shows the board', async () => {
    const page = await browser.newPage({ viewport: FULL_HD });
    let lost = 0;
    // The real gateway's answers, with its first three snapshot frames lost on the way (socket.io packet `42["snapshot",…]`).
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (typeof message === 'string' && message.startsWith('42["snapshot"') && lost < 3) return void lost++;
        ws.send(message);
      });
    });
    await page.goto(`${url}/?office=lisbon`);
    const notice = page.locator('[data-testid="connection-problem"]');
    await expect.poll(() => notice.innerText(), { timeout: 8000 }).toMatch(/^No queue data from the gateway yet \(asked \d times\); asking again in \d+ s\.$/);
    expect(await page.locator('[data-testid="connection-status"]').getAttribute('data-status')).toBe('connecting');
    expect(await page.locator('[data-testid="queue-tile"]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-awaiting-board-1920x1080.png` });
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    expect(lost).toBe(3);
    expect(await page.locator('[data-testid="queue-tile"]').count()).toBeGreaterThan(0);
    await expect.poll(() => notice.count()).toBe(0);
    await page.close();
  }, 40_000);
});
