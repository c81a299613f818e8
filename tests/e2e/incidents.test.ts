import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentTimelineSchema } from '../../shared/protocol/incident-protocol';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { connect, nextEvent } from '../support/gateway-harness';
import { FULL_HD, goLive, openWall, overflowOf, SCREENSHOTS, UHD } from '../support/wall-page';

// Issue 20 part 2: an incident opened from a desk groups the alerts of its queues (one desk notification, not
// one per queue), its title is on the affected tiles of every wall, and closing it gives a timeline that
// exports as text and JSON. Against the demo gateway at ten times real speed, in Chromium.

const TITLE = 'Card payments failing';
const AFFECTED = ['lis-phone-pt', 'ams-phone-nl'] as const;
const LAPTOP = { width: 1440, height: 900 };
let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;

beforeAll(async () => {
  launched = await launchE2e({ speed: 10 });
  ({ url, browser } = launched);
});

afterAll(() => launched?.close());

/** A lead's desk whose browser notifications are recorded instead of shown (headless Chromium has no notification centre). */
async function leadDesk(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ permissions: ['notifications'], acceptDownloads: true });
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    Object.assign(window, { Notification: Recorded, shownNotifications: shown });
  });
  const page = await context.newPage();
  await page.setViewportSize(LAPTOP);
  const problems = await goLive(page, `${url}/?view=desk#token=demo-lead-token`);
  return { context, page, problems };
}

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body: string }> }).shownNotifications);

/** Pushes a backlog far past critical on a queue (phone's critical is 100); after the pending period it alerts. */
async function flood(queueId: string): Promise<void> {
  const socket = connect(url);
  const { serverTime } = await nextEvent(socket, 'snapshot');
  socket.close();
  const response = await fetch(`${url}/api/v1/queues/${queueId}/readings`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-ingest-key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ at: serverTime, backlog: 400 }),
  });
  expect(response.status).toBe(200);
}

interface IncidentLine {
  queue: string;
  fontPx: number;
  /** The line's text inside its tile and not cut by it. */
  whole: boolean;
}

/** The incident lines on the wall, and per row of tiles the spread of each headline value's baseline. */
function measureWall(page: Page): Promise<{ lines: IncidentLine[]; spreads: number[] }> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll<HTMLElement>('[data-testid="tile-incident"]')].map((note) => {
      const tile = note.closest<HTMLElement>('[data-testid="queue-tile"]')!;
      const text = note.querySelector('.note-text')!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const box = tile.getBoundingClientRect();
      const rects = [...range.getClientRects()];
      const whole = rects.length > 0 && rects.every((r) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
      return { queue: tile.dataset.queueId ?? '', fontPx: parseFloat(getComputedStyle(note).fontSize), whole };
    });
    const rows = new Map<string, number[][]>();
    for (const tile of document.querySelectorAll<HTMLElement>('[data-testid="queue-tile"]')) {
      const grid = [...document.querySelectorAll('.tile-grid')].indexOf(tile.closest('.tile-grid')!);
      const key = `${grid}:${Math.round(tile.getBoundingClientRect().top)}`;
      const baselines = ['backlog', 'firstResponseP90', 'resolutionP90'].map((id) => {
        const value = tile.querySelector<HTMLElement>(`.metric-value [data-metric="${id}"]`);
        if (!value) return Number.NaN;
        const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;width:0;height:0';
        value.append(probe);
        const y = probe.getBoundingClientRect().bottom;
        probe.remove();
        return y;
      });
      rows.set(key, [...(rows.get(key) ?? []), baselines]);
    }
    const spreads = [...rows.values()].flatMap((row) =>
      [0, 1, 2].map((i) => {
        const ys = row.map((b) => b[i]!).filter((y) => !Number.isNaN(y));
        return ys.length > 1 ? Math.max(...ys) - Math.min(...ys) : 0;
      }),
    );
    return { lines, spreads };
  });
}

