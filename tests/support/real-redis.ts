import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, freePort, isRunning, pathCandidates, run, waitForExit, waitForPort } from './real-servers';

export interface RealRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM) and waits until it has gone; its keys and streams go with it (`--save ''`). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty: what a restarted Redis without persistence looks like. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** A real redis-server on loopback, on a free port, in its own folder, without persistence. */
export async function startRealRedis(): Promise<RealRedis> {
  const binary = findBinary('redis-server', pathCandidates('redis-server', ['/usr/bin/redis-server']), 'redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'queueboard-redis-'));
  const pidFile = join(dir, 'redis.pid');
  let pid: number | null = null;

  const start = async () => {
    run(binary, [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes',
      '--dir', dir, '--pidfile', pidFile, '--logfile', join(dir, 'redis.log'),
    ], 'redis-server');
    await waitForPort(port, 10_000, 'redis-server', { send: 'PING\r\n', expect: '+PONG' });
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  };
  const stop = async () => {
    if (pid === null || !isRunning(pid)) return;
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 10_000))) process.kill(pid, 'SIGKILL');
    pid = null;
  };
  // A daemon outlives the test process unless told: an aborted run leaves no Redis behind.
  const onExit = () => {
    if (pid !== null && isRunning(pid)) process.kill(pid, 'SIGKILL');
  };
  process.once('exit', onExit);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async close() {
      await stop();
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
