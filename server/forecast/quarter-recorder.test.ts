import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { MetricEngine } from '../metrics';
import { engineOptionsFor } from '../metrics/engine-options';
import { demoConfig } from '../config/demo-config';
import { silentLogger } from '../runtime/logger';
import { openStore, type GatewayStore } from '../store';
import { QUARTER_MS, QUARTER_RETENTION_MS, QUARTERS_PER_QUEUE } from '../store/quarter-history';
import { QUARTER_GRACE_MS, QuarterRecorder } from './quarter-recorder';

const START = Date.UTC(2026, 10, 16, 0, 0); // a Monday, on a slot boundary
const MINUTE = 60_000;
const opened: GatewayStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function openIn(dataDir: string): GatewayStore {
  const store = openStore({ dataDir, clock: { now: () => START }, logger: silentLogger });
  opened.push(store);
  return store;
}

function setup() {
  const config = demoConfig();
  const queueIds = config.queues.slice(0, 2).map((q) => q.id).sort(); // rows come back in queue order
  const engine = new MetricEngine(engineOptionsFor(config));
  const dataDir = mkdtempSync(join(tmpdir(), 'qb-quarters-'));
  const store = openIn(dataDir);
  const written: number[] = [];
  const recorder = new QuarterRecorder({ queueIds, engine, store: store.quarters, recorded: (rows) => written.push(rows.length) });
  let n = 0;
  const arrive = (queueId: string, at: number) =>
    engine.applyEvent({ eventId: `e${++n}`, type: 'created', ticketId: `t${n}`, queueId, at } satisfies TicketEvent);
  return { queueIds, engine, store, dataDir, recorder, arrive, written };
}

describe('QuarterRecorder', () => {
  it('writes each queue’s arrivals per slot once the slot and its grace have passed, skipping the partial slot at start', () => {
    const { queueIds, store, recorder, arrive } = setup();
    recorder.tick(START + 5 * MINUTE); // the first tick: the slot under way is partial
    arrive(queueIds[0]!, START + 16 * MINUTE);
    arrive(queueIds[0]!, START + 29 * MINUTE);
    arrive(queueIds[1]!, START + 30 * MINUTE); // the next slot's
    recorder.tick(START + 30 * MINUTE + QUARTER_GRACE_MS - 1);
    expect(store.quarters.size()).toBe(0);
    recorder.tick(START + 30 * MINUTE + QUARTER_GRACE_MS);
    const rows = store.quarters.since(0);
    expect(rows.map((r) => [r.queueId, r.slot - START, r.inflow])).toEqual([
      [queueIds[0], QUARTER_MS, 2],
      [queueIds[1], QUARTER_MS, 0],
    ]);
    expect(rows[0]!.backlog).toBe(2); // open tickets of queue 0 as the slot closed
  });

  it('holds at most 8 weeks (and a day) of slots per queue whatever the run length, and prunes the oldest', () => {
    const { queueIds, store, recorder } = setup();
    const weeks = 9;
    for (let at = START; at <= START + weeks * 7 * 24 * 60 * MINUTE; at += QUARTER_MS) recorder.tick(at + QUARTER_GRACE_MS);
    const rows = store.quarters.since(0);
    expect(rows.length).toBe(queueIds.length * QUARTERS_PER_QUEUE);
    expect(QUARTERS_PER_QUEUE).toBe(57 * 96);
    const newest = Math.max(...rows.map((r) => r.slot));
    expect(Math.min(...rows.map((r) => r.slot))).toBe(newest + QUARTER_MS - QUARTER_RETENTION_MS);
  });

  it('keeps its slots across a restart of the store', () => {
    const { queueIds, store, dataDir, recorder, arrive } = setup();
    recorder.tick(START);
    arrive(queueIds[0]!, START + MINUTE);
    recorder.tick(START + QUARTER_MS + QUARTER_GRACE_MS);
    store.close();
    const again = openIn(dataDir);
    expect(again.quarters.since(0)).toEqual([
      { queueId: queueIds[0], slot: START, inflow: 1, outflow: 0, backlog: 1, agentsOnline: null },
      { queueId: queueIds[1], slot: START, inflow: 0, outflow: 0, backlog: 0, agentsOnline: null },
    ]);
  });

  it('after a long pause writes only the slots the flow window still holds, not zeros for the hours it missed', () => {
    const { store, recorder, written } = setup();
    recorder.tick(START);
    recorder.tick(START + 10 * QUARTER_MS + QUARTER_GRACE_MS);
    expect(written).toEqual([2 * 3]);
    expect(Math.min(...store.quarters.since(0).map((r) => r.slot))).toBe(START + 7 * QUARTER_MS);
  });
});
