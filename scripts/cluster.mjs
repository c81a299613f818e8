// `npm run cluster`: a cluster on this machine, in one command: a local Redis (unless QUEUEBOARD_REDIS_URL
// names one) and three gateways on the built-in demo, on PORT, PORT+1 and PORT+2 (4310 by default), each
// supervised (scripts/supervise.mjs) with its own store folder (.data/cluster-N). One of them evaluates and
// polls (it holds the lease); kill it and another takes over. `--gateways=N` (2 to 9), `--no-build`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { superviseGateway } from './supervise.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const countArg = process.argv.find((arg) => arg.startsWith('--gateways='));
const count = countArg ? Number(countArg.slice('--gateways='.length)) : 3;
const basePort = Number(process.env.PORT ?? '4310');
const supervisors = [];
let redis = null;
let redisDir = null;

function fail(message) {
  console.error(message);
  stopAll(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function redisServerBinary() {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => join(dir, 'redis-server')).find((path) => existsSync(path)) ?? null;
}

/** A Redis of its own, in the foreground, without persistence, on a free loopback port; stops with this script. */
async function startLocalRedis() {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server was not found: install it (apt-get install redis-server), or set QUEUEBOARD_REDIS_URL to a Redis of yours.');
  const port = await freePort();
  redisDir = mkdtempSync(join(tmpdir(), 'queueboard-cluster-redis-'));
  redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  redis.once('exit', (code, signal) => {
    if (redis) fail(`Redis stopped (${signal ?? `exit code ${code}`}); stopping the cluster.`);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return `redis://127.0.0.1:${port}`;
}

function runToEnd(command, args) {
  return new Promise((resolve, reject) => {
    spawn(command, args, { cwd: root, stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function stopAll(code = 0) {
  process.exitCode = code;
  void Promise.all(supervisors.map((supervisor) => supervisor.stop('SIGTERM'))).then(() => {
    const ownRedis = redis;
    redis = null;
    ownRedis?.kill('SIGTERM');
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
  });
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

async function main() {
  if (!Number.isInteger(count) || count < 2 || count > 9) throw new Error(`--gateways=${countArg?.slice(11)}: must be a whole number from 2 to 9`);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65535 - count) throw new Error(`PORT=${process.env.PORT}: must leave room for ${count} ports`);
  if (!process.argv.includes('--no-build')) await runToEnd('npm', ['run', 'build:renderer']);
  const redisUrl = process.env.QUEUEBOARD_REDIS_URL || (await startLocalRedis());
  const urls = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${basePort + i}`);
  const listening = urls.map((url, i) => new Promise((resolve) => {
    supervisors.push(superviseGateway({
      command: process.execPath,
      args: ['--import', 'tsx', 'server/index.ts'],
      env: {
        ...process.env,
        PORT: String(basePort + i),
        QUEUEBOARD_REDIS_URL: redisUrl,
        QUEUEBOARD_GATEWAYS: urls.join(','),
        QUEUEBOARD_DATA_DIR: process.env.QUEUEBOARD_DATA_DIR ? `${process.env.QUEUEBOARD_DATA_DIR}-${i + 1}` : join(root, '.data', `cluster-${i + 1}`),
      },
      cwd: root,
      log: (line) => console.error(`[gateway ${i + 1}] ${line}`),
      onListening: (restarts) => (restarts === 0 ? resolve() : console.error(`[gateway ${i + 1}] listening again (restart ${restarts})`)),
      onGiveUp: (code) => stopAll(code),
    }));
  }));
  await Promise.all(listening);
  const others = urls.slice(1).join(',');
  console.log(`\nQueueboard cluster: ${count} gateways on ${redisUrl.replace(/\/\/[^@]*@/, '//***@')}: ${urls.join(', ')}`);
  console.log(`Open ${urls[0]}/?gateways=${others} : the wall moves to another gateway when its own dies.`);
  console.log(`Which one evaluates: curl -s ${urls[0]}/healthz (cluster.evaluating). Ctrl+C stops them all.\n`);
}

main().catch((error) => fail(error.message));
