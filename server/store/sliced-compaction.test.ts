import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { FakeTime } from '../../tests/support/fake-time';
import { createIngestApi } from '../ingest/ingest-api';
import { createKeyVerifier, hashKey } from '../ingest/ingest-keys';
import { IngestPipeline } from '../ingest/ingest-pipeline';
import { MetricEngine } from '../metrics';
import { encodeCheckpoint } from '../metrics/engine-snapshot';
import { silentLogger } from '../runtime/logger';
import { Counter, MetricsRegistry } from '../runtime/prometheus';
import { openStore, type GatewayStore } from './index';
import { Housekeeping } from './housekeeping';
import { restoreState } from './restore-state';

// A flood's compaction (a million open tickets: over a second of work) must not hold the event loop:
// walls, beats and /healthz run between its slices, and input that arrives meanwhile waits, then counts.
const T0 = Date.UTC(2026, 10, 24, 9);
const HOUR = 3_600_000;
const QUEUES = ['chat', 'mail', 'phone', 'social'];
const stores: GatewayStore[] = [];
const servers: Server[] = [];
afterEach(async () => {
  stores.splice(0).forEach((s) => s.close());
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const created = (n: number, at = T0 + n): TicketEvent => ({ eventId: `e${n}`, type: 'created', ticketId: `t${n}`, queueId: QUEUES[n % QUEUES.length]!, at });
const replied = (n: number, at = T0 + n + 60_000): TicketEvent => ({ eventId: `r${n}`, type: 'first-reply', ticketId: `t${n}`, at });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function world(dataDir: string, time: FakeTime, turns: string[] = []) {
  const store = openStore({ dataDir, clock: time, logger: silentLogger });
  stores.push(store);
  const engine = new MetricEngine({ queues: QUEUES.map((id) => ({ id, firstResponseTargetSeconds: 300 })) });
  let pipeline: IngestPipeline | null = null;
  const housekeeping = new Housekeeping({
    store, clock: time, scheduler: time, clockSpeed: 1, logger: silentLogger, timed: (write) => write(), compactEveryEvents: 1000,
    engineState: (now) => pipeline!.checkpointState(now),
    sliced: {
      hold: () => pipeline!.hold(),
      stateSlices: (now) => pipeline!.checkpointSlices(now),
      nextTurn: () => {
        turns.push(store.events.checkpoint() ? 'written' : 'not yet');
        return new Promise((resolve) => setImmediate(resolve));
      },
    },
  });
  pipeline = new IngestPipeline({ engine, log: store.events, isDurable: () => true, dropped: new Counter('dropped'), logged: (n) => housekeeping.appended(n), touched: () => {}, sourceStatus: () => {} });
  restoreState({ log: store.events, pipeline, alerts: { restore: () => 0 }, logger: silentLogger });
  return { store, engine, pipeline, housekeeping };
}

const figures = (engine: MetricEngine, now: number) => Object.fromEntries(QUEUES.map((q) => [q, engine.metricsFor(q, now)]));

describe('sliced compaction', () => {
  it('lets the event loop run between queues, holds input that arrives meanwhile, and applies it after', async () => {
    const time = new FakeTime(T0);
    const turns: string[] = [];
    const w = world(mkdtempSync(join(tmpdir(), 'qb-sliced-')), time, turns);
    // The thousandth event starts a compaction; the call that logged it returns at once.
    w.pipeline.ingestEvents('crm', range(0, 1000).map((n) => created(n)));
    expect(w.store.events.checkpoint()).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(w.pipeline.whenOpen()).not.toBeNull();
    // A connector's event while the state is being taken waits; it is not lost and not in the checkpoint.
    w.pipeline.events('crm', [created(1000)]);
    expect(w.engine.metricsFor('chat', T0 + 2000).backlog).toBe(250);
    await w.housekeeping.settled();
    expect(w.engine.metricsFor('chat', T0 + 2000).backlog).toBe(251);
    // A turn before the hold, one after each queue; the row is written only after the last slice.
    expect(turns.filter((t) => t === 'not yet').length).toBeGreaterThanOrEqual(QUEUES.length + 1);
    expect(w.store.events.checkpoint()).not.toBeNull();
    // What it covers is deleted afterwards; the event that waited is the whole tail.
    expect(w.store.events.counts().events).toBe(1);
    expect(w.pipeline.whenOpen()).toBeNull();
  });

  it('builds the same checkpoint a queue at a time as all at once', () => {
    const time = new FakeTime(T0);
    const w = world(mkdtempSync(join(tmpdir(), 'qb-sliced-')), time);
    w.pipeline.ingestEvents('crm', [...range(0, 400).map((n) => created(n)), ...range(0, 200).map((n) => replied(n))]);
    const slices = w.pipeline.checkpointSlices(T0 + HOUR);
    let step = slices.next();
    let yields = 0;
    for (; !step.done; step = slices.next()) yields++;
    expect(yields).toBe(QUEUES.length);
    expect(step.value).toBe(w.pipeline.checkpointState(T0 + HOUR));
    expect(step.value).toBe(encodeCheckpoint(w.engine.snapshot(), new Map(QUEUES.map((q, i) => [q, T0 + 60_000 + 196 + i]))));
  });

  it('restarts right when stopped before the input its checkpoint covers was deleted: that input is not counted twice', () => {
    const time = new FakeTime(T0);
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-sliced-'));
    const first = world(dataDir, time);
    const before = range(0, 300).map((n) => created(n));
    const after = [...range(0, 100).map((n) => replied(n)), ...range(300, 350).map((n) => created(n))];
    first.pipeline.ingestEvents('crm', before);
    first.store.events.compact(first.pipeline.checkpointState(time.now()), { deleteCovered: false });
    first.pipeline.ingestEvents('crm', after);
    expect(first.store.events.counts().events).toBe(before.length + after.length);
    const expected = figures(first.engine, T0 + HOUR);
    first.store.close();

    const again = world(dataDir, time);
    expect(figures(again.engine, T0 + HOUR)).toEqual(expected);
    // Deleted a slice at a time, oldest first, never past the checkpoint.
    expect(again.store.events.deleteCovered(120)).toBe(120);
    expect(again.store.events.deleteCovered(1000)).toBe(180);
    expect(again.store.events.deleteCovered(1000)).toBe(0);
    expect(again.store.events.counts().events).toBe(after.length);
  });

  it('keeps an HTTP batch waiting while input is held, then answers it with what was applied', async () => {
    const time = new FakeTime(T0);
    const w = world(mkdtempSync(join(tmpdir(), 'qb-sliced-')), time);
    const registry = new MetricsRegistry();
    const api = createIngestApi({
      verifyKey: createKeyVerifier([{ sourceId: 'crm', sha256: hashKey('sliced-compaction-key') }], QUEUES.map((id) => ({ id, team: 'Care', pushFed: true }))),
      isKnownQueue: (id) => QUEUES.includes(id),
      queueOfTicket: (id) => w.engine.queueOfTicket(id),
      sink: w.pipeline,
      maxBodyBytes: 1 << 20,
      rejected: registry.counter('rejected_total', 'x'),
      ingested: registry.counter('ingested_total', 'x'),
    });
    const server = createServer((req, res) => void api(req, res, new URL(req.url!, 'http://x').pathname));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const release = w.pipeline.hold();
    let answered = false;
    const response = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sliced-compaction-key' },
      body: JSON.stringify({ events: [created(1), created(2)] }),
    }).then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    expect(w.store.events.counts().events).toBe(0);
    release();
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(w.store.events.counts().events).toBe(2);
  });
});

