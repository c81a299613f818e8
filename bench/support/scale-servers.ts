// Starting the saturation benchmark's servers (bench/support/scale-server-child.ts) and its Redis.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { endProcess, spawnNode, temporaryFolder, track } from './scale-processes';

export interface ScaleServer {
  url: string;
  /** Descriptors the server may hold (its open-file limit), or null where unknown. */
  openFiles: number | null;
  /** CPU time (µs, user + system) at `at` (epoch ms), and each update's fan-out since the last call (wall and CPU ms). */
  usage(): Promise<{ cpuMicros: number; at: number; bursts: Array<{ wallMs: number; cpuMs: number }> }>;
  evaluating(): Promise<boolean>;
  /** Starts a CPU profile of the server, or stops it and writes it to `file` (a .cpuprofile for DevTools). */
  profile(action: 'start' | 'stop', file?: string): Promise<void>;
  /** How the process ended (exit code or signal), or null while it runs. */
  ended(): string | null;
  stop(): Promise<void>;
}

export function startScaleServer(args: Record<string, string | number>, timeoutMs = 60_000): Promise<ScaleServer> {
  // The heap of a server holding 20,000 sockets outgrows Node's default on small machines.
  const child = spawnNode('bench/support/scale-server-child.ts', Object.entries(args).map(([k, v]) => `--${k}=${v}`), ['ignore', 'pipe', 'pipe', 'ipc'], ['--max-old-space-size=8192']);
  // A message to a process that has just ended fails here, not as an unhandled 'error' event.
  child.on('error', () => undefined);
  const ended = () => (child.exitCode !== null || child.signalCode !== null ? String(child.exitCode ?? child.signalCode) : null);
  const ask = <T>(type: string, extra: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error(`scale server (${args.kind}) has ended (${ended() ?? 'disconnected'})`));
      const timer = setTimeout(() => reject(new Error(`scale server (${args.kind}) did not answer "${type}" within 10 s`)), 10_000);
      const onMessage = (message: T & { type: string }) => {
        if (message.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ type, ...extra });
    });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`scale server (${args.kind}) did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /LISTENING (http:\/\/127\.0\.0\.1:\d+) files=(\d+|unknown)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: match[1]!,
        openFiles: match[2] === 'unknown' ? null : Number(match[2]),
        usage: () =>
          ask<{ cpu: NodeJS.CpuUsage; at: number; bursts: Array<{ wallMs: number; cpuMs: number }> }>('usage').then((m) => ({ cpuMicros: m.cpu.user + m.cpu.system, at: m.at, bursts: m.bursts })),
        evaluating: () => ask<{ evaluating: boolean }>('evaluating').then((m) => m.evaluating),
        profile: (action, file) => ask<object>(`profile-${action}`, { file }).then(() => undefined),
        ended,
        stop: () => endProcess(child),
      });
    };
    child.stdout!.on('data', onData);
    // Errors stay visible after the start too: a server that fails under load says why.
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      process.stderr.write(`  [${args.kind} server] ${chunk.toString()}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`scale server (${args.kind}) exited with ${code ?? signal} before listening:\n${output}`));
    });
  });
}

export interface ScaleRedis {
  url: string;
  stop(): Promise<void>;
}

/** A redis-server of the benchmark's own on a free loopback port, without persistence, in the foreground (ended with the rest). */
export async function startScaleRedis(): Promise<ScaleRedis> {
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', ...(process.env.PATH ?? '').split(':').map((dir) => join(dir, 'redis-server'))].find((path) => existsSync(path));
  if (!binary) throw new Error('redis-server was not found: the three-gateway half of --only=scale needs it (apt-get install -y redis-server)');
  const port = await freePort();
  const dir = temporaryFolder('qb-scale-redis-');
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxclients', '1000'], { stdio: ['ignore', 'ignore', 'inherit'] });
  track(child);
  const stop = () => endProcess(child);
  try {
    await waitForPong(port, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pongs(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function pongs(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => done(chunk.toString().includes('+PONG')));
  });
}
