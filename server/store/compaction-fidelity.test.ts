import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../ingest/ingest-pipeline';
import { MetricEngine } from '../metrics';
import { Counter } from '../runtime/prometheus';
import { FakeTime } from '../../tests/support/fake-time';
import { feed, openStoreWorld, type StoreWorld } from '../../tests/support/store-world';
import { ticketWorld, type WorldInput } from '../../tests/support/ticket-world';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 0, 0);
const QUEUES = [
  { id: 'chat', firstResponseTargetSeconds: 120 },
  { id: 'email', firstResponseTargetSeconds: 3600 },
  { id: 'phone', firstResponseTargetSeconds: 60 },
];
const worlds: StoreWorld[] = [];
afterEach(() => worlds.splice(0).forEach((w) => w.close()));

/** The same input with no store at all: every event kept in memory, nothing compacted. */
function uncompacted(inputs: readonly WorldInput[]): MetricEngine {
  const engine = new MetricEngine({ queues: QUEUES });
  const pipeline = new IngestPipeline({ engine, log: null, isDurable: () => true, dropped: new Counter('dropped'), touched: () => {}, sourceStatus: () => {} });
  feed({ pipeline }, new FakeTime(T0), inputs, 'crm', 10 * 60_000);
  return engine;
}

const everyMetric = (engine: MetricEngine, now: number) => Object.fromEntries(QUEUES.map((q) => [q.id, engine.metricsFor(q.id, now)]));

describe('a restart after compaction', () => {
  it('gives the same figures as the same input never compacted, whatever the world, the compaction size and the restart points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 20, max: 3000 }),
        fc.uniqueArray(fc.double({ min: 0.05, max: 1, noNaN: true }), { maxLength: 3 }),
        fc.constantFrom(0, 2 * HOUR, 25 * HOUR),
        (seed, compactEveryEvents, restartsAt, probe) => {
          const inputs = ticketWorld({ seed, start: T0, days: 2, queueIds: QUEUES.map((q) => q.id), ticketsPerHour: 6, readingQueues: ['phone'] });
          const dataDir = mkdtempSync(join(tmpdir(), 'qb-fidelity-'));
          const time = new FakeTime(T0);
          const open = () => {
            const world = openStoreWorld({ dataDir, time, queues: QUEUES, compactEveryEvents });
            worlds.push(world);
            return world;
          };
          let world = open();
          let from = 0;
          for (const fraction of [...restartsAt].sort((a, b) => a - b)) {
            const to = Math.floor(fraction * inputs.length);
            feed(world, time, inputs.slice(from, to), 'crm', 10 * 60_000);
            from = to;
            world.close();
            world = open();
          }
          feed(world, time, inputs.slice(from), 'crm', 10 * 60_000);
          world.close();
          world = open();
          // The world was compacted on the way (every ten clock minutes, and every `compactEveryEvents`).
          expect(world.store.events.checkpoint()).not.toBeNull();
          const at = time.now() + probe;
          expect(everyMetric(world.engine, at)).toEqual(everyMetric(uncompacted(inputs), at));
          worlds.splice(0).forEach((w) => w.close());
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
