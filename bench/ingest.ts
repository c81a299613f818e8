import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { COMPACT_EVERY_EVENTS } from '../server/store/housekeeping';
import { byMode, sleep, type Benchmark, type BenchContext } from './support/benchmark';
import { BENCH_INGEST_LIMITS, floodBatches, INGEST_BATCH, INGEST_QUEUES } from './support/ingest-batches';
import { ask, forkChild, HealthPoller, listening, started, stopChild, Walls } from './support/ingest-probes';
import { percentile, type Row } from './support/table';

const SENDERS = 2;
const WALLS = 3;
/** Offered rates, raised until what is absorbed stops growing. */
const OFFERED = [4000, 8000, 16_000, 32_000, 64_000];

interface SenderStats { sent: number; accepted: number; duplicates: number; limited: number; failed: number; latencies: number[]; statuses: Record<string, number> }
interface GatewayStats { beats: number[]; checkpointWrites: number[]; loopMaxMs: number; longestGap: { wallMs: number; cpuMs: number }; dbWrites: number[]; gc: GcStats; cpu: { user: number; system: number } }
interface GcStats { majorCount: number; majorMaxMs: number; majorTotalMs: number; minorTotalMs: number; heapUsedMB: number }

/** The floor: the same rows into a bare SQLite table (the gateway's pragmas), one transaction per batch, for `seconds`. */
function bareWriter(dir: string, seconds: number): number {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, source_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, ticket_id TEXT NOT NULL, queue_id TEXT, at INTEGER NOT NULL, UNIQUE (source_id, event_id))');
  const insert = db.prepare('INSERT INTO events (source_id, event_id, type, ticket_id, queue_id, at) VALUES (?, ?, ?, ?, ?, ?)');
  const batch = db.transaction((events: ReturnType<ReturnType<typeof floodBatches>>) => {
    for (const e of events) insert.run('flood', e.eventId, e.type, e.ticketId, e.queueId ?? null, e.at);
  });
  const next = floodBatches('floor');
  const started = performance.now();
  let rows = 0;
  while (performance.now() - started < seconds * 1000) {
    batch(next(Date.now()));
    rows += INGEST_BATCH;
  }
  const perSecond = rows / ((performance.now() - started) / 1000);
  db.close();
  return perSecond;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Drives the senders at `offered` events/s for `seconds`, then reads what every side measured. */
async function phase(senders: ChildProcess[], gateway: ChildProcess, walls: Walls, health: HealthPoller, offered: number, seconds: number) {
  await Promise.all(senders.map((s) => ask(s, { type: 'stats', reset: true })));
  await ask(gateway, { type: 'stats', reset: true });
  health.take();
  walls.reset();
  for (const s of senders) s.send({ type: 'rate', eventsPerSecond: offered / senders.length });
  const begun = performance.now();
  await sleep(seconds * 1000);
  const elapsed = (performance.now() - begun) / 1000;
  const silenceMs = walls.longestSilenceMs();
  const sent = await Promise.all(senders.map((s) => ask<SenderStats>(s, { type: 'stats', reset: true })));
  const own = await ask<GatewayStats>(gateway, { type: 'stats', reset: true });
  const polled = health.take();
  return {
    offered,
    absorbed: sum(sent.map((s) => s.accepted)) / elapsed,
    refused: sum(sent.map((s) => s.limited + s.failed)),
    statuses: sent.reduce<Record<string, number>>((all, s) => {
      for (const [status, n] of Object.entries(s.statuses)) all[status] = (all[status] ?? 0) + n;
      return all;
    }, {}),
    ingestP99: percentile(sent.flatMap((s) => s.latencies), 0.99),
    healthP99: percentile(polled.latencies, 0.99),
    healthMax: Math.max(...polled.latencies),
    healthFailures: polled.failures,
    silenceMs,
    beats: own.beats,
    checkpointWrites: own.checkpointWrites,
    loopMaxMs: own.loopMaxMs,
    longestGap: own.longestGap,
    dbWrites: own.dbWrites,
    gc: own.gc,
  };
}

