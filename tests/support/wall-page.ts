import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const SCREENSHOTS = 'test-results/screenshots';
export const FULL_HD = { width: 1920, height: 1080 };
export const UHD = { width: 3840, height: 2160 };

/** Opens the wall at `path` and waits until it is live; `problems` collects console errors and CSP reports. */
export async function openWall(
  browser: Browser,
  url: string,
  path: string,
  size = FULL_HD,
  contextOptions: { bypassCSP?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: size, ...contextOptions });
  const page = await context.newPage();
  const problems = await goLive(page, `${url}${path}`);
  return { page, problems, close: () => context.close() };
}

/**
 * Opens any view (wall, desk, pins, settings) and waits until it is live. The returned list fills with
 * console errors and page errors (CSP violations among them) for as long as the page lives.
 */
export async function goLive(page: Page, address: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(address);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 10_000 });
  return problems;
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core's colour-contrast rule on the page. The page needs a context with `bypassCSP`: the
 * wall's policy rightly refuses the injected script, and the CSP check runs on pages without it.
 */
export async function contrastViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  const { violations, checked } = await page.evaluate(async () => {
    type Result = { violations: AxeViolation[]; passes: { nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return {
      violations: result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
      checked: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
    };
  });
  // A run that looked at nothing proves nothing: the wall has well over fifty texts.
  if (checked < 50) throw new Error(`axe checked the contrast of only ${checked} elements`);
  return violations;
}

/** No scrolling anywhere: every tile of the page is on the screen. */
export function overflowOf(page: Page) {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}
