import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MAX_EVENTS_PER_BATCH } from '../shared/ingest';
import { IngestPipeline } from '../server/ingest/ingest-pipeline';
import { MetricEngine } from '../server/metrics';
import { silentLogger } from '../server/runtime/logger';
import { Counter } from '../server/runtime/prometheus';
import { openStore, type GatewayStore } from '../server/store';
import { COMPACT_EVERY_EVENTS, Housekeeping } from '../server/store/housekeeping';
import { restoreState } from '../server/store/restore-state';
import { byMode, type BenchMode } from './support/benchmark';
import type { Row } from './support/table';
import { ticketStream, type TicketStream } from './support/ticket-stream';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.UTC(2026, 10, 1);

/** The store on disk: the database file and its write-ahead log. */
const bytesOf = (file: string) => [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);

/** The gateway's persistence path in process (store, pipeline, engine, housekeeping) on a clock the bench moves. */
function openGatewayStore(dataDir: string, queueIds: readonly string[], clock: { now: () => number }, compactionsMs: number[] = []) {
  const store = openStore({ dataDir, clock, logger: silentLogger });
  const engine = new MetricEngine({ queues: queueIds.map((id) => ({ id, firstResponseTargetSeconds: 300 })) });
  let pipeline: IngestPipeline | null = null;
  // Housekeeping's own timer is not started: the bench calls run() every ten simulated minutes, as it would.
  const housekeeping = new Housekeeping({
    store,
    clock,
    scheduler: { every: () => () => {} },
    engineState: (now) => pipeline!.checkpointState(now),
    clockSpeed: 1,
    logger: silentLogger,
    // As the gateway times its database writes: here each housekeeping run, compaction included.
    timed: (write) => {
      const started = performance.now();
      write();
      compactionsMs.push(performance.now() - started);
    },
  });
  pipeline = new IngestPipeline({
    engine,
    log: store.events,
    isDurable: () => true,
    dropped: new Counter('dropped'),
    logged: (count) => housekeeping.appended(count),
    touched: () => {},
    sourceStatus: () => {},
  });
  return { store, engine, pipeline, housekeeping };
}

/** A restart: open the file (quick_check included) and rebuild the engine from checkpoint and tail. */
function timedRestart(dataDir: string, queueIds: readonly string[], clock: { now: () => number }): { ms: number; tail: number; store: GatewayStore } {
  const started = performance.now();
  const { store, pipeline } = openGatewayStore(dataDir, queueIds, clock);
  const tail = store.events.counts().events;
  restoreState({ log: store.events, pipeline, alerts: { restore: () => 0 }, logger: silentLogger });
  return { ms: performance.now() - started, tail, store };
}

/** The floor: the same rows into a bare SQLite table (same pragmas, same batches), then read back in order. */
function bareFloor(dir: string, streams: readonly TicketStream[]): { bytes: number; bytesByDay: number[]; readMs: number } {
  const file = join(dir, 'bare.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT, ticket_id TEXT, queue_id TEXT, at INTEGER)');
  const insert = db.prepare('INSERT INTO events (event_id, type, ticket_id, queue_id, at) VALUES (?, ?, ?, ?, ?)');
  const batch = db.transaction((events: ReturnType<TicketStream['events']>) => {
    for (const e of events) insert.run(e.eventId, e.type, e.ticketId, e.queueId ?? null, e.at);
  });
  const bytesByDay: number[] = [];
  for (const stream of streams) {
    let day = 1;
    for (let from = 0; from < stream.length; ) {
      const to = Math.min(stream.length, from + MAX_EVENTS_PER_BATCH, stream.indexAt(stream.at(from) + 10 * MIN));
      batch(stream.events(from, to));
      from = to;
      if (stream === streams[0] && (from === stream.length || stream.at(from) >= stream.start + day * DAY)) {
        bytesByDay.push(bytesOf(file));
        day++;
      }
    }
  }
  db.close();
  const started = performance.now();
  const again = new Database(file, { readonly: true });
  let rows = 0;
  for (const _ of again.prepare('SELECT event_id, type, ticket_id, queue_id, at FROM events ORDER BY seq').iterate()) rows++;
  const readMs = performance.now() - started;
  again.close();
  if (rows === 0) throw new Error('the bare floor read no rows');
  return { bytes: bytesOf(file), bytesByDay, readMs };
}

