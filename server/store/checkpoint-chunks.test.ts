import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { FakeTime } from '../../tests/support/fake-time';
import { IngestPipeline } from '../ingest/ingest-pipeline';
import { MetricEngine } from '../metrics';
import { silentLogger } from '../runtime/logger';
import { Counter } from '../runtime/prometheus';
import { CHECKPOINT_CHUNK_CHARS, chunksOf } from './checkpoint-chunks';
import { Housekeeping } from './housekeeping';
import { openStore, type GatewayStore } from './index';
import { MIGRATIONS } from './migrations';
import { restoreState } from './restore-state';

// Issue 16: held at ingest saturation, a flood's checkpoint (57 MB) was one SQLite statement of 617 ms on the
// event loop, and the walls went 1.73 s without a message. It is now written a chunk per turn of the loop,
// with input let in meanwhile, and counts only once the last chunk is written.
const T0 = Date.UTC(2026, 11, 7, 9);
const HOUR = 3_600_000;
const QUEUES = ['chat', 'mail'];
const stores: GatewayStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

/** Ticket ids long enough that a few thousand tickets make a checkpoint of several chunks. */
const id = (n: number) => `ticket-${'x'.repeat(200)}-${n}`;
const created = (n: number, at = T0 + n): TicketEvent => ({ eventId: `e${n}`, type: 'created', ticketId: id(n), queueId: QUEUES[n % 2]!, at });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function world(dataDir: string, time: FakeTime, onTurn: () => void = () => {}) {
  const store = openStore({ dataDir, clock: time, logger: silentLogger });
  stores.push(store);
  const engine = new MetricEngine({ queues: QUEUES.map((q) => ({ id: q, firstResponseTargetSeconds: 300 })) });
  let pipeline: IngestPipeline | null = null;
  const housekeeping = new Housekeeping({
    store, clock: time, scheduler: time, clockSpeed: 1, logger: silentLogger, timed: (write) => write(), compactEveryEvents: 5000,
    engineState: (now) => pipeline!.checkpointState(now),
    sliced: {
      hold: () => pipeline!.hold(),
      stateSlices: (now) => pipeline!.checkpointSlices(now),
      nextTurn: () => {
        onTurn();
        return new Promise((resolve) => setImmediate(resolve));
      },
    },
  });
  pipeline = new IngestPipeline({ engine, log: store.events, isDurable: () => true, dropped: new Counter('dropped'), logged: (n) => housekeeping.appended(n), touched: () => {}, sourceStatus: () => {} });
  restoreState({ log: store.events, pipeline, alerts: { restore: () => 0 }, logger: silentLogger });
  return { store, engine, pipeline, housekeeping };
}

const figures = (engine: MetricEngine, now: number) => Object.fromEntries(QUEUES.map((q) => [q, engine.metricsFor(q, now)]));
const chunkRows = (store: GatewayStore) => {
  const db = new Database(store.file, { readonly: true });
  const rows = db.prepare('SELECT generation, length(text) AS chars FROM engine_checkpoint_chunks ORDER BY generation, idx').all() as Array<{ generation: number; chars: number }>;
  db.close();
  return rows;
};

