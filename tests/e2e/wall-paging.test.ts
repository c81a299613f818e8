import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { DEMO_INGEST_KEY, demoConfig } from '../../server/config/demo-config';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { connect, nextEvent } from '../support/gateway-harness';
import { contrastViolations, FULL_HD, openWall, overflowOf, SCREENSHOTS, UHD } from '../support/wall-page';

let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;

const CHANNELS = ['email', 'chat', 'phone', 'trustpilot', 'facebook'] as const;

/** A big floor: twenty demo queues per office, and two pushed queues (one goes stale quickly). */
function bigConfig() {
  const base = demoConfig(11);
  const queues = ['lisbon', 'amsterdam'].flatMap((officeId) =>
    Array.from({ length: 20 }, (_, i) => ({
      id: `${officeId.slice(0, 3)}-q${String(i + 1).padStart(2, '0')}`,
      name: `${officeId === 'lisbon' ? 'Lisboa' : 'Amsterdam'} ${CHANNELS[i % CHANNELS.length]} ${i + 1}`,
      officeId,
      channel: CHANNELS[i % CHANNELS.length],
      team: { name: `Team ${Math.floor(i / 5) + 1}`, kind: i % 7 === 0 ? 'partner' : 'in-house' },
    })),
  );
  const pushed = (id: string, name: string, staleAfterSeconds: number) =>
    ({ id, name, officeId: 'lisbon', channel: 'email', team: { name: 'Team 1', kind: 'in-house' }, source: { kind: 'push' }, staleAfterSeconds }) as never;
  queues.push(pushed('lis-crm', 'CRM bridge', 5), pushed('lis-web', 'Web forms', 3600));
  // Ten simulated seconds of pending period (one real second here), so a test can watch a queue turn critical.
  // The demo key names the demo's own queues; here it writes the pushed ones, as an unscoped key may.
  const keys = base.ingest.keys.map(({ sourceId, sha256 }) => ({ sourceId, sha256 }));
  return GatewayConfigSchema.parse({ ...base, queues, groups: [], ingest: { ...base.ingest, keys }, health: { ...base.health, pendingSeconds: 10 } });
}

/** The gateway's own clock, which runs ten times faster than the wall's. */
async function gatewayNow(): Promise<number> {
  const socket = connect(url);
  try {
    return (await nextEvent(socket, 'snapshot')).serverTime;
  } finally {
    socket.disconnect();
  }
}

async function postReading(queueId: string, at: number, backlog: number): Promise<number> {
  const response = await fetch(`${url}/api/v1/queues/${queueId}/readings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEMO_INGEST_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ at, backlog, agentsOnline: 2 }),
  });
  return response.status;
}

beforeAll(async () => {
  launched = await launchE2e({ speed: 10, config: bigConfig() });
  ({ url, browser } = launched);
});

afterAll(() => launched?.close());

describe('a wall with 42 queues, in Chromium', () => {
  it('pages by office with an indicator, each page fitting 1920×1080 and 3840×2160 with legible contrast', async () => {
    for (const size of [FULL_HD, UHD]) {
      const { page, problems, close } = await openWall(browser, url, '/?pageSeconds=5', size);
      const indicator = page.getByTestId('page-indicator');
      // At most eight tiles a page (issue 17: every text at 24 px): Lisbon's 22 queues in three slices, Amsterdam's 20 in three.
      expect(await indicator.innerText()).toBe('1/6');
      const offices = () => page.locator('[data-testid="queue-tile"]').evaluateAll((n) => [...new Set(n.map((e) => e.getAttribute('data-office-id')))]);
      expect(await offices()).toEqual(['lisbon']);
      expect(await page.locator('[data-testid="queue-tile"]').count()).toBe(8);
      expect(await overflowOf(page)).toEqual({ x: 0, y: 0 });
      await page.screenshot({ path: `${SCREENSHOTS}/paging-1of6-${size.width}x${size.height}.png` });
      await expect.poll(() => indicator.innerText(), { timeout: 7000, interval: 250 }).toBe('2/6');
      expect(await offices()).toEqual(['lisbon']);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await indicator.innerText()).toBe('6/6');
      expect(await offices()).toEqual(['amsterdam']);
      expect(await overflowOf(page)).toEqual({ x: 0, y: 0 });
      await page.screenshot({ path: `${SCREENSHOTS}/paging-6of6-${size.width}x${size.height}.png` });
      expect(problems).toEqual([]);
      await close();
    }
    const { page, close } = await openWall(browser, url, '/?office=lisbon', FULL_HD, { bypassCSP: true });
    expect(await contrastViolations(page)).toEqual([]);
    await close();
  });

  it('greys a queue whose data stopped, with the reason and the age of its data', async () => {
    expect(await postReading('lis-crm', await gatewayNow(), 12)).toBe(200);
    const { page, close } = await openWall(browser, url, '/?office=lisbon&lang=en', FULL_HD, { bypassCSP: true });
    const tile = page.locator('[data-testid="queue-tile"][data-queue-id="lis-crm"]');
    await expect.poll(() => tile.getAttribute('data-status'), { timeout: 5000 }).toBe('stale');
    expect(await tile.getAttribute('class')).toContain('tile-stale');
    expect(await tile.locator('.tile-status-word').innerText()).toMatch(/^STALE: /);
    expect(await tile.getByTestId('tile-stale').innerText()).toMatch(/^No recent data · data \d+ (secs?|mins?|hrs?) old$/);
    expect(await contrastViolations(page)).toEqual([]);
    await tile.screenshot({ path: `${SCREENSHOTS}/stale-tile.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/stale-lisbon-1920x1080.png` });
    await close();
  });

  it('flashes a tile for a few seconds when its queue turns critical, and not when a screen starts with it critical', async () => {
    const { page, problems, close } = await openWall(browser, url, '/?office=lisbon&chime=1');
    const tile = page.locator('[data-testid="queue-tile"][data-queue-id="lis-web"]');
    expect(await postReading('lis-web', await gatewayNow(), 40)).toBe(200);
    await expect.poll(() => tile.getAttribute('data-status'), { timeout: 5000 }).toBe('ok');
    expect(await tile.getByTestId('tile-flash').count()).toBe(0);
    // Email turns critical at a backlog of 2500.
    expect(await postReading('lis-web', await gatewayNow(), 3000)).toBe(200);
    await expect.poll(() => tile.getAttribute('data-status'), { timeout: 5000, interval: 100 }).toBe('critical');
    expect(await tile.getByTestId('tile-flash').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/flash-lisbon-1920x1080.png` });
    await expect.poll(() => tile.getByTestId('tile-flash').count(), { timeout: 8000, interval: 250 }).toBe(0);
    expect(await tile.getAttribute('data-status')).toBe('critical');
    expect(problems).toEqual([]);
    await close();

    const fresh = await openWall(browser, url, '/?office=lisbon');
    const again = fresh.page.locator('[data-testid="queue-tile"][data-queue-id="lis-web"]');
    expect(await again.getAttribute('data-status')).toBe('critical');
    expect(await again.getByTestId('tile-flash').count()).toBe(0);
    await fresh.close();
  });
});
