import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhooksSettingsSchema } from '../../server/config/webhooks-config';
import { demoConfig } from '../../server/config/demo-config';
import { resolveWebhookTargets } from '../../server/notify/webhook-targets';
import { systemClock } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { startJsonReceiver, startSlackReceiver, type FakeReceiver } from '../support/fake-webhook-receivers';
import { goLive, SCREENSHOTS } from '../support/wall-page';

const SECRET = `whsec_${Buffer.from('queueboard-e2e-signing-secret-32by').toString('base64')}`;
let launched: E2eLaunch | undefined;
let dataDir: string;
let json: FakeReceiver;
let slack: FakeReceiver;

beforeAll(async () => {
  [json, slack] = await Promise.all([startJsonReceiver(SECRET), startSlackReceiver()]);
  // Incidents only: the demo's own alerts would fill the list too.
  const webhooks = WebhooksSettingsSchema.parse({
    targets: [
      { id: 'ops-json', format: 'json', urlEnv: 'QB_JSON_URL', secretEnv: 'QB_JSON_SECRET', routes: [{ kinds: ['incident'], minSeverity: 'info' }] },
      { id: 'care-slack', format: 'slack', urlEnv: 'QB_SLACK_URL', routes: [{ kinds: ['incident'], minSeverity: 'info' }] },
    ],
    retry: { maxAttempts: 2, initialDelaySeconds: 0.01, maxDelaySeconds: 0.02 },
  });
  // Slack's webhook was revoked (404 no_service); the JSON receiver fails twice, then recovers.
  const resolved = resolveWebhookTargets(webhooks, { QB_JSON_URL: json.url, QB_JSON_SECRET: SECRET, QB_SLACK_URL: slack.url.replace(/[^/]+$/, 'revoked') });
  json.script({ status: 503, body: 'maintenance' }, { status: 503, body: 'maintenance' });
  dataDir = mkdtempSync(join(tmpdir(), 'queueboard-dead-letters-e2e-'));
  launched = await launchE2e({
    config: { ...demoConfig(11), webhooks },
    gateway: { store: openStore({ dataDir, clock: systemClock, logger: silentLogger }), webhookTargets: resolved.targets },
  });
});

afterAll(async () => {
  await launched?.close();
  await Promise.all([json?.close(), slack?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('failed webhooks in the settings pane, in Chromium', () => {
  it('a manager sees each failed delivery with its last error, retries one into its receiver and deletes the other', async () => {
    const { gateway, url, browser } = launched!;
    gateway.notifier.notify({ id: 'incident-e2e', kind: 'incident', severity: 'critical', at: Date.now(), queueIds: ['lis-chat-pt'], incident: { id: 'i1', action: 'opened', title: 'Payment provider outage', by: 'Marta Silva' } });
    await expect.poll(() => gateway.notifier.deadLetterList(10).total, { timeout: 5000 }).toBe(2);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const problems = await goLive(page, `${url}/?view=settings#token=demo-manager-token`);
    await page.getByRole('button', { name: 'Failed webhooks' }).click();
    const rows = page.getByTestId('dead-letter');
    await expect.poll(() => rows.count()).toBe(2);
    const jsonRow = page.locator('[data-testid="dead-letter"][data-target="ops-json"]');
    const slackRow = page.locator('[data-testid="dead-letter"][data-target="care-slack"]');
    expect(await jsonRow.innerText()).toMatch(/Incident · Critical · Payment provider outage\s+2 attempts\s+HTTP 503: maintenance/);
    expect(await slackRow.innerText()).toMatch(/1 attempt\s+HTTP 404: no_service/);
    await page.screenshot({ path: `${SCREENSHOTS}/settings-dead-letters.png` });

    await jsonRow.getByRole('button', { name: /^Retry delivery/ }).click();
    await expect.poll(() => page.getByTestId('dead-letter-notice').innerText()).toMatch(/^Delivery \d+ is queued for ops-json again\.$/);
    await expect.poll(() => json.accepted.length, { timeout: 5000 }).toBe(1);
    await expect.poll(() => rows.count()).toBe(1);
    expect(json.accepted[0]).toMatchObject({ type: 'queueboard.incident', data: { id: 'incident-e2e', incident: { title: 'Payment provider outage' } } });

    await slackRow.getByRole('button', { name: /^Delete failed delivery/ }).click();
    await expect.poll(() => page.getByTestId('dead-letters-empty').innerText()).toBe('No failed deliveries.');
    await page.screenshot({ path: `${SCREENSHOTS}/settings-dead-letters-empty.png` });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the tab to managers only', async () => {
    const { url, browser } = launched!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await goLive(page, `${url}/?view=settings#token=demo-lead-token`);
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByRole('button', { name: 'Failed webhooks' }).count()).toBe(0);
    await context.close();
  });
});