describe('the checkpoint written in chunks', () => {
  it('is written a chunk per turn of the event loop, with input let in meanwhile, and counts once the last chunk is in', async () => {
    const time = new FakeTime(T0);
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-chunks-'));
    let w: ReturnType<typeof world> | null = null;
    // At each turn: is input held, and is the checkpoint written yet?
    const turns: Array<{ held: boolean; written: boolean }> = [];
    w = world(dataDir, time, () => turns.push({ held: w!.pipeline.whenOpen() !== null, written: w!.store.events.checkpoint() !== null }));
    w.pipeline.ingestEvents('crm', range(0, 5000).map((n) => created(n)));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // Input that arrives while the chunks are written goes in at once and stays in the tail.
    while (w.pipeline.whenOpen() !== null) await new Promise((resolve) => setImmediate(resolve));
    w.pipeline.ingestEvents('crm', range(5000, 5010).map((n) => created(n)));
    await w.housekeeping.settled();
    const state = w.store.events.checkpoint()!.state;
    const chunks = Math.ceil(state.length / CHECKPOINT_CHUNK_CHARS);
    expect(chunks).toBeGreaterThan(3);
    // Before: the whole text in the turn the state was built (no turn with input let in and the row not written).
    expect(turns.filter((t) => !t.held && !t.written).length).toBeGreaterThanOrEqual(chunks);
    expect(chunkRows(w.store).every((row) => row.chars <= CHECKPOINT_CHUNK_CHARS)).toBe(true);
    expect(w.store.events.counts().events).toBe(10);
    const expected = figures(w.engine, T0 + HOUR);
    w.store.close();
    stores.length = 0;
    const again = world(dataDir, time);
    expect(figures(again.engine, T0 + HOUR)).toEqual(expected);
    expect(figures(again.engine, T0 + HOUR).chat!.backlog).toBe(2505);
  });

  it('restarts from the previous checkpoint when stopped half-way through the chunks, and deletes the half-written ones later', async () => {
    const time = new FakeTime(T0);
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-chunks-'));
    let armed = false;
    let turnsAfterRelease = 0;
    let w: ReturnType<typeof world> | null = null;
    w = world(dataDir, time, () => {
      if (armed && w!.pipeline.whenOpen() === null && ++turnsAfterRelease === 3) w!.housekeeping.stop();
    });
    w.pipeline.ingestEvents('crm', range(0, 5000).map((n) => created(n)));
    await w.housekeeping.settled();
    const first = w.store.events.checkpoint()!;
    // A second flood: its compaction is stopped after two chunks (a gateway killed mid-write).
    armed = true;
    w.housekeeping.start();
    w.pipeline.ingestEvents('crm', range(5000, 10_000).map((n) => created(n)));
    await new Promise((resolve) => setImmediate(resolve));
    await w.housekeeping.settled();
    expect(w.store.events.checkpoint()!.state).toBe(first.state);
    const generations = new Set(chunkRows(w.store).map((row) => row.generation));
    expect(generations.size).toBe(2);
    const expected = figures(w.engine, T0 + HOUR);
    w.store.close();
    stores.length = 0;

    const again = world(dataDir, time);
    expect(figures(again.engine, T0 + HOUR)).toEqual(expected);
    expect(again.store.events.counts().events).toBe(5000);
    // The next compaction leaves only its own chunks.
    again.store.events.compact(again.pipeline.checkpointState(time.now()));
    while (again.store.events.deleteStaleChunks(4) > 0);
    expect(chunkRows(again.store)).toEqual([]);
  });

  it('never cuts a character in two: ticket ids with emoji come back whole', () => {
    const text = `[${'"🚨"'.repeat(5000)}]`;
    for (const size of [1, 2, 3, 7, 1024]) {
      const pieces = [...chunksOf(text, size)];
      expect(pieces.join('')).toBe(text);
      expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p))).toBe(true);
    }
  });

  it('still reads a checkpoint kept in one row by a store of the previous schema (migration 5)', () => {
    const time = new FakeTime(T0);
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-chunks-'));
    const old = new Database(join(dataDir, 'queueboard.sqlite'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 5)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(migration.version, migration.name);
    }
    old.pragma('user_version = 5');
    old.prepare('INSERT INTO engine_checkpoint (id, taken_at, events_upto, readings_upto, state) VALUES (1, ?, 0, 0, ?)').run(T0, '{"kept":"in one row"}');
    old.close();
    const store = openStore({ dataDir, clock: time, logger: silentLogger });
    stores.push(store);
    expect(store.events.checkpoint()).toEqual({ takenAt: T0, state: '{"kept":"in one row"}' });
  });
});