type Phase = Awaited<ReturnType<typeof phase>>;

function describe(p: Phase): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return (
    `offered ${p.offered} → absorbed ${Math.round(p.absorbed)} events/s; /healthz p99 ${ms(p.healthP99)} (max ${ms(p.healthMax)}); ` +
    `walls' longest silence ${ms(p.silenceMs)}; beat p50/p99/max ${percentile(p.beats, 0.5).toFixed(1)}/${percentile(p.beats, 0.99).toFixed(1)}/${Math.max(...p.beats).toFixed(1)} ms; ` +
    `event loop's longest stall ${ms(p.loopMaxMs)} (longest gap ${ms(p.longestGap.wallMs)}, ${ms(p.longestGap.cpuMs)} of it the gateway's CPU); database writes p99/max ${percentile(p.dbWrites, 0.99).toFixed(1)}/${Math.max(0, ...p.dbWrites).toFixed(1)} ms; checkpoint writes ${p.checkpointWrites.length}${p.checkpointWrites.length ? ` (longest ${ms(Math.max(...p.checkpointWrites))})` : ''}; ` +
    `major GCs ${p.gc.majorCount} (longest ${ms(p.gc.majorMaxMs)}, ${ms(p.gc.majorTotalMs)} in all; minor ${ms(p.gc.minorTotalMs)}), heap ${Math.round(p.gc.heapUsedMB)} MB; ` +
    `ingest p99 ${ms(p.ingestP99)}; answers ${JSON.stringify(p.statuses)}`
  );
}

