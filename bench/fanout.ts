import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byMode, sleep, type Benchmark, type BenchContext } from './support/benchmark';
import { recordTraffic, startServer, type Recording, type ServerProcess } from './support/recording';
import { encodedSizes } from './support/encodings';
import { Swarm } from './support/swarm';
import type { Row } from './support/table';
import type { UpdateEncoding } from '../shared/protocol/protocol';

interface FanoutFigures {
  deliveriesPerSecond: number;
  coresUsed: number;
  perCore: number;
  bytesPerScreenSecond: number;
}

/** Deliveries per second per core of the server process, and bytes per screen per second, over `windowMs`. */
async function measure(server: ServerProcess, screens: number, windowMs: number, context: BenchContext, encoding: UpdateEncoding = 'compact'): Promise<FanoutFigures> {
  const swarm = await Swarm.start(server.url, screens, 2, false, encoding);
  try {
    await swarm.waitConnected(screens);
    await sleep(byMode(context.mode, { full: 5000, quick: 3000, smoke: 500 }));
    await swarm.stats(true);
    const before = await server.usage();
    await sleep(windowMs);
    const after = await server.usage();
    const stats = await swarm.stats();
    const seconds = (after.at - before.at) / 1000;
    const coresUsed = (after.cpuMicros - before.cpuMicros) / 1e6 / seconds;
    const deliveriesPerSecond = stats.updates / seconds;
    return { deliveriesPerSecond, coresUsed, perCore: deliveriesPerSecond / Math.max(coresUsed, 1e-6), bytesPerScreenSecond: stats.bytes / screens / seconds };
  } finally {
    await swarm.stop();
  }
}

export const fanout: Benchmark = {
  name: 'fanout',
  title: 'gateway fan-out: 300 queues at 1 Hz to many socket.io screens asking for compact updates (as the wall does), against a bare socket.io server sending the same bytes; then the same gateway to screens asking for the readable form',
  async run(context) {
    const queues = byMode(context.mode, { full: 300, quick: 300, smoke: 20 });
    const screens = byMode(context.mode, { full: 500, quick: 500, smoke: 10 });
    const windowMs = byMode(context.mode, { full: 60_000, quick: 20_000, smoke: 2000 });
    const dir = mkdtempSync(join(tmpdir(), 'qb-fanout-'));
    const replay = join(dir, 'recording.json');
    let gateway: ServerProcess | null = null;
    let floor: ServerProcess | null = null;
    try {
      gateway = await startServer({ kind: 'gateway', config: 'synthetic', queues });
      // Recorded as the screens receive it (compact), so the floor replays the same bytes.
      const recording: Recording = await recordTraffic(gateway.url, byMode(context.mode, { full: 10, quick: 5, smoke: 2 }), replay, 30_000, 2, 'compact');
      const sizes = encodedSizes(recording);
      const snapshotBytes = JSON.stringify(recording.snapshot).length;
      context.log(
        `recorded ${recording.updates.length} compact updates, one every ${recording.intervalMs} ms, ${Math.round(sizes.compact)} B each ` +
          `(readable: ${Math.round(sizes.json)} B); a snapshot is ${snapshotBytes} B`,
      );
      const real = await measure(gateway, screens, windowMs, context);
      context.log(`gateway, compact screens: ${JSON.stringify(real)}`);
      const readable = await measure(gateway, screens, windowMs, context, 'json');
      context.log(`gateway, json screens:    ${JSON.stringify(readable)}`);
      await gateway.stop();
      gateway = null;
      // The floor sends at the rate the screens saw from the gateway.
      const intervalMs = Math.round((1000 * screens) / Math.max(real.deliveriesPerSecond, 1e-3));
      floor = await startServer({ kind: 'floor', replay, intervalMs });
      const bare = await measure(floor, screens, windowMs, context);
      context.log(`floor:   ${JSON.stringify(bare)}`);
      const updatesPerSecond = real.deliveriesPerSecond / screens;
      const rows: Row[] = [
        { bench: 'fanout', figure: `deliveries/s per core (${screens} screens)`, value: real.perCore, unit: '/s/core', floor: bare.perCore, goal: { min: 30_000 }, note: 'compact screens' },
        { bench: 'fanout', figure: 'deliveries/s (total)', value: real.deliveriesPerSecond, unit: '/s', floor: bare.deliveriesPerSecond, goal: null },
        { bench: 'fanout', figure: 'server CPU', value: real.coresUsed * 100, unit: '% core', floor: bare.coresUsed * 100, goal: null },
        { bench: 'fanout', figure: 'bytes per screen, compact deltas', value: real.bytesPerScreenSecond / 1024, unit: 'KB/s', floor: bare.bytesPerScreenSecond / 1024, goal: { max: 5 }, note: 'measured; what the renderer asks for' },
        {
          bench: 'fanout',
          figure: '… readable json deltas',
          value: readable.bytesPerScreenSecond / 1024,
          unit: 'KB/s',
          floor: null,
          goal: null,
          note: `measured, ${screens} json screens; the default for third parties`,
        },
        {
          bench: 'fanout',
          figure: '… json screens: deliveries/s per core',
          value: readable.perCore,
          unit: '/s/core',
          floor: null,
          goal: { min: 30_000 },
          note: 'measured second, same gateway (warmer: reads high)',
        },
        {
          bench: 'fanout',
          figure: '… permessage-deflate (estimate)',
          value: (sizes.deflate * updatesPerSecond) / 1024,
          unit: 'KB/s',
          floor: null,
          goal: { max: 5 },
          note: 'costs a deflate per screen per update',
        },
        {
          bench: 'fanout',
          figure: 'bytes per screen, full snapshots instead',
          value: (snapshotBytes * updatesPerSecond) / 1024,
          unit: 'KB/s',
          floor: null,
          goal: { max: 5 },
          note: `a snapshot at each update (${updatesPerSecond.toFixed(2)}/s)`,
        },
      ];
      return rows;
    } finally {
      await gateway?.stop();
      await floor?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
