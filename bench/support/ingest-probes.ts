import { fork, type ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';

/**
 * Wall screens connected as the wall connects (compact updates, websocket, the page's Origin), each
 * noting when every update arrives: a wall's silence is the longest gap between two of them.
 */
export class Walls {
  private readonly sockets: Socket[] = [];
  private arrivals: number[][] = [];

  constructor(url: string, count: number) {
    for (let i = 0; i < count; i++) {
      const socket = io(url, {
        auth: { protocol: PROTOCOL_VERSION, client: 'wall', encoding: 'compact' },
        transports: ['websocket'],
        forceNew: true,
        extraHeaders: { origin: new URL(url).origin },
      });
      this.arrivals.push([]);
      socket.on('update', () => this.arrivals[i]!.push(performance.now()));
      this.sockets.push(socket);
    }
  }

  async connected(timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    while (this.sockets.some((s) => !s.connected)) {
      if (Date.now() - started > timeoutMs) throw new Error('the wall screens did not connect');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Starts a measuring window: arrivals before it are forgotten, and it opens as if an update had just come. */
  reset(): void {
    const now = performance.now();
    this.arrivals = this.arrivals.map(() => [now]);
  }

  /** The longest gap any wall saw between updates since reset(), counting the time since its last one. */
  longestSilenceMs(): number {
    const now = performance.now();
    let longest = 0;
    for (const times of this.arrivals) {
      for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
      longest = Math.max(longest, now - times.at(-1)!);
    }
    return longest;
  }

  updates(): number {
    return this.arrivals.reduce((n, times) => n + times.length - 1, 0);
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}

/** Polls GET /healthz one request at a time, every `everyMs`, keeping each answer's latency (a failure counts as its time to fail). */
export class HealthPoller {
  private latencies: number[] = [];
  private failures = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(url: string, everyMs = 100) {
    this.done = (async () => {
      while (this.running) {
        const started = performance.now();
        try {
          const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
          await response.arrayBuffer();
          if (!response.ok) this.failures++;
        } catch {
          this.failures++;
        }
        const took = performance.now() - started;
        this.latencies.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - took)));
      }
    })();
  }

  take(): { latencies: number[]; failures: number } {
    const taken = { latencies: this.latencies, failures: this.failures };
    this.latencies = [];
    this.failures = 0;
    return taken;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

/** A bench child process (tsx) that answers IPC questions with one message of the same type. */
export function forkChild(script: string, args: string[], execArgv: string[] = []): ChildProcess {
  return fork(script, args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
}

export function ask<T>(child: ChildProcess, message: { type: string } & Record<string, unknown>, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a bench child did not answer ${message.type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (answer: { type: string }) => {
      if (answer.type !== message.type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** Resolves with the URL the child prints once listening. */
export function listening(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway did not start listening')), timeoutMs);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /LISTENING (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before listening`)));
  });
}

/** Waits for a child's first message ('started'). */
export function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`a bench child exited with ${code}`)));
  });
}

export async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
