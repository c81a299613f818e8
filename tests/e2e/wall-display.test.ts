import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { PROTOCOL_VERSION, type Alert } from '../../shared/protocol/protocol';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { connect, nextEvent } from '../support/gateway-harness';
import { contrastViolations, FULL_HD, openWall, overflowOf, SCREENSHOTS, UHD } from '../support/wall-page';

let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'queueboard-wall-'));

beforeAll(async () => {
  // With a store, so the gateway keeps minute history for the sparklines; ten times real speed.
  const store = openStore({ dataDir, clock: systemClock, logger: silentLogger });
  launched = await launchE2e({ speed: 10, gateway: { store } });
  ({ url, browser } = launched);
  await untilHistoryHas(4);
});

afterAll(async () => {
  await launched?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits until the gateway holds `points` minutes of history (a simulated minute is 6 s here). */
async function untilHistoryHas(points: number) {
  const socket = connect(url);
  try {
    await nextEvent(socket, 'snapshot');
    const held = () =>
      new Promise<number>((resolve) =>
        socket.emit('history', { spanMs: 3_600_000, metrics: ['backlog'] }, (r) => resolve(r.ok && r.queues.length > 0 ? Math.min(...r.queues.map((q) => q.at.length)) : 0)),
      );
    const deadline = Date.now() + 45_000;
    while ((await held()) < points) {
      if (Date.now() > deadline) throw new Error(`the gateway kept fewer than ${points} minutes of history in 45 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    socket.disconnect();
  }
}

const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText));

describe('the wall display at a distance, in Chromium', () => {
  for (const size of [FULL_HD, UHD]) {
    for (const path of ['/', '/?office=lisbon']) {
      it(`${path} at ${size.width}×${size.height}: fits, and every text passes axe colour contrast`, async () => {
        const { page, close } = await openWall(browser, url, path, size, { bypassCSP: true });
        await expect.poll(() => page.locator('[data-testid="sparkline"] svg').count(), { timeout: 5000 }).toBeGreaterThan(0);
        expect(await overflowOf(page)).toEqual({ x: 0, y: 0 });
        const name = path === '/' ? 'all' : 'lisbon';
        await page.screenshot({ path: `${SCREENSHOTS}/display-${name}-${size.width}x${size.height}.png` });
        const violations = await contrastViolations(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        await close();
      });
    }
  }

  it('speaks the office language by default, English on ?lang=en, and L switches language', async () => {
    const { page, problems, close } = await openWall(browser, url, '/?office=lisbon');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pt-PT');
    expect(await page.locator('[data-testid="connection-status"]').innerText()).toContain('Em direto');
    expect((await texts(page, '.metric-label')).join(' ')).toContain('Pendentes');
    await page.screenshot({ path: `${SCREENSHOTS}/display-lisbon-pt-PT.png` });
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl-NL');
    expect(await page.locator('[data-testid="connection-status"]').innerText()).toContain('Live');
    expect((await texts(page, '.metric-label')).join(' ')).toContain('Achterstand');
    expect(problems).toEqual([]);
    await close();

    const amsterdam = await openWall(browser, url, '/?office=amsterdam');
    await expect.poll(() => amsterdam.page.locator('html').getAttribute('lang')).toBe('nl-NL');
    expect((await texts(amsterdam.page, '.metric-label')).join(' ')).toContain('Oplostijd p90');
    await amsterdam.page.screenshot({ path: `${SCREENSHOTS}/display-amsterdam-nl-NL.png` });
    await amsterdam.close();

    const english = await openWall(browser, url, '/?office=amsterdam&lang=en');
    await expect.poll(() => english.page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect((await texts(english.page, '.metric-label')).join(' ')).toContain('Resolution p90');
    await english.close();
  });

  it('shows on the wall, within a second, who acknowledged an alert from a desk', async () => {
    const { page, problems, close } = await openWall(browser, url, '/');
    const desk = connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' });
    try {
      const snapshot = await nextEvent(desk, 'snapshot');
      const open = snapshot.alerts.filter((a) => a.resolvedAt === null && a.acknowledged === null);
      expect(open.length, 'the demo has open alerts at start').toBeGreaterThan(0);
      const queueId = open[0]!.queueId;
      // Acknowledge every open alert of that queue, so whichever the tile shows as worst is handled.
      const started = Date.now();
      for (const alert of open.filter((a) => a.queueId === queueId)) {
        const result = await new Promise<{ ok: boolean; alert?: Alert }>((resolve) =>
          desk.emit('alert:acknowledge', { alertId: alert.id, note: 'on it' }, resolve as never),
        );
        expect(result.ok).toBe(true);
      }
      const note = page.locator(`[data-testid="queue-tile"][data-queue-id="${queueId}"] [data-testid="tile-alert"]`);
      await expect.poll(() => note.count(), { timeout: 1000, interval: 50 }).toBe(1);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(await note.innerText()).toBe('Acknowledged by Ana Costa');
      await page.screenshot({ path: `${SCREENSHOTS}/display-acknowledged-1920x1080.png` });
      expect(problems).toEqual([]);
    } finally {
      desk.disconnect();
      await close();
    }
  });

  it('drifts the layout against burn-in: smoothly, or in instant steps when the screen asks for reduced motion', async () => {
    for (const [reducedMotion, timing] of [['no-preference', 'ease-in-out'], ['reduce', 'steps(1)']] as const) {
      const { page, close } = await openWall(browser, url, '/', FULL_HD, { reducedMotion });
      const animation = await page.locator('.wall').evaluate((el) => {
        const style = getComputedStyle(el);
        return { name: style.animationName, duration: style.animationDuration, timing: style.animationTimingFunction };
      });
      expect(animation).toEqual({ name: 'burn-in-drift', duration: '720s', timing });
      await close();
    }
  });

  it('under a deuteranopia and a protanopia simulation, statuses still differ by lightness and shape (screenshots)', async () => {
    const { page, close } = await openWall(browser, url, '/');
    for (const [name, matrix] of [
      // Machado et al. (2009), severity 1.0.
      ['deuteranopia', '0.367 0.861 -0.228 0 0  0.280 0.673 0.047 0 0  -0.012 0.043 0.969 0 0  0 0 0 1 0'],
      ['protanopia', '0.152 1.053 -0.205 0 0  0.115 0.786 0.099 0 0  -0.004 -0.048 1.052 0 0  0 0 0 1 0'],
    ] as const) {
      // Built with DOM calls, which the page's CSP allows (an injected <style> would be refused).
      await page.evaluate(
        ({ id, values }) => {
          document.getElementById('cvd')?.remove();
          const ns = 'http://www.w3.org/2000/svg';
          const svg = document.createElementNS(ns, 'svg');
          svg.id = 'cvd';
          svg.setAttribute('width', '0');
          svg.setAttribute('height', '0');
          const filter = document.createElementNS(ns, 'filter');
          filter.id = id;
          const cm = document.createElementNS(ns, 'feColorMatrix');
          cm.setAttribute('type', 'matrix');
          cm.setAttribute('values', values);
          filter.append(cm);
          svg.append(filter);
          document.body.append(svg);
          document.documentElement.style.filter = `url(#${id})`;
        },
        { id: name as string, values: matrix as string },
      );
      await page.screenshot({ path: `${SCREENSHOTS}/display-all-${name}.png` });
    }
    await close();
  });
});
