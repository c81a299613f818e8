import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { byMode, type Benchmark } from './support/benchmark';
import { launchBenchChromium } from './support/chromium';
import { measurePage } from './latency';
import type { Row } from './support/table';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built folder on loopback. */
function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = join(dir, path === '/' ? 'index.html' : path);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

export const sparklines: Benchmark = {
  name: 'sparklines',
  title: 'main thread with a wall of sparklines updated at 1 Hz: recharts (animation off) against a plain SVG path, same run',
  async run(context) {
    const count = byMode(context.mode, { full: 300, quick: 300, smoke: 30 });
    const seconds = byMode(context.mode, { full: 60, quick: 30, smoke: 3 });
    const outDir = mkdtempSync(join(tmpdir(), 'qb-sparklines-'));
    let browser: Browser | null = null;
    let server: Server | null = null;
    try {
      context.log('building the sparklines page (vite, production)…');
      await build({ root: 'bench/pages/sparklines', base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
      const served = await serve(outDir);
      server = served.server;
      browser = await launchBenchChromium();
      const results: Record<string, Awaited<ReturnType<typeof measurePage>>> = {};
      for (const chart of ['none', 'svg', 'recharts']) {
        context.log(`${chart}: ${count} tiles, ${seconds} s…`);
        results[chart] = await measurePage(browser, `${served.url}/?chart=${chart}&count=${count}&points=60`, seconds, 3000, []);
        const r = results[chart]!;
        context.log(`${chart}: script ${r.scriptMsPerSecond.toFixed(1)} ms/s, busy ${r.taskMsPerSecond.toFixed(1)} ms/s, long tasks ${r.longTasks.length}, ${r.commitsPerSecond.toFixed(1)} commits/s`);
      }
      const floor = results.none!;
      const rows: Row[] = [];
      for (const chart of ['recharts', 'svg']) {
        const r = results[chart]!;
        const name = chart === 'svg' ? 'SVG path (charts/Sparkline)' : 'recharts LineChart';
        // One update a second: scripting per second is scripting per update frame.
        rows.push(
          { bench: 'sparklines', figure: `${name}: scripting per update`, value: r.scriptMsPerSecond, unit: 'ms', floor: floor.scriptMsPerSecond, goal: { max: 5 }, note: `${count} charts × 60 points; floor: tiles without charts` },
          { bench: 'sparklines', figure: `${name}: busy per second`, value: r.taskMsPerSecond, unit: 'ms/s', floor: floor.taskMsPerSecond, goal: null },
          { bench: 'sparklines', figure: `${name}: long tasks (> 50 ms)`, value: r.longTasks.length, unit: 'count', floor: floor.longTasks.length, goal: { max: 0 }, note: r.longTasks.length ? `longest ${Math.max(...r.longTasks).toFixed(0)} ms in ${Math.round(r.seconds)} s` : `in ${Math.round(r.seconds)} s` },
        );
      }
      return rows;
    } finally {
      await browser?.close();
      server?.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
