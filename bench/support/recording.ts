import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type UpdateEncoding } from '../../shared/protocol/protocol';
import { MARKER_QUEUE } from './synthetic';

/** Gateway messages as one screen received them: the floor server replays these bytes. */
export interface Recording {
  markerQueue: string;
  intervalMs: number;
  /** The form the updates were asked for and are replayed in (shared/protocol/compact-update.ts for compact). */
  encoding: UpdateEncoding;
  snapshot: { seq: number; queues: Array<{ id: string }>; states: Array<{ queueId: string }> } & Record<string, unknown>;
  thresholds: { revision: number } & Record<string, unknown>;
  /** Readable (`changes`) or compact (`c`) updates, exactly as received. */
  updates: Array<{ changes?: Array<{ queueId: string; metrics?: Record<string, unknown> }>; c?: unknown[][] } & Record<string, unknown>>;
}

/** Listens to a gateway as a screen asking for `encoding` for `count` non-empty updates and writes them to `file`. */
export async function recordTraffic(url: string, count: number, file: string, timeoutMs = 30_000, skipFirst = 2, encoding: UpdateEncoding = 'json'): Promise<Recording> {
  const socket = io(url, { auth: { protocol: PROTOCOL_VERSION, client: 'web', encoding }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: new URL(url).origin } });
  try {
    return await new Promise<Recording>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`recording: fewer than ${count} updates from ${url} within ${timeoutMs} ms`)), timeoutMs);
      const recording: Partial<Recording> & { updates: Recording['updates'] } = { markerQueue: MARKER_QUEUE, encoding, updates: [] };
      const times: number[] = [];
      // The first updates after connecting carry every metric once; screens in steady state see the later ones.
      let skip = skipFirst;
      socket.on('thresholds', (t: Recording['thresholds']) => (recording.thresholds = t));
      socket.on('snapshot', (s: Recording['snapshot']) => (recording.snapshot = s));
      socket.on('update', (u: Recording['updates'][number]) => {
        if ((u.changes ?? u.c ?? []).length === 0 || skip-- > 0) return;
        recording.updates.push(u);
        times.push(Date.now());
        if (recording.updates.length < count) return;
        clearTimeout(timer);
        // One update tells no rate: assume the gateway's beat of a second.
        recording.intervalMs = times.length > 1 ? Math.round((times.at(-1)! - times[0]!) / (times.length - 1)) : 1000;
        writeFileSync(file, JSON.stringify(recording));
        resolve(recording as Recording);
      });
      socket.on('connect_error', (error) => reject(error));
    });
  } finally {
    socket.disconnect();
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** CPU time (µs, user+system) and memory of the server process. */
  usage(gc?: boolean): Promise<{ cpuMicros: number; rss: number; heapUsed: number; at: number }>;
  stop(): Promise<void>;
}

/** Starts bench/support/gateway-child.ts with `args` and waits for its URL. */
export function startServer(args: Record<string, string | number>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = fork('bench/support/gateway-child.ts', Object.entries(args).map(([k, v]) => `--${k}=${v}`), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const usage = (gc = false) =>
    new Promise<{ cpuMicros: number; rss: number; heapUsed: number; at: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server process did not report its usage')), 10_000);
      const onMessage = (m: { type: string; cpu: NodeJS.CpuUsage; rss: number; heapUsed: number; at: number }) => {
        if (m.type !== 'usage') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve({ cpuMicros: m.cpu.user + m.cpu.system, rss: m.rss, heapUsed: m.heapUsed, at: m.at });
      };
      child.on('message', onMessage);
      child.send({ type: 'usage', gc });
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, usage, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}
