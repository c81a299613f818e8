import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol/protocol';
import { byMode, sleep, type Benchmark } from './support/benchmark';
import { recordTraffic, startServer, type ServerProcess } from './support/recording';
import { Swarm } from './support/swarm';
import { percentile, type Row } from './support/table';

interface Override {
  scope: string;
  scopeId: string;
  metric: string;
  profile: string;
  version: number;
}

const now = () => performance.timeOrigin + performance.now();

/** A manager saves `saves` times; returns, for every screen and save, ms from the save being sent to the screen holding the new thresholds. */
async function measure(url: string, screens: number, saves: number, gapMs: number): Promise<number[]> {
  const swarm = await Swarm.start(url, screens, 1);
  let manager: Socket | null = null;
  try {
    await swarm.waitConnected(screens);
    manager = io(url, { auth: { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, transports: ['websocket'], forceNew: true, reconnection: false });
    let version: number | null = null;
    manager.on('thresholds', (state: { overrides?: Override[] }) => {
      const mine = state.overrides?.find((o) => o.scope === 'default' && o.metric === 'backlog' && o.profile === '');
      version = mine?.version ?? null;
    });
    await new Promise<void>((resolve, reject) => {
      manager!.once('connect', () => resolve());
      manager!.once('connect_error', reject);
    });
    await sleep(gapMs);
    await swarm.stats(true);
    const sentAt = new Map<number, number>();
    for (let i = 0; i < saves; i++) {
      const started = now();
      const answer = await new Promise<{ ok: boolean; revision?: number; issues?: string[] }>((resolve) => {
        manager!.emit(
          'thresholds:save',
          { changes: [{ key: { scope: 'default', scopeId: '', metric: 'backlog' }, value: { warning: 200 + (i % 2), critical: 400 }, expectedVersion: version }] },
          resolve,
        );
      });
      if (!answer.ok || answer.revision === undefined) throw new Error(`thresholds:save refused: ${JSON.stringify(answer)}`);
      sentAt.set(answer.revision, started);
      await sleep(gapMs);
    }
    await sleep(2 * gapMs);
    const stats = await swarm.stats();
    const latencies: number[] = [];
    for (const [revision, times] of stats.thresholdsAt) {
      const started = sentAt.get(revision);
      if (started !== undefined) latencies.push(...times.map((t) => t - started));
    }
    const missing = saves * screens - latencies.length;
    if (missing > 0) throw new Error(`${missing} of ${saves * screens} screen×save deliveries never arrived`);
    return latencies;
  } finally {
    manager?.disconnect();
    await swarm.stop();
  }
}

export const propagation: Benchmark = {
  name: 'propagation',
  title: "threshold propagation: a manager's thresholds:save until 100 screens hold the new thresholds, against a bare socket.io server",
  async run(context) {
    const screens = byMode(context.mode, { full: 100, quick: 100, smoke: 5 });
    const saves = byMode(context.mode, { full: 50, quick: 20, smoke: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'qb-propagation-'));
    let server: ServerProcess | null = null;
    try {
      server = await startServer({ kind: 'gateway', config: 'synthetic', queues: 300, store: 'sqlite', dataDir: dir });
      // Only the snapshot and thresholds are replayed here.
      await recordTraffic(server.url, 1, join(dir, 'recording.json'), 30_000, 0);
      const gapMs = byMode(context.mode, { full: 400, quick: 400, smoke: 150 });
      const real = await measure(server.url, screens, saves, gapMs);
      await server.stop();
      server = await startServer({ kind: 'floor', replay: join(dir, 'recording.json') });
      const bare = await measure(server.url, screens, saves, gapMs);
      context.log(`gateway p50 ${percentile(real, 0.5).toFixed(1)} ms, floor p50 ${percentile(bare, 0.5).toFixed(1)} ms (${real.length} deliveries each)`);
      const rows: Row[] = [
        { bench: 'propagation', figure: `save→${screens} screens p50`, value: percentile(real, 0.5), unit: 'ms', floor: percentile(bare, 0.5), goal: null, note: `${saves} saves, 300 queues re-judged each` },
        { bench: 'propagation', figure: `save→${screens} screens p99`, value: percentile(real, 0.99), unit: 'ms', floor: percentile(bare, 0.99), goal: { max: 250 } },
      ];
      return rows;
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
