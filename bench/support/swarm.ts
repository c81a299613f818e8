import { fork, type ChildProcess } from 'node:child_process';
import type { UpdateEncoding } from '../../shared/protocol/protocol';

export interface SwarmStats {
  connected: number;
  updates: number;
  bytes: number;
  snapshots: number;
  thresholdsAt: Array<[number, number[]]>;
  /** Per broadcast id: when each screen first held it. */
  broadcastsAt: Array<[string, number[]]>;
  liveAt: number[];
}

/** Screens spread over `processes` client processes (bench/support/client-swarm.ts), asking for `encoding` as the wall does. */
export class Swarm {
  private constructor(private readonly children: ChildProcess[]) {}

  static async start(url: string, count: number, processes = 2, reconnect = false, encoding: UpdateEncoding = 'compact'): Promise<Swarm> {
    const per = Math.ceil(count / processes);
    const children = Array.from({ length: processes }, (_, i) =>
      fork('bench/support/client-swarm.ts', [`--url=${url}`, `--count=${Math.min(per, count - i * per)}`, `--reconnect=${reconnect ? 1 : 0}`, `--encoding=${encoding}`], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    const swarm = new Swarm(children);
    await Promise.all(children.map((c) => new Promise((resolve, reject) => {
      c.once('message', resolve);
      c.once('exit', (code) => reject(new Error(`client swarm exited with ${code}`)));
    })));
    return swarm;
  }

  /** Waits until `count` screens are connected, or fails after `timeoutMs`. */
  async waitConnected(count: number, timeoutMs = 60_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const { connected } = await this.stats();
      if (connected >= count) return;
      if (Date.now() - started > timeoutMs) throw new Error(`only ${connected} of ${count} screens connected within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  stats(reset = false): Promise<SwarmStats> {
    return Promise.all(this.children.map((c) => ask(c, reset ? 'reset' : 'stats'))).then((all) => ({
      connected: sum(all.map((s) => s.connected)),
      updates: sum(all.map((s) => s.updates)),
      bytes: sum(all.map((s) => s.bytes)),
      snapshots: sum(all.map((s) => s.snapshots)),
      thresholdsAt: mergeThresholds(all.map((s) => s.thresholdsAt)),
      broadcastsAt: mergeThresholds(all.map((s) => s.broadcastsAt)),
      liveAt: all.flatMap((s) => s.liveAt),
    }));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const hard = setTimeout(() => c.kill('SIGKILL'), 5000);
            c.once('exit', () => {
              clearTimeout(hard);
              resolve();
            });
            c.disconnect();
          }),
      ),
    );
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function ask(child: ChildProcess, type: string): Promise<SwarmStats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client swarm did not answer')), 10_000);
    const onMessage = (m: SwarmStats & { type: string }) => {
      if (m.type !== 'stats') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

function mergeThresholds<K>(lists: Array<Array<[K, number[]]>>): Array<[K, number[]]> {
  const merged = new Map<K, number[]>();
  for (const list of lists) for (const [revision, times] of list) merged.set(revision, [...(merged.get(revision) ?? []), ...times]);
  return [...merged.entries()];
}
