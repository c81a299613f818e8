import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTime } from '../support/fake-time';
import { feed, openStoreWorld, type StoreWorld } from '../support/store-world';
import { ticketWorld } from '../support/ticket-world';

const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 0, 0);
const QUEUES = [
  { id: 'chat', firstResponseTargetSeconds: 120 },
  { id: 'email', firstResponseTargetSeconds: 3600 },
];
const LIMITS = { maxOpenTicketsPerQueue: 500 };
const worlds: StoreWorld[] = [];
afterEach(() => worlds.splice(0).forEach((w) => w.close()));

function open(dataDir: string, time: FakeTime): StoreWorld {
  const world = openStoreWorld({ dataDir, time, queues: QUEUES, limits: LIMITS });
  worlds.push(world);
  return world;
}

// Issue 16: events of open tickets were never pruned, so a flood of tickets nobody solves grew the
// database without end (173 MB) and the restart replayed all of it (925k events, 34 s).
describe('a month of tickets nobody solves', () => {
  it('keeps the database flat once the engine holds its most open tickets, and a restart replays only the tail', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-bounded-'));
    const time = new FakeTime(T0);
    let world = open(dataDir, time);
    const inputs = ticketWorld({ seed: 11, start: T0, days: 30, queueIds: QUEUES.map((q) => q.id), ticketsPerHour: 30, neverSolved: 1 });
    const sizes: number[] = [];
    let from = 0;
    for (let day = 1; day <= 30; day++) {
      const to = inputs.findIndex((input) => input.kind === 'event' && input.event.at >= T0 + day * DAY);
      feed(world, time, inputs.slice(from, to === -1 ? inputs.length : to), 'crm', 10 * 60_000);
      from = to === -1 ? inputs.length : to;
      time.advance(T0 + day * DAY - time.now());
      sizes.push(statSync(world.store.file).size);
    }
    expect(inputs.length).toBeGreaterThan(60_000);
    // Past the first days (the engine reaches its 500 open tickets per queue in a day; keys are kept two days).
    expect(Math.max(...sizes.slice(3)), `database bytes by day: ${sizes.join(', ')}`).toBeLessThanOrEqual(1.1 * sizes[2]!);
    const metrics = world.engine.metricsFor('chat', time.now());
    expect(metrics.backlog).toBe(500);
    world.close();
    worlds.splice(0);
    world = open(dataDir, time);
    // What is left to replay arrived after the last compaction (ten clock minutes ago at most).
    expect(world.store.events.counts().events).toBe(0);
    expect(world.engine.metricsFor('chat', time.now())).toEqual(metrics);
  });
});
