// The screens of the saturation benchmark, spread over processes (bench/support/scale-screens-child.ts) of
// at most `perProcess` each, each process from its own loopback source address; grown and shrunk by steps.
import type { ChildProcess } from 'node:child_process';
import { mergeBuckets, type LatencyBuckets } from './scale-latency';
import { endProcess, spawnNode } from './scale-processes';

export interface FleetStats {
  screens: number;
  live: number;
  /** Live screens by server (the order of the fleet's urls). */
  liveByServer: number[];
  /** Screens that lost a live connection since the last reset (dropped as slow, or the server went). */
  drops: number;
  /** The drops by socket.io's disconnect reason ('ping timeout', 'transport close', …). */
  dropReasons: Record<string, number>;
  /** Updates received since the last reset, by server (the order of the fleet's urls). */
  deliveries: number[];
  bytes: number;
  latency: LatencyBuckets;
  /** The worst client process's event-loop delay p99 (ms): high, and the screens, not the server, are slow. */
  loopDelayP99Ms: number;
  /** By update (its send time): the first and the last delivery to any screen, ms after that time. */
  bursts: Array<[number, [number, number]]>;
}

/** Source addresses 127.0.0.2 to 127.0.0.254 in turn over the whole run: no two processes share a port range. */
let nextAddress = 0;
const takeAddress = () => `127.0.0.${2 + (nextAddress++ % 253)}`;

export class ScreenFleet {
  private readonly children: Array<{ child: ChildProcess; screens: number }> = [];
  private total = 0;

  constructor(
    private readonly urls: readonly string[],
    private readonly perProcess: number,
  ) {}

  get screens(): number {
    return this.total;
  }

  /** Adds or removes screens until the fleet holds `count`; resolves once every new one has been opened (not yet connected). */
  async resize(count: number): Promise<void> {
    if (count < this.total) return this.shrink(this.total - count);
    // New processes start side by side: each takes a second or two to load.
    const room = this.children.reduce((free, c) => free + this.perProcess - c.screens, 0);
    const needed = Math.max(0, Math.ceil((count - this.total - room) / this.perProcess));
    const started = await Promise.all(Array.from({ length: needed }, () => this.spawn()));
    this.children.push(...started.map((child) => ({ child, screens: 0 })));
    const adding: Array<Promise<unknown>> = [];
    let firstIndex = this.total;
    while (this.total < count) {
      const slot = this.children.find((c) => c.screens < this.perProcess)!;
      const n = Math.min(this.perProcess - slot.screens, count - this.total);
      adding.push(request(slot.child, { type: 'add', count: n, firstIndex }, 'added', 600_000));
      slot.screens += n;
      this.total += n;
      firstIndex += n;
    }
    await Promise.all(adding);
  }

  /** Waits until `count` screens hold a snapshot; false if they do not within `timeoutMs`. */
  async waitLive(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.stats(false)).live >= count) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async stats(reset: boolean): Promise<FleetStats> {
    const all = await Promise.all(this.children.map((c) => request<FleetStats>(c.child, { type: 'stats', reset }, 'stats', 20_000)));
    const sum = (pick: (s: FleetStats) => number) => all.reduce((total, s) => total + pick(s), 0);
    return {
      screens: sum((s) => s.screens),
      live: sum((s) => s.live),
      liveByServer: this.urls.map((_, i) => sum((s) => s.liveByServer[i] ?? 0)),
      drops: sum((s) => s.drops),
      dropReasons: addUp(all.map((s) => s.dropReasons)),
      deliveries: this.urls.map((_, i) => sum((s) => s.deliveries[i] ?? 0)),
      bytes: sum((s) => s.bytes),
      latency: mergeBuckets(all.map((s) => s.latency)),
      loopDelayP99Ms: Math.max(0, ...all.map((s) => s.loopDelayP99Ms)),
      bursts: mergeBursts(all.map((s) => s.bursts)),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map((c) => endProcess(c.child, 3000)));
    this.children.length = 0;
    this.total = 0;
  }

  private async shrink(count: number): Promise<void> {
    let left = count;
    for (const slot of [...this.children].reverse()) {
      const n = Math.min(left, slot.screens);
      if (n === 0) continue;
      await request(slot.child, { type: 'remove', count: n }, 'removed', 20_000);
      slot.screens -= n;
      this.total -= n;
      left -= n;
      if (left === 0) return;
    }
  }

  private async spawn(): Promise<ChildProcess> {
    const child = spawnNode('bench/support/scale-screens-child.ts', [`--urls=${this.urls.join(',')}`, `--local=${takeAddress()}`], ['ignore', 'inherit', 'inherit', 'ipc']);
    const started = await request<{ openFiles: number | null }>(child, null, 'started', 60_000);
    if (started.openFiles !== null && started.openFiles < this.perProcess + 100) {
      throw new Error(`a screen process may open ${started.openFiles} files, too few for ${this.perProcess} screens: raise the hard limit (ulimit -Hn)`);
    }
    return child;
  }
}

/** Every process's first and last delivery of each update, as the first and the last over all of them. */
export function mergeBursts(lists: ReadonlyArray<FleetStats['bursts']>): FleetStats['bursts'] {
  const merged = new Map<number, [number, number]>();
  for (const list of lists) {
    for (const [sent, [first, last]] of list) {
      const seen = merged.get(sent);
      merged.set(sent, seen ? [Math.min(seen[0], first), Math.max(seen[1], last)] : [first, last]);
    }
  }
  return [...merged].sort((a, b) => a[0] - b[0]);
}

function addUp(counts: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const each of counts) for (const [key, n] of Object.entries(each)) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** Sends `message` (unless null) and resolves with the first message of type `answer`. */
function request<T = unknown>(child: ChildProcess, message: object | null, answer: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`a screen process exited (${code ?? signal}) while the benchmark waited for "${answer}"`));
    };
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      reject(new Error(`a screen process did not answer "${answer}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: T & { type: string }) => {
      if (m.type !== answer) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (message) child.send(message);
  });
}
