import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { nl } from '../../shared/i18n/nl';
import { pt } from '../../shared/i18n/pt';
import { systemClock } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import type { SystemOfRecord } from '../../server/store/pg/replicated-store';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { goLive, SCREENSHOTS } from '../support/wall-page';

// What a desk and the settings pane say when the shared store (PostgreSQL) did not commit a person's change
// (issue 21, shared/protocol/store-refusals.ts): the store's record is a stand-in whose commit fails or never
// comes, so the gateway answers store-unavailable / store-pending as it would with PostgreSQL down or stuck.
let mode: 'down' | 'stuck' = 'stuck';
const record: SystemOfRecord = {
  where: 'postgres://stand-in',
  hydrate: () => Promise.resolve(),
  arm: () => undefined,
  committed: (timeoutMs = 2000) =>
    new Promise((_resolve, reject) => setTimeout(() => reject(Object.assign(new Error(`PostgreSQL did not commit within ${timeoutMs} ms`), { retryAfter: 2 })), Math.min(timeoutMs, 200))),
  unavailable: () => (mode === 'down' ? (Object.assign(new Error('the PostgreSQL store cannot be reached'), { retryAfter: 2 }) as never) : null),
  stats: () => ({ pendingRows: 0, droppedRows: 0, committedRows: 0, failing: mode === 'down' }),
  abandon: () => undefined,
  stop: () => Promise.resolve(),
};

let launched: E2eLaunch | undefined;
let url: string;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'queueboard-store-refusals-e2e-'));
  const store = openStore({ dataDir, clock: systemClock, logger: silentLogger });
  Object.defineProperty(store, 'systemOfRecord', { value: record });
  launched = await launchE2e({ speed: 10, gateway: { store } });
  ({ url, browser } = launched);
});

afterAll(async () => {
  await launched?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = await goLive(page, `${url}${path}`);
  return { page, problems };
}

const CATALOGUES = { en, pt, nl } as const;

describe('a change the shared store did not commit, in Chromium', () => {
  for (const lang of ['en', 'pt', 'nl'] as const) {
    it(`settings (${lang}): a save PostgreSQL does not commit in time says the change stands and is not saved yet`, async () => {
      mode = 'stuck';
      const { page, problems } = await open(`/?view=settings&lang=${lang}#token=demo-manager-token`, { width: 1920, height: 1080 });
      const row = page.locator('[data-row-id="queue|ams-chat-nl|backlog|"]');
      await row.waitFor();
      const inputs = row.locator('input.level-input');
      const warning = Number(await inputs.nth(0).inputValue()) || 10;
      await inputs.nth(0).fill(String(warning + 1));
      await inputs.nth(1).fill(String((warning + 1) * 2));
      await page.locator('[data-testid="save-bar"] button.primary').click();
      const outcome = page.getByTestId('save-outcome');
      await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 5000 }).toBe('unrecorded');
      expect(await outcome.innerText()).toBe(CATALOGUES[lang].commitack.storePending);
      await page.screenshot({ path: `${SCREENSHOTS}/settings-store-pending-${lang}-1920x1080.png` });
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('desk: an acknowledgement while PostgreSQL cannot be reached says nothing was changed', async () => {
    mode = 'down';
    const { page, problems } = await open('/?view=desk#token=demo-lead-token', { width: 1440, height: 900 });
    const card = page.locator('[data-testid="alert-card"]:not(.alert-handled)').first();
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    const outcome = card.getByTestId('alert-outcome');
    await expect.poll(() => outcome.innerText(), { timeout: 5000 }).toBe(en.commitack.storeUnavailable);
    expect(await card.getAttribute('class')).not.toContain('alert-handled');
    await page.screenshot({ path: `${SCREENSHOTS}/desk-store-unavailable-1440x900.png` });
    expect(problems).toEqual([]);
    await page.context().close();
    mode = 'stuck';
  });
});
