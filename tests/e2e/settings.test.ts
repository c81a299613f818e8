import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import type { ThresholdState } from '../../shared/protocol/admin-protocol';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { goLive } from '../support/wall-page';
import { connect, type TestSocket } from '../support/gateway-harness';

const SCREENSHOTS = 'test-results/screenshots';
// Amsterdam's chat: the demo starts Lisbon's chat in a live campaign (server/sources/demo/marketing-events.ts),
// critical from the first second, so no edit of its levels could preview a change to critical.
const CHAT = 'ams-chat-nl';
let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;
let dataDir: string;
let watcher: TestSocket;
let latest: ThresholdState | null = null;
const received: Array<{ at: number; state: ThresholdState }> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'queueboard-settings-e2e-'));
  launched = await launchE2e({ gateway: { store: openStore({ dataDir, clock: systemClock, logger: silentLogger }) } });
  ({ url, browser } = launched);
  // A second screen, as a plain socket.io client: it must hear about every saved change at once.
  watcher = connect(url, { protocol: PROTOCOL_VERSION, client: 'wall' });
  watcher.on('thresholds', (state) => {
    latest = state;
    received.push({ at: performance.now(), state });
  });
});

afterAll(async () => {
  watcher?.disconnect();
  await launched?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A page in its own browser context, so each keeps its own token in local storage. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const problems = await goLive(page, `${url}${path}`);
  return { page, problems };
}

const settingsAs = async (token: string) => {
  const opened = await openPage(`/?view=settings#token=${token}`);
  await opened.page.locator('[data-testid="threshold-table"] [data-testid="level-row"]').first().waitFor();
  return opened;
};
const chatOverride = (state: ThresholdState | null) => state?.overrides.find((o) => o.scope === 'queue' && o.scopeId === CHAT && o.metric === 'backlog');
const input = (page: Page, which: string) => page.getByLabel(`Chat Netherlands: Backlog ${which}`, { exact: true });

describe('the settings pane served by the gateway, in Chromium', () => {
  it('a manager edits a chat queue\'s backlog levels, sees the preview, saves, and every screen has it within a second', async () => {
    const { page, problems } = await settingsAs('demo-manager-token');
    expect(page.url()).not.toContain('token'); // moved into local storage, out of the address bar
    await expect.poll(() => page.getByTestId('session').innerText()).toBe('Marta Silva (manager)');
    await expect.poll(() => page.locator(`[data-row-id="queue|${CHAT}|backlog|"] [data-testid="origin"]`).innerText()).toBe('from built-in (chat)');
    await page.screenshot({ path: `${SCREENSHOTS}/settings-table.png` });

    const wall = await openPage('/?office=amsterdam');
    const tile = wall.page.locator(`[data-testid="queue-tile"][data-queue-id="${CHAT}"]`);

    // A mistake first: the row says what is wrong, and Save stays off.
    await input(page, 'warning').fill('200');
    await input(page, 'critical').fill('20');
    await expect.poll(() => page.locator('.row-problem').first().innerText()).toBe('warning (200) must be below critical (20) because a higher backlog is worse');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-validation-error.png` });

    // Levels below the queue's current backlog, so the preview must show it turning critical.
    const now = Number((await page.locator(`[data-row-id="queue|${CHAT}|backlog|"] .now-value`).innerText()).replace(/\D/g, '')) || 0;
    const critical = Math.max(1, Math.floor(now / 2));
    const warning = Math.max(0, Math.floor(critical / 2));
    await input(page, 'warning').fill(String(warning));
    await input(page, 'critical').fill(String(critical));
    const preview = page.locator(`[data-testid="preview-queue"][data-queue-id="${CHAT}"] [data-testid="status-change"]`);
    await expect.poll(() => preview.getAttribute('data-after')).toBe('critical');
    expect(await page.locator('.row-problem').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-preview.png` });

    const before = latest?.revision ?? 0;
    const clicked = performance.now();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => chatOverride(latest)?.critical, { timeout: 1000, interval: 20 }).toBe(critical);
    const heard = received.find((r) => r.at >= clicked && chatOverride(r.state))!;
    console.log(`the socket client had the change ${Math.round(heard.at - clicked)} ms after Save`);
    expect(heard.at - clicked).toBeLessThan(1000);
    expect(heard.state.revision).toBeGreaterThan(before);
    expect(chatOverride(heard.state)).toMatchObject({ warning, critical, updatedBy: 'Marta Silva', version: 1 });
    await expect.poll(() => page.getByTestId('save-outcome').innerText()).toBe(`Saved — revision ${heard.state.revision}`);
    expect(await page.locator(`[data-row-id="queue|${CHAT}|backlog|"] [data-testid="origin"]`).innerText()).toBe('set here (queue)');
    // The wall is judged by the new levels at once, not after a pending period.
    await expect.poll(() => tile.getAttribute('data-status'), { timeout: 2000, interval: 50 }).toBe('critical');
    expect(problems).toEqual([]);
    expect(wall.problems).toEqual([]);
    await wall.page.context().close();
    await page.context().close();
  });

  it('a lead sees the table read-only and cannot save', async () => {
    const { page, problems } = await settingsAs('demo-lead-token');
    await expect.poll(() => page.getByTestId('read-only-note').innerText()).toBe('Only managers can change thresholds; you are signed in as Ana Costa (lead).');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Audit trail' }).count()).toBe(0);
    const revision = latest?.revision;
    const warning = input(page, 'warning');
    expect(await warning.getAttribute('readonly')).not.toBeNull();
    // The value is whatever the manager saved in the test before (it follows the demo's backlog), so
    // compare with itself: typing into a read-only field must leave it exactly as it was.
    const shown = await warning.inputValue();
    await warning.press('End');
    await page.keyboard.type('7');
    expect(await warning.inputValue()).toBe(shown);
    expect(latest?.revision).toBe(revision);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-lead-read-only.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a second manager saving over a change they did not see gets a conflict, keeps the edit, and can reload', async () => {
    const marta = await settingsAs('demo-manager-token');
    const other = await settingsAs('demo-manager-token');
    await input(other.page, 'warning').fill('30');
    await input(other.page, 'critical').fill('60');
    await input(marta.page, 'warning').fill('40');
    await input(marta.page, 'critical').fill('80');
    await marta.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => marta.page.getByTestId('save-outcome').innerText()).toMatch(/^Saved — revision/);
    // The other page was told while editing, and a save would be refused rather than overwrite.
    await expect.poll(() => other.page.getByTestId('row-conflict').innerText()).toBe('Marta Silva changed this to warning 40, critical 80 since you started editing.');
    await other.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = other.page.getByTestId('save-conflict');
    await expect.poll(() => conflict.innerText()).toMatch(/another manager changed these thresholds/);
    expect(await input(other.page, 'warning').inputValue()).toBe('30');
    expect(chatOverride(latest)).toMatchObject({ warning: 40, critical: 80 });
    await other.page.getByRole('button', { name: 'Reload their version' }).click();
    expect(await input(other.page, 'warning').inputValue()).toBe('40');
    expect(await other.page.getByTestId('row-conflict').count()).toBe(0);
    await marta.page.context().close();
    await other.page.context().close();
  });

  it('the audit view lists the changes newest first and reverts one in a click', async () => {
    const { page, problems } = await settingsAs('demo-manager-token');
    await page.getByRole('button', { name: 'Audit trail' }).click();
    const entries = page.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().innerText()).toMatch(/Marta Silva\s+Chat Netherlands · Backlog\s+changed\s+warning \d+ · critical \d+ · pending default\s+warning 40 · critical 80/);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-audit.png` });

    const newest = Number(await entries.first().getAttribute('data-audit-id'));
    const clicked = performance.now();
    await entries.first().getByRole('button', { name: /^Revert/ }).click();
    await expect.poll(() => page.getByTestId('audit-notice').innerText()).toMatch(new RegExp(`^Reverted entry ${newest}`));
    await expect.poll(() => chatOverride(latest)?.warning, { timeout: 1000, interval: 20 }).not.toBe(40);
    console.log(`the socket client had the revert ${Math.round(performance.now() - clicked)} ms after the click`);
    // The revert is audited itself, at the top of the trail.
    await expect.poll(() => entries.first().getAttribute('data-action')).toBe('threshold.revert');
    expect(await entries.count()).toBe(3);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-audit-reverted.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('passes axe\'s WCAG 2 A and AA checks: the table with a problem named, the audit trail, a lead\'s read-only table', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const check = async (token: string, prepare: (page: Page) => Promise<void>) => {
      // Only for injecting axe: the page's own CSP is checked by the tests above.
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${url}/?view=settings#token=${token}`);
      await page.locator('[data-testid="level-row"]').first().waitFor({ timeout: 10_000 });
      await prepare(page);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe.run;
        return (await run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
      });
      await context.close();
      return violations;
    };
    expect(await check('demo-manager-token', (page) => input(page, 'warning').fill('300'))).toEqual([]);
    expect(await check('demo-manager-token', async (page) => {
      await page.getByRole('button', { name: 'Audit trail' }).click();
      await page.getByTestId('audit-entry').first().waitFor();
    })).toEqual([]);
    expect(await check('demo-lead-token', async () => {})).toEqual([]);
  });
});
