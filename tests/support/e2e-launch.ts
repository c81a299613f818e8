import { existsSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { GatewayConfig } from '../../server/config/config-schema';
import type { Gateway, GatewayOptions } from '../../server/gateway';
import { launchChromium } from './chromium';
import { BUSY_MORNING, startDemoGateway } from './gateway-harness';
import { SCREENSHOTS } from './wall-page';

export interface E2eLaunchOptions {
  /** Simulated time runs this many times faster (the demo has open alerts within seconds at 10). */
  speed?: number;
  /** The gateway's configuration; the demo's by default. */
  config?: GatewayConfig;
  /** Anything else for the gateway, such as a store. */
  gateway?: Partial<GatewayOptions>;
  /** Gateway (and demo) time at start; a busy weekday morning by default (gateway-harness BUSY_MORNING). */
  startAt?: number;
}

export interface E2eLaunch {
  /** A test that restarts the gateway puts the new one here, so `close()` closes it. */
  gateway: Gateway;
  url: string;
  browser: Browser;
  /** Closes the browser, then the gateway running now. */
  close(): Promise<void>;
}

/**
 * The launch every Chromium test file shares: the built renderer (or a clear error saying how to build
 * it), a demo gateway on loopback serving it, Debian's Chromium, and the screenshot folder. Call it in
 * `beforeAll` and `close()` it in `afterAll`.
 */
export async function launchE2e({ speed = 1, config, gateway: overrides = {}, startAt = BUSY_MORNING }: E2eLaunchOptions = {}): Promise<E2eLaunch> {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error('dist/renderer is not built: `npm test` builds it first; alone, run `npm run build:renderer`.');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { gateway, url } = await startDemoGateway({ rendererDir: 'dist/renderer', ...overrides }, speed, 0, config, startAt);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await gateway.close();
    throw error;
  });
  const launched: E2eLaunch = {
    gateway,
    url,
    browser,
    async close() {
      await browser.close();
      await launched.gateway.close();
    },
  };
  return launched;
}
