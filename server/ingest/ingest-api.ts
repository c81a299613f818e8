import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventBatchSchema, QueueReadingInputSchema, type QueueReadingInput, type TicketEvent } from '../../shared/ingest';
import { parseWith } from '../../shared/protocol/validation';
import { readJsonBody } from '../http/json-body';
import { sendJson } from '../http/json-response';
import type { ClientAddress } from '../auth/client-address';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { OriginVerdict } from '../auth/origin-policy';
import { presentedCredential } from '../auth/token-registry';
import type { Counter } from '../runtime/prometheus';
import { futureSkewIssues } from './future-skew';
import { createIngestApplier, queueNotGranted, type ApplyIngest, type IngestAnswer } from './ingest-apply';
import type { IngestGrant } from './ingest-keys';
import type { IngestLimits, IngestRefusal } from './ingest-limits';
import type { IngestOverload } from './loop-lag';

/** Where accepted input goes: the durable log first, then the metric engine (see server/ingest/ingest-pipeline.ts). */
export interface IngestSink {
  ingestEvents(sourceId: string, events: readonly TicketEvent[]): { accepted: number; duplicates: number };
  ingestReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean; duplicate: boolean };
  /** While a checkpoint is being taken, when input may be applied again (null: now). */
  whenOpen?(): Promise<void> | null;
  /** Set while the store's record (PostgreSQL) cannot be reached. */
  unavailable?(): { message: string; retryAfter: number } | null;
  /** Resolves once what was applied is committed in the store's record; the answer waits for it. */
  committed?(): Promise<void>;
}

export interface IngestApiOptions {
  verifyKey: (authorization: string | undefined) => IngestGrant | null;
  isKnownQueue: (queueId: string) => boolean;
  /** The queue an open ticket is in, for events that name none (a reply, a solve); null where it is not known (a standby). */
  queueOfTicket: (ticketId: string) => string | null;
  sink: IngestSink;
  /** Where a checked batch is applied: by default here (server/ingest/ingest-apply.ts); in a cluster, on the gateway that evaluates. */
  deliver?: ApplyIngest;
  maxBodyBytes: number;
  /** Counts each refused request or item by reason: unauthorized, invalid, too-large, … */
  rejected: Counter;
  /** Counts accepted and duplicate events by source. */
  ingested: Counter;
  /** Failed keys count against the key and the caller's address, as tokens do; null: no limit (tests of other parts). */
  failures?: FailureLimiter | null;
  clientAddress?: ClientAddress;
  /** Which web pages may push (server/auth/origin-policy.ts); absent: any. */
  origin?: (request: IncomingMessage) => OriginVerdict;
  /** The gateway's wall clock and how far ahead of it an `at` may lie (server/ingest/future-skew.ts); absent: no bound. */
  futureSkew?: { now: () => number; maxSeconds: number };
  /** Requests and events per second per key (server/ingest/ingest-limits.ts); absent: no limit. */
  limits?: IngestLimits;
  /** Whether the event loop is too far behind to take input now (server/ingest/loop-lag.ts); absent: never. */
  overloaded?: () => IngestOverload | null;
}

const READINGS_PATH = /^\/api\/v1\/queues\/([^/]+)\/readings$/;

/**
 * The HTTP push API. A batch is all or nothing: any invalid event refuses the whole batch with every
 * problem named, so a client can fix and resend it without working out what was half-applied.
 */