/**
 * Issue 16's flood: a million tickets created in minutes and never solved (every one stays open in the
 * engine, so the checkpoint is as large as it gets), then a restart.
 */
function floodRestart(dir: string, total: number, queueIds: readonly string[]): { ms: number; tail: number; bytes: number; longestCompactionMs: number } {
  const dataDir = join(dir, 'flood');
  mkdirSync(dataDir, { recursive: true });
  let now = START;
  const clock = { now: () => now };
  const compactionsMs: number[] = [];
  const flood = openGatewayStore(dataDir, queueIds, clock, compactionsMs);
  for (let from = 0; from < total; from += MAX_EVENTS_PER_BATCH) {
    const events = Array.from({ length: Math.min(MAX_EVENTS_PER_BATCH, total - from) }, (_, i) => {
      const n = from + i;
      return { eventId: `f${n}`, type: 'created' as const, ticketId: `f${n}`, queueId: queueIds[n % queueIds.length]!, at: START + n };
    });
    now = START + from;
    flood.pipeline.ingestEvents('crm', events);
  }
  // The next beat after the flood: whatever the 200,000-event trigger left goes into the checkpoint too.
  now += 10 * MIN;
  flood.housekeeping.run();
  flood.store.close();
  const restart = timedRestart(dataDir, queueIds, clock);
  const bytes = bytesOf(restart.store.file);
  restart.store.close();
  return { ms: restart.ms, tail: restart.tail, bytes, longestCompactionMs: Math.max(...compactionsMs) };
}

/**
 * A month of ingest into the store on simulated time: the database size by day and the restart replay
 * after it, then after the longest tail a compaction allows, beside a bare SQLite insert and read of the
 * same rows.
 */
