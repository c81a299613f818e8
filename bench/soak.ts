import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { byMode, sleep, type Benchmark } from './support/benchmark';
import { ensureRendererBuild } from './support/build';
import { launchBenchChromium } from './support/chromium';
import { mainThread, type MainThread } from './support/page-probe';
import { recordTraffic, startServer, type ServerProcess } from './support/recording';
import { storeSoak } from './soak-store';
import type { Row } from './support/table';

const DAY_MS = 24 * 3_600_000;

async function openMeasured(browser: Browser, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ state: 'attached', timeout: 20_000 });
  return { page, cdp };
}

/** Heap (after a forced collection), DOM nodes and listeners. */
async function sample(cdp: CDPSession): Promise<MainThread> {
  await cdp.send('HeapProfiler.collectGarbage');
  return mainThread(cdp);
}

/** The wall on the demo at `speed`, for `simulatedMs` of gateway time, beside a bare page on the floor server. */
async function browserSoak(speed: number, simulatedMs: number, log: (line: string) => void, dir: string): Promise<Row[]> {
  let gateway: ServerProcess | null = null;
  let floor: ServerProcess | null = null;
  let browser: Browser | null = null;
  try {
    gateway = await startServer({ kind: 'gateway', config: 'demo', speed });
    await recordTraffic(gateway.url, 2, join(dir, 'demo.json'));
    floor = await startServer({ kind: 'floor', replay: join(dir, 'demo.json'), intervalMs: 500 });
    browser = await launchBenchChromium();
    const wall = await openMeasured(browser, `${gateway.url}/`);
    const bare = await openMeasured(browser, `${floor.url}/`);
    // The wall's content is complete once its sparklines and trend arrows have history (the history client
    // samples once a real minute, so at 600× that takes two minutes): nodes drawn then are not growth.
    const waited = Date.now();
    await wall.page.locator('[data-testid="sparkline"] svg').first().waitFor({ state: 'attached', timeout: 300_000 });
    log(`wall: sparklines drawn after ${Math.round((Date.now() - waited) / 1000)} s; measuring from there`);
    // Measured from the end of a warm-up (a tenth of the span) to the same time of day `simulatedMs` later:
    // the wall's content follows the office day (notes, causes, SLA breaches come and go), so comparing
    // 02:24 with midnight would measure the demo's day, not a leak.
    const warmupMs = simulatedMs / speed / 10;
    const realMs = simulatedMs / speed + warmupMs;
    const started = Date.now();
    let warm: [MainThread, MainThread] | null = null;
    let last: [MainThread, MainThread] = [await sample(wall.cdp), await sample(bare.cdp)];
    const nodes: number[] = [];
    while (Date.now() - started < realMs) {
      await sleep(Math.min(5000, realMs - (Date.now() - started)));
      last = [await sample(wall.cdp), await sample(bare.cdp)];
      if (!warm && Date.now() - started >= warmupMs) warm = last;
      if (warm) nodes.push(last[0].nodes);
    }
    warm ??= last;
    const mb = (b: number) => b / 2 ** 20;
    log(`wall heap ${mb(warm[0].heapBytes).toFixed(1)} → ${mb(last[0].heapBytes).toFixed(1)} MB, nodes ${warm[0].nodes} → ${last[0].nodes} (range ${Math.min(...nodes)}–${Math.max(...nodes)}), listeners ${warm[0].listeners} → ${last[0].listeners}`);
    log(`bare heap ${mb(warm[1].heapBytes).toFixed(1)} → ${mb(last[1].heapBytes).toFixed(1)} MB`);
    const hours = Math.round(simulatedMs / 3_600_000);
    return [
      { bench: 'soak (page)', figure: `JS heap, end ÷ after warm-up (${hours} h simulated)`, value: last[0].heapBytes / warm[0].heapBytes, unit: '×', floor: last[1].heapBytes / warm[1].heapBytes, goal: { max: 1.1 }, note: `${mb(last[0].heapBytes).toFixed(1)} MB at the end, demo at ${speed}×` },
      { bench: 'soak (page)', figure: 'DOM nodes, end ÷ after warm-up', value: last[0].nodes / warm[0].nodes, unit: '×', floor: last[1].nodes / warm[1].nodes, goal: { max: 1.05 }, note: `${warm[0].nodes} → ${last[0].nodes}, same time of day; range ${Math.min(...nodes)}–${Math.max(...nodes)}` },
      { bench: 'soak (page)', figure: 'event listeners, end ÷ after warm-up', value: last[0].listeners / Math.max(1, warm[0].listeners), unit: '×', floor: last[1].listeners / Math.max(1, warm[1].listeners), goal: { max: 1.05 }, note: `${warm[0].listeners} → ${last[0].listeners}` },
    ];
  } finally {
    await browser?.close();
    await gateway?.stop();
    await floor?.stop();
  }
}