export function createIngestApi(options: IngestApiOptions) {
  const deliver = options.deliver ?? createIngestApplier({ sink: options.sink, queueOfTicket: options.queueOfTicket, ingested: options.ingested, rejected: options.rejected });
  return async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const readings = READINGS_PATH.exec(path);
    if (path !== '/api/v1/events' && !readings) return false;
    if (request.method !== 'POST') {
      options.rejected.inc({ reason: 'method' });
      sendJson(response, 405, { error: `${path} takes POST` }, { Allow: 'POST' });
      return true;
    }
    const origin = options.origin?.(request);
    if (origin && !origin.ok) {
      options.rejected.inc({ reason: origin.code });
      sendJson(response, 403, { error: origin.message, code: origin.code });
      return true;
    }
    const checked = await verify(request);
    if (checked.ok === false && checked.code === 'too-many-attempts') {
      options.rejected.inc({ reason: 'too-many-attempts' });
      sendJson(response, 429, { error: checked.message, code: checked.code, retryAfter: checked.retryAfter }, { 'Retry-After': String(checked.retryAfter) });
      return true;
    }
    if (!checked.ok) {
      options.rejected.inc({ reason: 'unauthorized' });
      sendJson(response, 401, { error: 'missing or unknown ingest key: send Authorization: Bearer <ingest key>' }, {
        'WWW-Authenticate': 'Bearer realm="queueboard-ingest"',
      });
      return true;
    }
    // Refused before the body is read, and before the key's budget is spent: the loop keeps time for walls and beats.
    const overload = options.overloaded?.();
    if (overload) return overloaded(response, overload);
    // Counted before the body is read: a flood costs the gateway as little as possible.
    const tooOften = await options.limits?.request(checked.grant.sourceId);
    if (tooOften) return limited(response, checked.grant, tooOften);
    const body = await readJsonBody(request, options.maxBodyBytes);
    if (!body.ok) {
      options.rejected.inc({ reason: body.status === 413 ? 'too-large' : 'malformed' });
      sendJson(response, body.status, { error: body.error });
      return true;
    }
    if (readings) await handleReading(response, checked.grant, readings[1]!, body.value);
    else await handleEvents(response, checked.grant, body.value);
    return true;
  };

  /** 429 naming the limit and the key's source (never the key), with when to try again. */
  function limited(response: ServerResponse, grant: IngestGrant, refusal: IngestRefusal): true {
    options.rejected.inc({ reason: 'ingest-rate-limited' });
    const what = refusal.limit === 'eventsPerSecond' ? 'events' : 'requests';
    sendJson(
      response,
      429,
      {
        error: `the ingest key of source "${grant.sourceId}" is past its limit of ${refusal.perSecond} ${what} a second (limits.ingest.${refusal.limit}): nothing was applied; try again in ${refusal.retryAfter} s`,
        code: 'ingest-rate-limited',
        limit: refusal.limit,
        source: grant.sourceId,
        retryAfter: refusal.retryAfter,
      },
      { 'Retry-After': String(refusal.retryAfter) },
    );
    return true;
  }

  /** 429 saying the gateway is behind, by how much and its bound, with when to try again. */
  function overloaded(response: ServerResponse, overload: IngestOverload): true {
    options.rejected.inc({ reason: 'ingest-overloaded' });
    sendJson(
      response,
      429,
      {
        error: `the gateway is ${overload.lagMs} ms behind (it takes input while under ${overload.maxLagMs} ms): nothing was applied; try again in ${overload.retryAfter} s`,
        code: 'ingest-overloaded',
        retryAfter: overload.retryAfter,
      },
      { 'Retry-After': String(overload.retryAfter) },
    );
    return true;
  }

  async function verify(request: IncomingMessage) {
    const authorization = request.headers.authorization;
    const check = () => {
      const grant = options.verifyKey(authorization);
      return grant ? { ok: true as const, grant } : { ok: false as const, code: 'unauthorized' as const };
    };
    if (!options.failures) return check();
    const address = options.clientAddress?.(request) ?? request.socket.remoteAddress ?? 'unknown';
    return options.failures.check({ credential: presentedCredential(authorization), address }, check);
  }

  async function handleEvents(response: ServerResponse, grant: IngestGrant, body: unknown): Promise<void> {
    const sourceId = grant.sourceId;
    const parsed = parseWith(EventBatchSchema, body);
    // Unknown queues are named even when other fields are wrong, so one round trip shows every problem.
    const issues = [...(parsed.ok ? [] : parsed.issues), ...unknownQueueIssues(body)];
    if (!parsed.ok || issues.length > 0) {
      options.rejected.inc({ reason: 'invalid' });
      sendJson(response, 400, { error: 'invalid batch: nothing was applied', issues });
      return;
    }
    if (refusedAhead(response, parsed.value, 'batch')) return;
    // The queue named and the queue the ticket is in now: moving a ticket out of a queue writes that queue too.
    const touched = parsed.value.events.flatMap((event) => [event.queueId ?? null, options.queueOfTicket(event.ticketId)]);
    const denied = [...new Set(touched.filter((q): q is string => q !== null && !grant.mayWrite(q)))];
    if (denied.length > 0) return forbidden(response, grant, denied);
    const tooMany = await options.limits?.eventsOf(sourceId, parsed.value.events.length);
    if (tooMany) {
      limited(response, grant, tooMany);
      return;
    }
    send(response, await deliver(grant, { kind: 'events', events: parsed.value.events }));
  }

  async function handleReading(response: ServerResponse, grant: IngestGrant, encodedQueueId: string, body: unknown): Promise<void> {
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
    if (refusedAhead(response, parsed.value, 'reading')) return;
    if (!grant.mayWrite(queueId!)) return forbidden(response, grant, [queueId!]);
    send(response, await deliver(grant, { kind: 'reading', queueId: queueId!, reading: parsed.value }));
  }

  function send(response: ServerResponse, answer: IngestAnswer): void {
    sendJson(response, answer.status, answer.body, answer.headers);
  }

  function refusedAhead(response: ServerResponse, body: Parameters<typeof futureSkewIssues>[0], what: string): boolean {
    const issues = options.futureSkew ? futureSkewIssues(body, options.futureSkew.now(), options.futureSkew.maxSeconds) : [];
    if (issues.length === 0) return false;
    options.rejected.inc({ reason: 'future-skew' });
    sendJson(response, 400, { error: `invalid ${what}: nothing was applied`, code: 'future-skew', issues });
    return true;
  }

  function forbidden(response: ServerResponse, grant: IngestGrant, queueIds: readonly string[]): void {
    send(response, queueNotGranted(options.rejected, grant, queueIds));
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
