import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol/protocol';
import { byMode, sleep, type Benchmark } from './support/benchmark';
import { recordTraffic, startServer, type ServerProcess } from './support/recording';
import { Swarm } from './support/swarm';
import { percentile, type Row } from './support/table';

const now = () => performance.timeOrigin + performance.now();
type Answer = { ok: boolean; broadcast?: { id: string }; issues?: string[] };

/**
 * A manager posts `posts` broadcasts to every screen, one at a time, ending each before the next; returns,
 * for every screen and post, ms from the post being sent to the screen holding the broadcast.
 */
async function measure(url: string, screens: number, posts: number, gapMs: number): Promise<number[]> {
  const swarm = await Swarm.start(url, screens, 2);
  let manager: Socket | null = null;
  try {
    await swarm.waitConnected(screens);
    manager = io(url, { auth: { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-manager-token' }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      manager!.once('connect', () => resolve());
      manager!.once('connect_error', reject);
    });
    await sleep(gapMs);
    await swarm.stats(true);
    const sentAt = new Map<string, number>();
    const send = (event: string, request: unknown) => new Promise<Answer>((resolve) => manager!.emit(event, request, resolve));
    for (let i = 0; i < posts; i++) {
      const started = now();
      const answer = await send('broadcast:post', { text: `Benchmark broadcast ${i}`, severity: 'warning', audience: { kind: 'all' }, endsAt: Date.now() + 600_000 });
      if (!answer.ok || !answer.broadcast) throw new Error(`broadcast:post refused: ${JSON.stringify(answer)}`);
      sentAt.set(answer.broadcast.id, started);
      await sleep(gapMs);
      await send('broadcast:end', { broadcastId: answer.broadcast.id });
      await sleep(gapMs / 2);
    }
    await sleep(2 * gapMs);
    const latencies: number[] = [];
    for (const [id, times] of (await swarm.stats()).broadcastsAt) {
      const started = sentAt.get(id);
      if (started !== undefined) latencies.push(...times.map((t) => t - started));
    }
    const missing = posts * screens - latencies.length;
    if (missing > 0) throw new Error(`${missing} of ${posts * screens} screen×broadcast deliveries never arrived`);
    return latencies;
  } finally {
    manager?.disconnect();
    await swarm.stop();
  }
}

export const broadcast: Benchmark = {
  name: 'broadcast',
  title: "broadcast propagation: a manager's broadcast:post until 100 screens hold it, against a bare socket.io emit",
  async run(context) {
    const screens = byMode(context.mode, { full: 100, quick: 100, smoke: 5 });
    const posts = byMode(context.mode, { full: 50, quick: 20, smoke: 3 });
    const gapMs = byMode(context.mode, { full: 400, quick: 400, smoke: 150 });
    const dir = mkdtempSync(join(tmpdir(), 'qb-broadcast-'));
    let server: ServerProcess | null = null;
    try {
      // A real gateway under load (300 queues, a reading each a second) with its SQLite store: every post is stored and audited.
      server = await startServer({ kind: 'gateway', config: 'synthetic', queues: 300, store: 'sqlite', dataDir: dir });
      await recordTraffic(server.url, 1, join(dir, 'recording.json'), 30_000, 0);
      const real = await measure(server.url, screens, posts, gapMs);
      await server.stop();
      server = await startServer({ kind: 'floor', replay: join(dir, 'recording.json') });
      const bare = await measure(server.url, screens, posts, gapMs);
      context.log(`gateway p50 ${percentile(real, 0.5).toFixed(1)} ms, floor p50 ${percentile(bare, 0.5).toFixed(1)} ms (${real.length} deliveries each)`);
      return [
        { bench: 'broadcast', figure: `post→${screens} screens p50`, value: percentile(real, 0.5), unit: 'ms', floor: percentile(bare, 0.5), goal: null, note: `${posts} posts, each stored and audited` },
        { bench: 'broadcast', figure: `post→${screens} screens p99`, value: percentile(real, 0.99), unit: 'ms', floor: percentile(bare, 0.99), goal: { max: 2000 } },
      ] satisfies Row[];
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
