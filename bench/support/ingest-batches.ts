import type { TicketEvent } from '../../shared/ingest';

/** Events per POST (one transaction in the gateway's log, and in the bare floor's). */
export const INGEST_BATCH = 1000;
export const INGEST_QUEUES = 20;
export const INGEST_SOURCE = 'flood';
export const INGEST_KEY = 'bench-ingest-flood-key-0123456789';

/** Raised for the bench's key: 100,000 requests and 1,000,000 events a second (the schema's ceilings). */
export const BENCH_INGEST_LIMITS = { requestsPerSecond: 100_000, eventsPerSecond: 1_000_000 };

export const ingestQueueId = (i: number) => `q-${String(i % INGEST_QUEUES).padStart(3, '0')}`;

/**
 * A flood as issue 16 met it: new tickets, each created and then answered (by the next batch), none
 * solved, so every ticket stays open and the engine's state (and so each checkpoint) grows with the flood:
 * the worst case for compaction. Half of each batch creates tickets, half answers the previous batch's.
 * `prefix` keeps event and ticket ids apart between senders.
 */
export function floodBatches(prefix: string): (at: number) => TicketEvent[] {
  let batch = 0;
  const half = INGEST_BATCH / 2;
  return (at) => {
    const events: TicketEvent[] = [];
    for (let i = 0; i < half; i++) {
      const n = batch * half + i;
      events.push({ eventId: `${prefix}c${n}`, type: 'created', ticketId: `${prefix}t${n}`, queueId: ingestQueueId(n), at });
    }
    for (let i = 0; batch > 0 && i < half; i++) {
      const n = (batch - 1) * half + i;
      events.push({ eventId: `${prefix}r${n}`, type: 'first-reply', ticketId: `${prefix}t${n}`, at });
    }
    // The first batch has no tickets to answer yet: it creates a whole batch.
    for (let i = 0; batch === 0 && i < half; i++) {
      const n = -1 - i;
      events.push({ eventId: `${prefix}c${n}`, type: 'created', ticketId: `${prefix}t${n}`, queueId: ingestQueueId(i), at });
    }
    batch++;
    return events;
  };
}