/** The gateway process (demo, SQLite store) over `days` simulated days at 10,000×, beside the bare floor server. */
async function gatewaySoak(days: number, log: (line: string) => void, dir: string): Promise<Row[]> {
  const speed = 10_000;
  let gateway: ServerProcess | null = null;
  let floor: ServerProcess | null = null;
  try {
    gateway = await startServer({ kind: 'gateway', config: 'demo', speed, store: 'sqlite', dataDir: join(dir, 'data') });
    await recordTraffic(gateway.url, 2, join(dir, 'demo-rss.json'));
    floor = await startServer({ kind: 'floor', replay: join(dir, 'demo-rss.json'), intervalMs: 500 });
    const realMs = (days * DAY_MS) / speed;
    const started = Date.now();
    let warm: Array<{ rss: number; heapUsed: number }> | null = null;
    let last = [await gateway.usage(true), await floor.usage(true)];
    let peak = last[0]!.rss;
    while (Date.now() - started < realMs) {
      await sleep(Math.min(1000, realMs - (Date.now() - started)));
      last = [await gateway.usage(true), await floor.usage(true)];
      peak = Math.max(peak, last[0]!.rss);
      // Warm-up: the first simulated day (every window fills, the 24 h history is complete).
      if (!warm && Date.now() - started >= DAY_MS / speed) warm = last;
    }
    warm ??= last;
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    log(`gateway RSS ${mb(warm[0]!.rss)} → ${mb(last[0]!.rss)} MB (peak ${mb(peak)}), heap ${mb(warm[0]!.heapUsed)} → ${mb(last[0]!.heapUsed)} MB over ${days} simulated days`);
    return [
      { bench: 'soak (gateway)', figure: `RSS, end ÷ after day 1 (${days} days simulated)`, value: last[0]!.rss / warm[0]!.rss, unit: '×', floor: last[1]!.rss / warm[1]!.rss, goal: { max: 1.1 }, note: `${mb(last[0]!.rss)} MB at the end, peak ${mb(peak)} MB` },
      { bench: 'soak (gateway)', figure: 'JS heap used (after GC), end ÷ after day 1', value: last[0]!.heapUsed / warm[0]!.heapUsed, unit: '×', floor: last[1]!.heapUsed / warm[1]!.heapUsed, goal: { max: 1.1 } },
    ];
  } finally {
    await gateway?.stop();
    await floor?.stop();
  }
}

export const soak: Benchmark = {
  name: 'soak',
  title: 'soak on simulated time: the wall in Chromium over a simulated day, the gateway over seven simulated days, the store over a month (1M events)',
  async run(context) {
    ensureRendererBuild(context.mode, context.log);
    const dir = mkdtempSync(join(tmpdir(), 'qb-soak-'));
    try {
      const pageSpeed = byMode(context.mode, { full: 600, quick: 2400, smoke: 10_000 });
      const pageSpan = byMode(context.mode, { full: DAY_MS, quick: DAY_MS, smoke: DAY_MS / 8 });
      const days = byMode(context.mode, { full: 7, quick: 2, smoke: 0.5 });
      return [
        ...(await browserSoak(pageSpeed, pageSpan, context.log, dir)),
        ...(await gatewaySoak(days, context.log, dir)),
        ...storeSoak(context.mode, context.log, dir),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
