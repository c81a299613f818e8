// `npm run test:electron`: builds, then runs the Playwright `_electron` smoke test of the real shell
// (tests/electron-e2e/). For machines that can run Electron; it is not part of `npm test`.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SMOKE_TEST = 'tests/electron-e2e/shell-smoke.e2e.ts';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function stop(message) {
  console.error(message);
  process.exit(1);
}

// The electron package fetches its binary on first use, and needs Node 22.12 or newer to do so.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  stop(`The Electron smoke test needs Node 22.12 or newer (the electron package's requirement); this is Node ${process.versions.node}.`);
}

// Electron needs a display: on a headless Linux machine, run it inside a virtual one.
let launcher = [];
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (!onPath('xvfb-run')) stop('No display: set DISPLAY, or install xvfb (`apt-get install -y xvfb`) so xvfb-run can provide one.');
  launcher = ['xvfb-run', '-a'];
}

if (run('npm', ['run', 'build']) !== 0) stop('The build failed; the smoke test needs dist/electron and dist/renderer.');
const [command, ...args] = [...launcher, process.execPath, '--import', 'tsx', '--test', SMOKE_TEST];
process.exitCode = run(command, args);