async function flood(context: BenchContext, dir: string, compactEvery: number) {
  const stepSeconds = byMode(context.mode, { full: 15, quick: 4, smoke: 2 });
  const holdSeconds = byMode(context.mode, { full: 150, quick: 15, smoke: 3 });
  const profile = process.env.QB_INGEST_CPU_PROF;
  let gateway: ChildProcess | null = null;
  const senders: ChildProcess[] = [];
  let walls: Walls | null = null;
  let health: HealthPoller | null = null;
  try {
    gateway = forkChild('bench/support/ingest-gateway.ts', [`--dataDir=${join(dir, 'gateway')}`, `--compactEvery=${compactEvery}`], profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
    const url = await listening(gateway);
    for (let i = 0; i < SENDERS; i++) {
      const sender = forkChild('bench/support/ingest-sender.ts', [`--url=${url}`, `--localAddress=127.0.0.${i + 2}`, `--prefix=s${i}-`]);
      senders.push(sender);
      await started(sender);
    }
    walls = new Walls(url, WALLS);
    await walls.connected();
    health = new HealthPoller(url);
    const idle = await phase(senders, gateway, walls, health, 0, Math.min(stepSeconds, 3));
    context.log(`idle: /healthz p99 ${Math.round(idle.healthP99)} ms; beat p50 ${percentile(idle.beats, 0.5).toFixed(1)} ms`);
    let best: Phase | null = null;
    let saturating = OFFERED.at(-1)!;
    for (const offered of OFFERED) {
      const step = await phase(senders, gateway, walls, health, offered, stepSeconds);
      context.log(`step: ${describe(step)}`);
      const grew = !best || step.absorbed >= best.absorbed * 1.1;
      if (!best || step.absorbed > best.absorbed) best = step;
      if (!grew) {
        saturating = offered;
        break;
      }
    }
    const held = await phase(senders, gateway, walls, health, saturating, holdSeconds);
    context.log(`saturation, held ${holdSeconds} s: ${describe(held)}`);
    return { idle, held, peak: best! };
  } finally {
    health?.stop();
    walls?.close();
    await Promise.all(senders.map((s) => stopChild(s)));
    await stopChild(gateway);
  }
}

export const ingest: Benchmark = {
  name: 'ingest',
  title: `ingest saturation: ${SENDERS} clients on 127.0.0.x flood POST /api/v1/events (${INGEST_BATCH} events a batch, new tickets never solved) into the gateway with its SQLite store, offered rate raised until absorption stops growing, ${WALLS} walls connected and /healthz polled; floor: a bare SQLite writer of the same rows`,
  async run(context) {
    const dir = mkdtempSync(join(tmpdir(), 'qb-ingest-'));
    // Quick mode forces a compaction every 50,000 events (default 200,000) so its short flood crosses several.
    const compactEvery = byMode(context.mode, { full: COMPACT_EVERY_EVENTS, quick: 50_000, smoke: 20_000 });
    try {
      context.log(
        `the bench's ingest key has limits.ingest.requestsPerSecond ${BENCH_INGEST_LIMITS.requestsPerSecond} and eventsPerSecond ${BENCH_INGEST_LIMITS.eventsPerSecond} ` +
          `(defaults 50 and 2,000), so the gateway's absorption is measured, not the limiter; compaction every ${compactEvery} events; ${INGEST_QUEUES} queues`,
      );
      const floor = bareWriter(dir, byMode(context.mode, { full: 15, quick: 5, smoke: 2 }));
      context.log(`floor: bare SQLite writer, ${Math.round(floor)} events/s`);
      const { held, peak } = await flood(context, dir, compactEvery);
      const beats = held.beats;
      const note = `held ${Math.round(held.offered)} offered/s`;
      const rows: Row[] = [
        { bench: 'ingest', figure: 'events/s absorbed at saturation', value: held.absorbed, unit: '/s', floor, goal: { min: 5000 }, note: `${note}; peak step ${Math.round(peak.absorbed)}/s` },
        { bench: 'ingest', figure: '/healthz p99 under the flood', value: held.healthP99, unit: 'ms', floor: null, goal: null, note: `max ${Math.round(held.healthMax)} ms, ${held.healthFailures} failed` },
        { bench: 'ingest', figure: "walls' longest silence", value: held.silenceMs / 1000, unit: 's', floor: null, goal: { max: 1.5 }, note: `${WALLS} walls` },
        { bench: 'ingest', figure: 'evaluation beat p50', value: percentile(beats, 0.5), unit: 'ms', floor: null, goal: null },
        { bench: 'ingest', figure: 'evaluation beat p99', value: percentile(beats, 0.99), unit: 'ms', floor: null, goal: { max: 50 } },
        { bench: 'ingest', figure: 'evaluation beat max', value: Math.max(...beats), unit: 'ms', floor: null, goal: { max: 50 }, note: `${beats.length} beats` },
        { bench: 'ingest', figure: 'longest major GC pause', value: held.gc.majorMaxMs, unit: 'ms', floor: null, goal: null, note: `${held.gc.majorCount} major collections, ${Math.round(held.gc.majorTotalMs)} ms in all; heap ${Math.round(held.gc.heapUsedMB)} MB at the end` },
        { bench: 'ingest', figure: "gateway event loop's longest stall", value: held.loopMaxMs, unit: 'ms', floor: null, goal: null, note: `longest gap ${Math.round(held.longestGap.wallMs)} ms, ${Math.round(held.longestGap.cpuMs)} ms of it the gateway's CPU; ${held.checkpointWrites.length} checkpoint writes (rows or chunks), longest ${held.checkpointWrites.length ? Math.round(Math.max(...held.checkpointWrites)) : 0} ms` },
      ];
      for (const row of rows.filter((r) => r.goal)) {
        const goal = row.goal!;
        const pass = 'max' in goal ? row.value <= goal.max : row.value >= goal.min;
        context.log(`${pass ? 'PASS' : 'FAIL'}: ${row.figure} ${row.value.toFixed(row.unit === 's' ? 2 : 0)} ${row.unit} (goal ${'max' in goal ? `≤ ${goal.max}` : `≥ ${goal.min}`})`);
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
