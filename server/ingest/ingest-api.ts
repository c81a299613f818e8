import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventBatchSchema, QueueReadingInputSchema, type QueueReadingInput, type TicketEvent } from '../../shared/ingest';
import { parseWith } from '../../shared/protocol/validation';
import { readJsonBody } from '../http/json-body';
import { sendJson } from '../http/json-response';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { Counter } from '../runtime/prometheus';

/** Where accepted input goes: the durable log first, then the metric engine (see server/ingest/ingest-pipeline.ts). */
export interface IngestSink {
  ingestEvents(sourceId: string, events: readonly TicketEvent[]): { accepted: number; duplicates: number };
  ingestReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean; duplicate: boolean };
}

export interface IngestApiOptions {
  verifyKey: (authorization: string | undefined) => string | null;
  isKnownQueue: (queueId: string) => boolean;
  sink: IngestSink;
  maxBodyBytes: number;
  /** Counts each refused request or item by reason: unauthorized, invalid, too-large, … */
  rejected: Counter;
  /** Counts accepted and duplicate events by source. */
  ingested: Counter;
  /** Failed keys count against the caller's address, as tokens do; null: no limit (tests of other parts). */
  failures?: FailureLimiter | null;
}

const READINGS_PATH = /^\/api\/v1\/queues\/([^/]+)\/readings$/;

/**
 * The HTTP push API. A batch is all or nothing: any invalid event refuses the whole batch with every
 * problem named, so a client can fix and resend it without working out what was half-applied.
 */
export function createIngestApi(options: IngestApiOptions) {
  return async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const readings = READINGS_PATH.exec(path);
    if (path !== '/api/v1/events' && !readings) return false;
    if (request.method !== 'POST') {
      options.rejected.inc({ reason: 'method' });
      sendJson(response, 405, { error: `${path} takes POST` }, { Allow: 'POST' });
      return true;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = options.failures?.blockedFor(address) ?? 0;
    if (wait > 0) {
      options.rejected.inc({ reason: 'too-many-attempts' });
      sendJson(response, 429, { error: `too many failed attempts from this address: try again in ${wait} s` }, { 'Retry-After': String(wait) });
      return true;
    }
    const sourceId = options.verifyKey(request.headers.authorization);
    if (!sourceId) {
      options.failures?.fail(address);
      options.rejected.inc({ reason: 'unauthorized' });
      sendJson(response, 401, { error: 'missing or unknown ingest key: send Authorization: Bearer <ingest key>' }, {
        'WWW-Authenticate': 'Bearer realm="queueboard-ingest"',
      });
      return true;
    }
    const body = await readJsonBody(request, options.maxBodyBytes);
    if (!body.ok) {
      options.rejected.inc({ reason: body.status === 413 ? 'too-large' : 'malformed' });
      sendJson(response, body.status, { error: body.error });
      return true;
    }
    if (readings) handleReading(response, sourceId, readings[1]!, body.value);
    else handleEvents(response, sourceId, body.value);
    return true;
  };

  function handleEvents(response: ServerResponse, sourceId: string, body: unknown): void {
    const parsed = parseWith(EventBatchSchema, body);
    // Unknown queues are named even when other fields are wrong, so one round trip shows every problem.
    const issues = [...(parsed.ok ? [] : parsed.issues), ...unknownQueueIssues(body)];
    if (!parsed.ok || issues.length > 0) {
      options.rejected.inc({ reason: 'invalid' });
      sendJson(response, 400, { error: 'invalid batch: nothing was applied', issues });
      return;
    }
    const result = options.sink.ingestEvents(sourceId, parsed.value.events);
    options.ingested.inc({ source: sourceId, outcome: 'accepted' }, result.accepted);
    options.ingested.inc({ source: sourceId, outcome: 'duplicate' }, result.duplicates);
    sendJson(response, 200, result);
  }

  function handleReading(response: ServerResponse, sourceId: string, encodedQueueId: string, body: unknown): void {
    const parsed = parseWith(QueueReadingInputSchema, body);
    const issues = parsed.ok ? [] : [...parsed.issues];
    const queueId = decodePathSegment(encodedQueueId);
    if (queueId === null) issues.unshift(`queueId: "${encodedQueueId}" in the path is not valid percent-encoding`);
    else if (!options.isKnownQueue(queueId)) issues.unshift(`queueId: ${JSON.stringify(queueId)} is not a configured queue`);
    if (!parsed.ok || issues.length > 0) {
      options.rejected.inc({ reason: 'invalid' });
      sendJson(response, 400, { error: 'invalid reading: nothing was applied', issues });
      return;
    }
    sendJson(response, 200, options.sink.ingestReading(sourceId, queueId!, parsed.value));
  }

  function unknownQueueIssues(body: unknown): string[] {
    const events = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(events)) return [];
    return events.flatMap((event: unknown, index) => {
      const queueId = (event as { queueId?: unknown } | null)?.queueId;
      return typeof queueId === 'string' && !options.isKnownQueue(queueId)
        ? [`events[${index}].queueId: "${queueId}" is not a configured queue`]
        : [];
    });
  }
}

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