describe('incidents in Chromium against a real demo gateway', () => {
  it('a lead opens an incident: its alerts make one desk notification, its title is on the affected tiles, and its timeline exports', async () => {
    const { context, page, problems } = await leadDesk();
    await expect.poll(() => page.getByTestId('notification-permission').innerText()).toBe('Desktop notifications are on.');
    await page.getByLabel('Notify for').selectOption('all');

    const panel = page.getByTestId('desk-incidents');
    await panel.getByText('Open an incident').click();
    await panel.getByLabel('Title (shown on the affected tiles)').fill(TITLE);
    await panel.getByLabel('Phone Portugal').check();
    await panel.getByLabel('Phone Netherlands').check();
    await panel.getByRole('button', { name: 'Open incident' }).click();
    const listed = page.getByTestId('incident-open');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.innerText()).toContain('Queues: Phone Portugal, Phone Netherlands');

    for (const queueId of AFFECTED) await flood(queueId);
    const grouped = () => launched!.gateway.alerts.openAlerts().filter((a) => a.incidentId !== undefined && a.incidentId !== null);
    // The pending period is 2 min: 12 s at ten times speed.
    await expect.poll(() => new Set(grouped().map((a) => a.queueId)).size, { timeout: 40_000, interval: 500 }).toBe(2);
    await expect.poll(async () => (await notifications(page)).map((n) => n.title), { timeout: 5000 }).toContain(`Incident: ${TITLE}`);
    await page.waitForTimeout(2000); // later updates and alerts of the incident: still one notification
    const shown = await notifications(page);
    expect(shown.filter((n) => n.title === `Incident: ${TITLE}`)).toHaveLength(1);
    expect(shown.filter((n) => /^Phone (Portugal|Netherlands) is critical$/.test(n.title)), 'a notification per affected queue').toEqual([]);
    console.log(`desk notifications meanwhile: ${shown.map((n) => `${n.title} (${n.body})`).join('; ')}`);

    // One of its alerts acknowledged from the desk, so the timeline has it.
    const card = page.locator(`[data-testid="alert-card"][data-queue-id="lis-phone-pt"]:not(.alert-handled)`).first();
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => grouped().some((a) => a.acknowledged !== null)).toBe(true);

    // A wall shows an office a page: each office's wall has its affected tile.
    for (const size of [FULL_HD, UHD]) {
      const minimum = size === FULL_HD ? 24 : 48;
      for (const lang of ['en', 'pt', 'nl'] as const) {
        for (const [office, queueId] of [['lisbon', 'lis-phone-pt'], ['amsterdam', 'ams-phone-nl']] as const) {
          const wall = await openWall(browser, url, `/?office=${office}&lang=${lang}`, size);
          try {
            await expect.poll(() => wall.page.getByTestId('tile-incident').count()).toBe(1);
            await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-incident-${office}-${lang}-${size.width}x${size.height}.png` });
            const { lines, spreads } = await measureWall(wall.page);
            expect(lines.map((l) => l.queue)).toEqual([queueId]);
            expect(lines.filter((l) => l.fontPx < minimum - 0.01), `incident lines under ${minimum} px`).toEqual([]);
            expect(lines.filter((l) => !l.whole), 'incident lines cut or outside their tile').toEqual([]);
            expect(spreads.filter((s) => s > 1), 'headline values off their row').toEqual([]);
            expect(await overflowOf(wall.page)).toEqual({ x: 0, y: 0 });
            const word = { en: 'Incident', pt: 'Incidente', nl: 'Incident' }[lang];
            expect(await wall.page.getByTestId('tile-incident').innerText()).toBe(`${word}: ${TITLE}`);
            expect(wall.problems).toEqual([]);
          } finally {
            await wall.close();
          }
        }
      }
    }
    await page.screenshot({ path: `${SCREENSHOTS}/desk-incident-open-1440x900.png` });

    await listed.getByRole('button', { name: 'Close incident' }).click();
    const closed = page.getByTestId('incident-closed');
    await closed.waitFor({ timeout: 5000 });
    await expect.poll(() => listed.count()).toBe(0);
    await closed.getByRole('button', { name: 'Timeline as text' }).click();
    const text = await page.getByTestId('incident-timeline-text').innerText();
    expect(text).toContain(`Incident: ${TITLE}`);
    expect(text).toMatch(/Z {2}Opened by Ana Costa\n/);
    expect(text).toMatch(/Z {2}Alert on Phone Portugal: Backlog Critical, 400/);
    expect(text).toMatch(/Z {2}Alert on Phone Netherlands: Backlog Critical, 400/);
    expect(text).toMatch(/Z {2}Acknowledged by Ana Costa \(Phone Portugal\)/);
    expect(text).toMatch(/Z {2}Closed by Ana Costa\n$/);

    const [download] = await Promise.all([page.waitForEvent('download'), closed.getByRole('button', { name: 'Timeline as JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^incident-\d{4}-\d\d-\d\d-[\w-]+\.json$/);
    const timeline = IncidentTimelineSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(timeline.incident).toMatchObject({ title: TITLE, queueIds: [...AFFECTED], openedBy: 'Ana Costa', closedBy: 'Ana Costa' });
    const kinds = timeline.entries.map((entry) => entry.kind);
    expect(kinds[0]).toBe('opened');
    expect(kinds.at(-1)).toBe('closed');
    expect(kinds).toContain('acknowledged');
    expect(kinds.filter((kind) => kind === 'alert').length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SCREENSHOTS}/desk-incident-closed-1440x900.png` });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
