import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { MetricsRegistry } from '../runtime/prometheus';
import { createIngestApplier } from './ingest-apply';
import type { IngestSink } from './ingest-api';
import { IngestTurns, ingestTurns } from './ingest-turns';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const grant = { sourceId: 'flood', keyId: 'k', mayWrite: () => true };
const events = (n: number): TicketEvent[] => [{ eventId: `e${n}`, type: 'created', ticketId: `t${n}`, queueId: 'q', at: Date.now() }];

describe('ingest batches take turns on the event loop', () => {
  it('lets a due timer run between batches that arrived together (issue 16: twenty in a row held the loop ~0.5 s)', async () => {
    const order: string[] = [];
    const sink: IngestSink = {
      ingestEvents: (_source, batch) => {
        busy(15); // a 1,000-event batch: schema, engine, SQLite write
        order.push(`batch ${batch[0]!.eventId}`);
        return { accepted: batch.length, duplicates: 0 };
      },
      ingestReading: () => ({ accepted: true, duplicate: false }),
    };
    const registry = new MetricsRegistry();
    const apply = createIngestApplier({ sink, queueOfTicket: () => null, ingested: registry.counter('i', 'i'), rejected: registry.counter('r', 'r') });
    const beat = setInterval(() => order.push('beat'), 5);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => apply(grant, { kind: 'events', events: events(n) })));
    clearInterval(beat);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    // Before: all ten batches, 150 ms, before the first beat. Now the beat runs between batches.
    const firstBeat = order.indexOf('beat');
    expect(firstBeat, order.join(', ')).toBeGreaterThan(-1);
    expect(firstBeat).toBeLessThanOrEqual(2);
    expect(order.filter((o) => o === 'beat').length).toBeGreaterThanOrEqual(5);
    expect(order.filter((o) => o.startsWith('batch'))).toEqual(Array.from({ length: 10 }, (_, n) => `batch e${n}`));
  });

  it('says how long the batch waiting longest has waited, for the overload check', async () => {
    const turns = new IngestTurns();
    expect(turns.longestWaitMs()).toBe(0);
    const first = turns.turn().then(() => busy(30));
    const second = turns.turn();
    await first;
    expect(turns.queued).toBe(1);
    expect(turns.longestWaitMs()).toBeGreaterThanOrEqual(25);
    await second;
    expect(turns.longestWaitMs()).toBe(0);
    expect(ingestTurns).toBeInstanceOf(IngestTurns);
  });
});
