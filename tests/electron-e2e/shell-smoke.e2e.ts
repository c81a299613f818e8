// Smoke test of the real Electron shell: `npm run test:electron` (scripts/test-electron.mjs) runs it with
// node:test on machines that can run Electron. It is not part of `npm test`: CI machines cannot fetch Electron.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import type { Gateway } from '../../server/gateway';
import type { QueueboardBridge } from '../../shared/ipc/ipc-contract';
import { startDemoGateway } from '../support/gateway-harness';

const MAIN = 'dist/electron/main.cjs';
let gateway: Gateway;
let gatewayUrl: string;
let app: ElectronApplication;
let page: Page;
const pageProblems: string[] = [];
// Its own settings.json and Chromium profile: the settings of whoever runs this must not leak in.
const userDataDir = mkdtempSync(join(tmpdir(), 'queueboard-e2e-'));

before(async () => {
  for (const built of [MAIN, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` (scripts/test-electron.mjs does).`);
  }
  // As `npm run gateway` does (server/runtime/settings.ts), allow the Electron app's origin.
  ({ gateway, url: gatewayUrl } = await startDemoGateway({ rendererDir: 'dist/renderer', allowedOrigins: ['app://queueboard'] }));
  // Electron will not start as root with Chromium's OS sandbox on, and CI containers run as root.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // Desk mode: a kiosk window would take over the screen of whoever runs this.
  app = await electron.launch({
    args: [...asRoot, `--user-data-dir=${userDataDir}`, MAIN, `--gateway=${gatewayUrl}`, '--mode=desk'],
    timeout: 30_000,
  });
  page = await app.firstWindow();
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
});

after(async () => {
  await app?.close();
  await gateway?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

test('loads the wall from app://queueboard and shows live queue tiles from the gateway', { timeout: 30_000 }, async () => {
  await page.locator('[data-testid="queue-tile"]').first().waitFor({ timeout: 20_000 });
  assert.match(page.url(), /^app:\/\/queueboard\/index\.html/);
  assert.ok((await page.locator('[data-testid="queue-tile"]').count()) > 0);
  assert.deepEqual(pageProblems, [], 'no console errors, CSP violations or page errors');
});

test('the page sees window.queueboard and nothing of Node or Electron', async () => {
  const seen = await page.evaluate(async () => {
    const scope = window as unknown as Record<string, unknown> & { queueboard: QueueboardBridge };
    return {
      require: typeof scope['require'],
      process: typeof scope['process'],
      bridgeKeys: Object.keys(scope.queueboard),
      launchOptions: await scope.queueboard.getLaunchOptions(),
    };
  });
  assert.deepEqual(seen, {
    require: 'undefined',
    process: 'undefined',
    bridgeKeys: [
      'getLaunchOptions',
      'getSettings',
      'saveSettings',
      // Desk mode (issue 7)
      'getPins',
      'setPinned',
      'onPinsChanged',
      'notifyTransitions',
      'notifyBroadcast',
      'setTrayStatus',
      'showPinWindow',
      'hidePinWindow',
      'togglePinWindow',
      'onPinWindowChanged',
      'getNotificationSettings',
      'setNotificationSettings',
      'onFocusQueue',
    ],
    launchOptions: { gatewayUrl, mode: 'desk', officeId: null, display: null },
  });
});

test('settings are read from, and saved atomically to, settings.json in the user data folder', async () => {
  const answers = await page.evaluate(async () => {
    const bridge = (window as unknown as { queueboard: QueueboardBridge }).queueboard;
    const before = await bridge.getSettings();
    const refused = await bridge.saveSettings({ display: -1 });
    const saved = await bridge.saveSettings({ officeId: 'lisbon', token: 'dsp_e2e_token' });
    return { before, refused, saved };
  });
  assert.deepEqual(answers.before.commandLine, { gatewayUrl, mode: 'desk' });
  assert.equal(answers.refused.ok, false);
  assert.match(String(!answers.refused.ok && answers.refused.issues[0]), /^display: must be a whole number/);
  assert.equal(answers.saved.ok && answers.saved.state.settings.officeId, 'lisbon');
  const onDisk = readFileSync(join(userDataDir, 'settings.json'), 'utf8');
  assert.match(onDisk, /"officeId": "lisbon"/);
  assert.equal(onDisk.includes('dsp_e2e_token'), !(answers.saved.ok && answers.saved.state.tokenEncrypted));
});

test('the Content-Security-Policy lets the page reach the gateway and nothing else', async () => {
  const reached = await page.evaluate(async (gateway) => {
    // no-cors: only the CSP decides whether the request may leave, not the gateway's CORS headers.
    const tryFetch = (url: string) => fetch(url, { mode: 'no-cors' }).then(() => true, () => false);
    return { gateway: await tryFetch(`${gateway}/healthz`), elsewhere: await tryFetch('https://example.com/') };
  }, gatewayUrl);
  assert.deepEqual(reached, { gateway: true, elsewhere: false });
});

test('refuses to navigate away from the app', async () => {
  const start = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(page.url(), start);
  assert.equal(app.windows().length, 1);
});
