// `npm start`: build, start the gateway on the demo data, then the Electron app pointed at it.
// `npm run web`: build the renderer and start the gateway only; any browser opens the printed URL.
// Where Electron cannot start (no binary, Node too old to fetch it), the gateway keeps serving the web wall.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webOnly = process.argv.includes('--web');
const port = process.env.PORT ?? '4310';
const gatewayUrl = `http://127.0.0.1:${port}`;
const children = new Set();

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

async function waitForGateway(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${gatewayUrl}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The gateway did not answer on ${gatewayUrl}/healthz within ${timeoutMs / 1000} s.`);
}

function stopAll(code = 0) {
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
  await runToEnd('npm', ['run', webOnly ? 'build:renderer' : 'build']);
  const gatewayArgs = process.argv.slice(2).filter((arg) => arg.startsWith('--speed='));
  const gateway = run(process.execPath, ['--import', 'tsx', 'server/index.ts', ...gatewayArgs], { env: { ...process.env, PORT: port } });
  gateway.on('exit', (code) => stopAll(code ?? 1));
  await waitForGateway();
  if (webOnly) {
    // The demo listens on 127.0.0.1 unless HOST is set (its tokens are in the README).
    const where = process.env.HOST ? `any browser that can reach HOST=${process.env.HOST}` : 'a browser on this machine';
    console.log(`\nQueueboard web wall: open ${gatewayUrl}/ (or ?office=lisbon, ?office=amsterdam) in ${where}. Ctrl+C stops.\n`);
    return;
  }
  const reason = electronCanRun();
  if (reason) {
    console.log(`\n${reason}\nThe gateway keeps running: open ${gatewayUrl}/ in a browser. Ctrl+C stops.\n`);
    return;
  }
  const electron = run(`${root}node_modules/.bin/electron`, ['.', `--gateway=${gatewayUrl}`, '--mode=wall']);
  electron.on('exit', (code) => {
    if (code === 0) return stopAll(0);
    console.log(`\nElectron exited with code ${code}. The gateway keeps running: open ${gatewayUrl}/ in a browser. Ctrl+C stops.\n`);
  });
}

main().catch((error) => {
  console.error(error.message);
  stopAll(1);
});
