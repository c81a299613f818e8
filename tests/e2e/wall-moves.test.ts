import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startClusterWorld, type ClusterWorld } from '../support/cluster-world';
import { killHard } from '../support/gateway-process';
import { openWall } from '../support/wall-page';

let world: ClusterWorld;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer is not built: `npm test` builds it first; alone, run `npm run build:renderer`.');
  world = await startClusterWorld(2);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('a wall in a browser, given both gateways of a cluster (?gateways=)', () => {
  it('moves to the other gateway when the one that served it dies, with nothing refused by its policy', async () => {
    const evaluator = await world.evaluator();
    const other = world.gateways.find((g) => g !== evaluator)!;
    const { page, problems, close } = await openWall(browser, evaluator.url, `/?office=lisbon&gateways=${other.url}`);
    expect(problems).toEqual([]);
    await killHard(evaluator);
    const killedAt = Date.now();
    const status = page.locator('[data-testid="connection-status"]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).not.toBe('live');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 25_000 }).toBe('live');
    console.log(`wall live again on the other gateway ${Date.now() - killedAt} ms after its own died`);
    const health = (await (await fetch(`${other.url}/healthz`)).json()) as { clients: { total: number }; cluster: { evaluating: boolean } };
    expect(health.cluster.evaluating).toBe(true);
    expect(health.clients.total).toBeGreaterThanOrEqual(1);
    // Failed attempts at the dead gateway are logged by Chromium; nothing may be refused by the page's policy.
    expect(problems.filter((p) => /Content Security Policy|Refused to connect/i.test(p))).toEqual([]);
    await close();
  });
});
