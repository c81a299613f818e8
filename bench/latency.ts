import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { byMode, sleep, type Benchmark } from './support/benchmark';
import { ensureRendererBuild } from './support/build';
import { launchBenchChromium } from './support/chromium';
import { drainProbe, mainThread, PROBE_SCRIPT, type ProbeSample } from './support/page-probe';
import { recordTraffic, startServer, type ServerProcess } from './support/recording';
import { percentile, type Row } from './support/table';

interface PageFigures {
  samples: ProbeSample[];
  longTasks: number[];
  commitsPerSecond: number;
  scriptMsPerSecond: number;
  taskMsPerSecond: number;
  layoutMsPerSecond: number;
  /** Scripting over the window ÷ update frames received (each carries every queue that changed). */
  scriptMsPerUpdate: number;
  updates: number;
  seconds: number;
}

/** Opens `url` in a 1920×1080 page with the probe, lets it warm up, then measures for `seconds`. */
export async function measurePage(browser: Browser, url: string, seconds: number, warmupMs: number, queueIds: readonly string[]): Promise<PageFigures> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(PROBE_SCRIPT(queueIds));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ state: 'attached', timeout: 20_000 });
    await sleep(warmupMs);
    await drainProbe(page);
    const before = await mainThread(cdp);
    const started = Date.now();
    const figures = { samples: [] as ProbeSample[], longTasks: [] as number[], commits: 0, updates: 0 };
    while (Date.now() - started < seconds * 1000) {
      await sleep(Math.min(10_000, seconds * 1000 - (Date.now() - started)));
      const taken = await drainProbe(page);
      figures.samples.push(...taken.samples);
      figures.longTasks.push(...taken.longTasks);
      figures.commits += taken.commits;
      figures.updates += taken.updates;
    }
    const after = await mainThread(cdp);
    const elapsed = (Date.now() - started) / 1000;
    return {
      samples: figures.samples,
      longTasks: figures.longTasks,
      commitsPerSecond: figures.commits / elapsed,
      scriptMsPerSecond: (after.scriptMs - before.scriptMs) / elapsed,
      taskMsPerSecond: (after.taskMs - before.taskMs) / elapsed,
      layoutMsPerSecond: (after.layoutMs - before.layoutMs) / elapsed,
      scriptMsPerUpdate: (after.scriptMs - before.scriptMs) / Math.max(1, figures.updates),
      updates: figures.updates,
      seconds: elapsed,
    };
  } finally {
    await page.close();
  }
}

const sendToPaint = (s: ProbeSample) => s.paintAt - s.serverTime;

export const latency: Benchmark = {
  name: 'latency',
  title: 'update-to-paint latency and main thread: the wall (production build) with 300 queues at 1 Hz, against a bare page',
  async run(context) {
    ensureRendererBuild(context.mode, context.log);
    const queues = byMode(context.mode, { full: 300, quick: 300, smoke: 20 });
    const wallSeconds = byMode(context.mode, { full: 600, quick: 60, smoke: 4 });
    const floorSeconds = byMode(context.mode, { full: 120, quick: 30, smoke: 4 });
    const dir = mkdtempSync(join(tmpdir(), 'qb-latency-'));
    let server: ServerProcess | null = null;
    let browser: Browser | null = null;
    try {
      browser = await launchBenchChromium();
      server = await startServer({ kind: 'gateway', config: 'synthetic', queues });
      // Compact, as the wall asks for it: the bare page then gets the same bytes.
      const recording = await recordTraffic(server.url, byMode(context.mode, { full: 6, quick: 4, smoke: 2 }), join(dir, 'recording.json'), 30_000, 2, 'compact');
      const queueIds = recording.snapshot.queues.map((q) => q.id);
      context.log(`wall: ${queues} queues for ${wallSeconds} s…`);
      const wall = await measurePage(browser, `${server.url}/`, wallSeconds, 5000, queueIds);
      await server.stop();
      server = await startServer({ kind: 'floor', replay: join(dir, 'recording.json'), intervalMs: recording.intervalMs });
      context.log(`bare page: ${floorSeconds} s…`);
      const floor = await measurePage(browser, `${server.url}/`, floorSeconds, 2000, queueIds);
      for (const [name, f] of [['wall', wall], ['floor', floor]] as const) {
        context.log(
          `${name}: ${f.samples.length} values, send→paint p50 ${percentile(f.samples.map(sendToPaint), 0.5).toFixed(1)} ms, ` +
            `script ${f.scriptMsPerSecond.toFixed(1)} ms/s, ${f.commitsPerSecond.toFixed(1)} commits/s, long tasks ${f.longTasks.length}`,
        );
      }
      if (wall.samples.length === 0) throw new Error('the wall painted no backlog value it was sent: is the probe reading the tiles?');
      const p = (f: PageFigures, q: number, at: (s: ProbeSample) => number = sendToPaint) => percentile(f.samples.map(at), q);
      const mode = context.mode === 'full' ? `${Math.round(wall.seconds / 60)} min` : `${Math.round(wall.seconds)} s, ${context.mode}`;
      const rows: Row[] = [
        { bench: 'latency', figure: 'send→paint p50', value: p(wall, 0.5), unit: 'ms', floor: p(floor, 0.5), goal: { max: 33 }, note: `${wall.samples.length} values` },
        { bench: 'latency', figure: 'send→paint p99', value: p(wall, 0.99), unit: 'ms', floor: p(floor, 0.99), goal: { max: 100 } },
        { bench: 'latency', figure: 'arrival→paint p50', value: p(wall, 0.5, (s) => s.paintAt - s.arrivedAt), unit: 'ms', floor: p(floor, 0.5, (s) => s.paintAt - s.arrivedAt), goal: null },
        {
          bench: 'latency',
          figure: 'reading→paint p50',
          value: p(wall, 0.5, (s) => s.paintAt - s.updatedAt),
          unit: 'ms',
          floor: null,
          goal: null,
          note: 'includes the 1 s evaluation beat and 500 ms batching',
        },
        { bench: 'main thread', figure: 'scripting per update frame', value: wall.scriptMsPerUpdate, unit: 'ms', floor: floor.scriptMsPerUpdate, goal: { max: 5 }, note: `${mode}, ${wall.updates} update frames` },
        { bench: 'main thread', figure: 'scripting per second', value: wall.scriptMsPerSecond, unit: 'ms/s', floor: floor.scriptMsPerSecond, goal: null },
        { bench: 'main thread', figure: 'busy (all tasks) per second', value: wall.taskMsPerSecond, unit: 'ms/s', floor: floor.taskMsPerSecond, goal: null },
        { bench: 'main thread', figure: 'layout per second', value: wall.layoutMsPerSecond, unit: 'ms/s', floor: floor.layoutMsPerSecond, goal: null },
        { bench: 'main thread', figure: 'React commits per second', value: wall.commitsPerSecond, unit: '/s', floor: null, goal: null },
        {
          bench: 'main thread',
          figure: 'long tasks (> 50 ms)',
          value: wall.longTasks.length,
          unit: 'count',
          floor: floor.longTasks.length,
          goal: { max: 0 },
          note: wall.longTasks.length ? `longest ${Math.max(...wall.longTasks).toFixed(0)} ms` : '',
        },
      ];
      return rows;
    } finally {
      await browser?.close();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
