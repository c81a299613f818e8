// `npm start`: build, start the gateway on the demo data, then the Electron app pointed at it.
// `npm run web`: build the renderer and start the gateway only; any browser opens the printed URL.
// Where Electron cannot start (no binary, Node too old to fetch it), the gateway keeps serving the web wall.
// The gateway runs supervised (scripts/supervise.mjs): restarted when it dies. `--no-build` skips the build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { superviseGateway } from './supervise.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const webOnly = process.argv.includes('--web');
const port = process.env.PORT ?? '4310';
const scheme = process.env.QUEUEBOARD_TLS_CERT ? 'https' : 'http';
// One address, printed once the gateway holds the port: the one it listens on, or this machine's own
// for every interface (the gateway's log names the network addresses for the floor's screens).
const host = process.env.HOST || '127.0.0.1';
const wildcard = host === '0.0.0.0' || host === '::';
const gatewayUrl = `${scheme}://${wildcard ? '127.0.0.1' : host}:${port}`;
const wallUrl = `${wildcard ? `${scheme}://localhost:${port}` : gatewayUrl}/`;
const children = new Set();
let gatewaySupervisor = null;

function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function runToEnd(command, args) {
  return new Promise((resolve, reject) => {
    run(command, args).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Resolves when the gateway this script started holds its port (not when some process answers on it). */
function startGateway(gatewayArgs) {
  return new Promise((resolve) => {
    gatewaySupervisor = superviseGateway({
      command: process.execPath,
      args: ['--import', 'tsx', 'server/index.ts', ...gatewayArgs],
      env: { ...process.env, PORT: port },
      cwd: root,
      onListening: (restarts) => (restarts === 0 ? resolve() : console.error(`[supervisor] the gateway is listening again (restart ${restarts})`)),
      onGiveUp: (code) => stopAll(code),
    });
  });
}

function stopAll(code = 0) {
  void gatewaySupervisor?.stop();
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

function electronCanRun() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    return `Electron fetches its binary on first launch with Node 22.12 or newer; this is Node ${process.versions.node}.`;
  }
  if (!existsSync(`${root}node_modules/.bin/electron`)) return 'The electron package is not installed (run npm ci).';
  return null;
}

async function main() {
  if (!process.argv.includes('--no-build')) await runToEnd('npm', ['run', webOnly ? 'build:renderer' : 'build']);
  const gatewayArgs = process.argv.slice(2).filter((arg) => arg.startsWith('--speed=') || arg === '--fresh-store');
  await startGateway(gatewayArgs);
  if (webOnly) {
    // The demo listens on 127.0.0.1 unless HOST says otherwise (its tokens are in the README).
    const loopback = /^(127\.|localhost$|::1$)/.test(host);
    const where = loopback ? 'a browser on this machine' : `any browser that can reach HOST=${host}`;
    console.log(`\nQueueboard web wall: open ${wallUrl} (or ?office=lisbon, ?office=amsterdam) in ${where}. Ctrl+C stops.\n`);
    return;
  }
  const reason = electronCanRun();
  if (reason) {
    console.log(`\n${reason}\nThe gateway keeps running: open ${wallUrl} in a browser. Ctrl+C stops.\n`);
    return;
  }
  const electron = run(`${root}node_modules/.bin/electron`, ['.', `--gateway=${gatewayUrl}`, '--mode=wall']);
  electron.on('exit', (code) => {
    if (code === 0) return stopAll(0);
    console.log(`\nElectron exited with code ${code}. The gateway keeps running: open ${wallUrl} in a browser. Ctrl+C stops.\n`);
  });
}

main().catch((error) => {
  console.error(error.message);
  stopAll(1);
});
