import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { en } from '../../shared/i18n/en';
import { launchChromium } from '../support/chromium';
import { startDemoGateway } from '../support/gateway-harness';
import { goLive } from '../support/wall-page';

// Issue 15 in Chromium: the app settings pane refuses plain http:// off this machine on the field, and
// warns while settings.json has allowInsecure on. The bridge is a stand-in; main's rules are unit-tested.
const SCREENSHOTS = 'test-results/screenshots';
let gateway: Gateway;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer is not built: run `npm run build:renderer`.');
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ gateway, url } = await startDemoGateway({ rendererDir: 'dist/renderer' }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

async function openPane(allowInsecure: boolean, savedGateway: string) {
  const context = await browser.newContext();
  await context.addInitScript(
    ({ gatewayUrl, allowInsecure, savedGateway }) => {
      const settings = { gatewayUrl: savedGateway, token: 'demo-lead-token', officeId: null, groupId: null, mode: 'desk', display: null, language: null, startAtLogin: null, allowInsecure };
      const state = () => ({ settings, commandLine: {}, notices: [], tokenEncrypted: true });
      Object.assign(window, {
        queueboard: {
          getLaunchOptions: async () => ({ gatewayUrl, mode: 'desk', officeId: null, groupId: null, display: null }),
          getSettings: async () => state(),
          saveSettings: async () => ({ ok: true, state: state() }),
        },
      });
    },
    { gatewayUrl: url, allowInsecure, savedGateway },
  );
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems = await goLive(page, `${url}/`);
  await page.getByRole('button', { name: 'App settings' }).click();
  await page.locator('[data-setting="gatewayUrl"] input').waitFor();
  return { context, page, problems };
}

describe('app settings pane and plain http:// (issue 15), in Chromium', () => {
  it('refuses http:// to another host on the field; warns, visibly and axe clean, while allowInsecure is on', async () => {
    const refused = await openPane(false, url);
    await refused.page.locator('[data-setting="gatewayUrl"] input').fill('http://10.0.0.5:4310');
    await expect.poll(() => refused.page.locator('[data-setting="gatewayUrl"] .app-settings-problem').innerText()).toBe(en.appSettingsSecurity.insecureRefused);
    expect(await refused.page.locator('.app-settings-form button[type="submit"]').isDisabled()).toBe(true);
    await refused.page.screenshot({ path: `${SCREENSHOTS}/app-settings-http-refused-1440x900.png` });
    await refused.context.close();

    const allowed = await openPane(true, 'http://10.0.0.5:4310');
    const warning = allowed.page.getByTestId('insecure-gateway-warning');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toBe(en.appSettingsSecurity.insecureInUse.replace('{{url}}', 'http://10.0.0.5:4310'));
    await allowed.page.screenshot({ path: `${SCREENSHOTS}/app-settings-allow-insecure-1440x900.png` });
    await allowed.page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await allowed.page.evaluate(async () => {
      const axeRun = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run;
      return (await axeRun(document.querySelector('.app-settings'), { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect([...refused.problems, ...allowed.problems]).toEqual([]);
    await allowed.context.close();
  });
});
