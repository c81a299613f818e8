import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';

/**
 * What real-redis.ts and real-postgres.ts share: finding a binary (a missing one fails the test, naming the
 * package to install), a free loopback port, and waiting for a server to answer.
 */

/** The first of `candidates` that exists, or an error a person can act on (never a silent skip). */
export function findBinary(name: string, candidates: readonly string[], debianPackage: string): string {
  const onPath = candidates.find((path) => existsSync(path));
  if (onPath) return onPath;
  throw new Error(
    `${name} was not found (looked in ${candidates.join(', ')}): install Debian's ${debianPackage} package ` +
      `(apt-get install -y ${debianPackage}; .ci/run does it). The cluster tests need the real server and never skip.`,
  );
}

/** PATH's copy of `name` first, then the fixed places Debian puts it. */
export function pathCandidates(name: string, fixed: readonly string[]): string[] {
  const fromPath = (process.env.PATH ?? '').split(':').filter(Boolean).map((dir) => `${dir}/${name}`);
  return [...fromPath, ...fixed];
}

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin, off PATH: the newest major. */
export function postgresBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((major) => /^\d+$/.test(major))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => `${root}/${major}/bin`);
}

/** A port free on loopback just now (the server started next binds it; tests never hard-code one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once a TCP connection to the port opens and `probe` (if given) answers as expected. */
export async function waitForPort(port: number, timeoutMs: number, what: string, probe?: { send: string; expect: string }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answers(port, probe)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function answers(port: number, probe?: { send: string; expect: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      if (!probe) return done(true);
      socket.write(probe.send);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (probe && received.includes(probe.expect)) done(true);
    });
  });
}

/** Whether a process with this id still runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pid` has gone, up to `timeoutMs`; true when it has. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** Runs a command and returns its output; a failure carries the command's own output, for the test's message. */
export function run(file: string, args: readonly string[], what: string): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`, { cause: error });
  }
}
