import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { byMode, sleep, type Benchmark } from './support/benchmark';
import { ensureRendererBuild } from './support/build';
import { launchBenchChromium } from './support/chromium';
import { recordTraffic, startServer, type ServerProcess } from './support/recording';
import { Swarm } from './support/swarm';
import { MARKER_QUEUE } from './support/synthetic';
import { percentile, type Row } from './support/table';

const MARKER = `[data-queue-id="${MARKER_QUEUE}"] [data-metric="backlog"]`;

/** Ms from navigation start to the frame that first shows a live value, each in a fresh browser context (cold cache). */
async function firstValue(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        (selector) => {
          // Runs in the page (bench/ is typed for Node, without the DOM).
          const page = globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } };
          const node = page.document.querySelector(selector);
          return node && /\d/.test(node.textContent ?? '') ? performance.now() : false;
        },
        MARKER,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
    } finally {
      await context.close();
    }
  }
  return times;
}

/** Kills the server hard, starts it again on the same port; ms from the kill until every screen has a fresh snapshot. */
async function recovery(start: (port: number) => Promise<ServerProcess>, screens: number): Promise<{ server: ServerProcess; fromKill: number; fromListening: number }> {
  let server = await start(0);
  const port = Number(new URL(server.url).port);
  const swarm = await Swarm.start(server.url, screens, 2, true);
  try {
    await swarm.waitConnected(screens);
    await sleep(1000);
    const killedAt = performance.timeOrigin + performance.now();
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    server = await start(port);
    const listeningAt = performance.timeOrigin + performance.now();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { liveAt } = await swarm.stats();
      if (liveAt.every((t) => t > killedAt)) {
        const last = Math.max(...liveAt);
        return { server, fromKill: last - killedAt, fromListening: last - listeningAt };
      }
      if (Date.now() > deadline) throw new Error(`${liveAt.filter((t) => t <= killedAt).length} screens not live again within 60 s`);
      await sleep(100);
    }
  } finally {
    await swarm.stop();
  }
}

export const startup: Benchmark = {
  name: 'startup',
  title: 'start and recovery: the web wall to its first live value; every screen live again after a gateway restart',
  async run(context) {
    ensureRendererBuild(context.mode, context.log);
    const runs = byMode(context.mode, { full: 10, quick: 5, smoke: 1 });
    const screens = byMode(context.mode, { full: 200, quick: 100, smoke: 5 });
    const dir = mkdtempSync(join(tmpdir(), 'qb-startup-'));
    const replay = join(dir, 'recording.json');
    let server: ServerProcess | null = null;
    let browser: Browser | null = null;
    try {
      browser = await launchBenchChromium();
      server = await startServer({ kind: 'gateway', config: 'synthetic', queues: 300 });
      await recordTraffic(server.url, 2, replay);
      const wall = await firstValue(browser, `${server.url}/`, runs);
      await server.stop();
      server = await startServer({ kind: 'floor', replay });
      const bare = await firstValue(browser, `${server.url}/`, runs);
      await server.stop();
      server = null;
      const real = await recovery((port) => startServer({ kind: 'gateway', config: 'synthetic', queues: 300, port }), screens);
      await real.server.stop();
      const floor = await recovery((port) => startServer({ kind: 'floor', replay, port }), screens);
      await floor.server.stop();
      context.log(`first value: wall ${wall.map((t) => t.toFixed(0)).join(', ')} ms; bare ${bare.map((t) => t.toFixed(0)).join(', ')} ms`);
      context.log(`recovery: gateway ${real.fromKill.toFixed(0)} ms from kill (${real.fromListening.toFixed(0)} after listening); floor ${floor.fromKill.toFixed(0)} ms (${floor.fromListening.toFixed(0)})`);
      const rows: Row[] = [
        { bench: 'startup', figure: 'web wall to first live value, median', value: percentile(wall, 0.5), unit: 'ms', floor: percentile(bare, 0.5), goal: { max: 1500 }, note: `${runs} cold starts, 300 queues` },
        { bench: 'startup', figure: 'web wall to first live value, worst', value: Math.max(...wall), unit: 'ms', floor: Math.max(...bare), goal: { max: 1500 } },
        { bench: 'recovery', figure: `all ${screens} screens live after restart`, value: real.fromKill, unit: 'ms', floor: floor.fromKill, goal: { max: 5000 }, note: 'from SIGKILL, incl. the gateway start' },
        { bench: 'recovery', figure: '… counted from listening again', value: real.fromListening, unit: 'ms', floor: floor.fromListening, goal: null },
      ];
      return rows;
    } finally {
      await browser?.close();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