export function storeSoak(mode: BenchMode, log: (line: string) => void, dir: string): Row[] {
  const total = byMode(mode, { full: 1_000_000, quick: 1_000_000, smoke: 100_000 });
  const days = byMode(mode, { full: 30, quick: 30, smoke: 3 });
  const month = ticketStream({ events: total, days, queues: 20, start: START });
  const burst = ticketStream({ events: COMPACT_EVERY_EVENTS - 1, days: 0.01, queues: 20, start: START + days * DAY, seed: 2, idPrefix: 'b' });
  const dataDir = join(dir, 'store');
  mkdirSync(dataDir, { recursive: true });
  let now = START;
  const clock = { now: () => now };
  const compactionsMs: number[] = [];
  const live = openGatewayStore(dataDir, month.queueIds, clock, compactionsMs);
  const bytesByDay: number[] = [];
  const ingestStarted = performance.now();
  let nextHousekeeping = START + 10 * MIN;
  for (let from = 0; from < month.length; ) {
    const to = Math.min(month.length, from + MAX_EVENTS_PER_BATCH, month.indexAt(month.at(from) + 10 * MIN));
    now = Math.max(now, month.at(to - 1));
    live.pipeline.ingestEvents('crm', month.events(from, to));
    from = to;
    while (nextHousekeeping <= now) {
      live.housekeeping.run();
      nextHousekeeping += 10 * MIN;
    }
    if (from === month.length || month.at(from) >= START + (bytesByDay.length + 1) * DAY) bytesByDay.push(bytesOf(live.store.file));
  }
  const ingestS = (performance.now() - ingestStarted) / 1000;
  const compactions = compactionsMs.length;
  const compactMs = compactionsMs.reduce((a, b) => a + b, 0);
  live.store.close();
  const restart = timedRestart(dataDir, month.queueIds, clock);
  restart.store.close();
  // The longest tail: a flood one event short of the compaction it would trigger, then a restart.
  const flooded = openGatewayStore(dataDir, month.queueIds, clock);
  restoreState({ log: flooded.store.events, pipeline: flooded.pipeline, alerts: { restore: () => 0 }, logger: silentLogger });
  for (let from = 0; from < burst.length; from += MAX_EVENTS_PER_BATCH) {
    flooded.pipeline.ingestEvents('crm', burst.events(from, Math.min(burst.length, from + MAX_EVENTS_PER_BATCH)));
  }
  flooded.store.close();
  const worst = timedRestart(dataDir, month.queueIds, clock);
  worst.store.close();
  const flood = floodRestart(dir, total, month.queueIds);
  const floor = bareFloor(dir, [month, burst]);

  const mb = (b: number) => b / 2 ** 20;
  const warm = Math.min(4, bytesByDay.length - 1);
  const spanned = bytesByDay.length;
  log(`${month.length.toLocaleString('en-GB')} events over ${spanned} simulated days (tickets created over ${days}, solved up to three days later) into the store in ${ingestS.toFixed(0)} s; ${compactions} compactions, ${(compactMs / compactions).toFixed(1)} ms each`);
  log(`database MB by day: ${bytesByDay.map((b) => mb(b).toFixed(1)).join(', ')}`);
  log(`bare floor MB by day: ${floor.bytesByDay.map((b) => mb(b).toFixed(1)).join(', ')}`);
  log(`restart: ${restart.ms.toFixed(0)} ms with ${restart.tail} events in the tail; after a flood of ${burst.length.toLocaleString('en-GB')}: ${worst.ms.toFixed(0)} ms with ${worst.tail.toLocaleString('en-GB')}; bare read of ${(month.length + burst.length).toLocaleString('en-GB')} rows ${floor.readMs.toFixed(0)} ms`);
  log(`flood of ${total.toLocaleString('en-GB')} tickets nobody solved: restart ${flood.ms.toFixed(0)} ms with ${flood.tail.toLocaleString('en-GB')} events in the tail, database ${mb(flood.bytes).toFixed(1)} MB, longest compaction ${flood.longestCompactionMs.toFixed(0)} ms`);
  return [
    { bench: 'soak (store)', figure: `database size after ${month.length.toLocaleString('en-GB')} events (${spanned} days simulated)`, value: mb(bytesByDay.at(-1)!), unit: 'MB', floor: mb(floor.bytesByDay.at(-1)!), goal: null, note: 'floor: a bare SQLite table of the same rows' },
    { bench: 'soak (store)', figure: `database size, last day ÷ day ${warm + 1}`, value: bytesByDay.at(-1)! / bytesByDay[warm]!, unit: '×', floor: floor.bytesByDay.at(-1)! / floor.bytesByDay[warm]!, goal: { max: 1.1 }, note: 'flat: compaction every ten simulated minutes' },
    { bench: 'soak (store)', figure: `restart replay after ${month.length.toLocaleString('en-GB')} events`, value: restart.ms / 1000, unit: 's', floor: floor.readMs / 1000, goal: { max: 5 }, note: `checkpoint + ${restart.tail} events in the tail; floor: bare read of every row` },
    { bench: 'soak (store)', figure: `restart replay, longest tail (${worst.tail.toLocaleString('en-GB')} events)`, value: worst.ms / 1000, unit: 's', floor: floor.readMs / 1000, goal: { max: 5 }, note: `a flood one event short of the compaction it triggers` },
    { bench: 'soak (store)', figure: `restart replay after a flood of ${total.toLocaleString('en-GB')} tickets nobody solved`, value: flood.ms / 1000, unit: 's', floor: floor.readMs / 1000, goal: { max: 5 }, note: `every ticket open in the checkpoint; database ${mb(flood.bytes).toFixed(0)} MB` },
    { bench: 'soak (store)', figure: 'compaction (checkpoint write), mean over the month', value: compactMs / compactions, unit: 'ms', floor: null, goal: null, note: `${compactions} housekeeping runs, longest ${Math.max(...compactionsMs).toFixed(0)} ms` },
    { bench: 'soak (store)', figure: 'compaction, longest in the flood', value: flood.longestCompactionMs, unit: 'ms', floor: null, goal: null, note: 'the event loop waits for it: one per 200,000 events or ten minutes' },
  ];
}
