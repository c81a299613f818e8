import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { Counter } from '../runtime/prometheus';
import { untilCommitted } from '../store/pg/commit-wait';
import type { IngestSink } from './ingest-api';
import type { IngestGrant } from './ingest-keys';
import { ingestTurns } from './ingest-turns';

/** Input checked where it arrived (key, scopes, limits, schema): what the gateway that evaluates applies. */
export type IngestBatch =
  | { kind: 'events'; events: TicketEvent[] }
  | { kind: 'reading'; queueId: string; reading: QueueReadingInput };

/** An HTTP answer as data, so it can cross from the gateway that evaluates to the one the client asked. */
export interface IngestAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Applies a checked batch for a key's grant: here, or on the gateway that evaluates (server/cluster/ingest-forward.ts). */
export type ApplyIngest = (grant: IngestGrant, batch: IngestBatch) => Promise<IngestAnswer>;

export interface IngestApplierOptions {
  sink: IngestSink;
  /** The queue an open ticket is in now: known only where the engine that screens read runs. */
  queueOfTicket: (ticketId: string) => string | null;
  /** Counts accepted and duplicate events by source. */
  ingested: Counter;
  /** Counts refusals by reason (here: queue-not-granted). */
  rejected: Counter;
}

/**
 * The one append path of HTTP input, on the gateway whose engine the screens read: its event log's
 * idempotency keys make an event id count once, whichever gateway the client sent it to. A ticket's
 * current queue is checked against the grant here, where it is known (moving a ticket out of a queue
 * writes that queue too); every other check was made where the request arrived.
 */
export function createIngestApplier(options: IngestApplierOptions): ApplyIngest {
  const { sink } = options;
  return async (grant, batch) => {
    // One batch a turn of the event loop, so timers run between batches that arrived together (ingest-turns.ts).
    await ingestTurns.turn();
    // A checkpoint being taken holds input back for a moment: the request waits rather than being refused.
    // Checked and applied in one go when not held (an await between would let a hold begin).
    for (let held = sink.whenOpen?.(); held; held = sink.whenOpen?.()) await held;
    const down = sink.unavailable?.() ?? null;
    if (down) return storeDown(options.rejected, down, false);
    if (batch.kind === 'reading') {
      if (!grant.mayWrite(batch.queueId)) return queueNotGranted(options.rejected, grant, [batch.queueId]);
      const reading = sink.ingestReading(grant.sourceId, batch.queueId, batch.reading);
      return (await notRecorded(options.rejected, sink)) ?? { status: 200, body: reading };
    }
    const touched = batch.events.flatMap((event) => [event.queueId ?? null, options.queueOfTicket(event.ticketId)]);
    const denied = [...new Set(touched.filter((q): q is string => q !== null && !grant.mayWrite(q)))];
    if (denied.length > 0) return queueNotGranted(options.rejected, grant, denied);
    const result = sink.ingestEvents(grant.sourceId, batch.events);
    const failed = await notRecorded(options.rejected, sink);
    if (failed) return failed;
    options.ingested.inc({ source: grant.sourceId, outcome: 'accepted' }, result.accepted);
    options.ingested.inc({ source: grant.sourceId, outcome: 'duplicate' }, result.duplicates);
    return { status: 200, body: result };
  };
}

/** 503 while PostgreSQL cannot be reached (server/store/pg/): nothing is counted that is not recorded. */
function storeDown(rejected: Counter, down: { message: string; retryAfter: number }, applied: boolean): IngestAnswer {
  rejected.inc({ reason: 'store-unavailable' });
  const outcome = applied ? 'not recorded yet (it waits, in order)' : 'nothing was applied';
  const error = `${down.message}: ${outcome}; send it again in ${down.retryAfter} s (an event id already sent is counted once)`;
  return { status: 503, body: { error, code: 'store-unavailable', retryAfter: down.retryAfter }, headers: { 'Retry-After': String(down.retryAfter) } };
}

/** Waits for the commit in the store's record: null once recorded, else the 503 (the input stays queued, a retry is a duplicate). */
async function notRecorded(rejected: Counter, sink: IngestSink): Promise<IngestAnswer | null> {
  const down = await untilCommitted(() => sink.committed?.());
  return down && storeDown(rejected, down, true);
}

/** 403 naming the queues the key may not write and where to grant them; nothing was applied. */
export function queueNotGranted(rejected: Counter, grant: IngestGrant, queueIds: readonly string[]): IngestAnswer {
  rejected.inc({ reason: 'queue-not-granted' });
  const named = queueIds.map((q) => JSON.stringify(q)).join(', ');
  return {
    status: 403,
    body: {
      error: `the ingest key of source "${grant.sourceId}" may not write ${queueIds.length > 1 ? 'queues' : 'queue'} ${named}: nothing was applied. Grant it in the gateway's configuration (ingest.keys[].queues or .teams); a queue fed by a helpdesk or the demo must be named in queues.`,
      code: 'queue-not-granted',
      queues: queueIds,
    },
  };
}
