import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BenchMode } from './benchmark';

/** The production build of the wall, as the gateway serves it: rebuilt for each reported run, so figures match the code. */
export function ensureRendererBuild(mode: BenchMode, log: (line: string) => void): void {
  if (mode === 'smoke' && existsSync('dist/renderer/index.html')) return;
  log('building the wall view (vite, production)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
