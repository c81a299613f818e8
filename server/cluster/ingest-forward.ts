import { randomUUID } from 'node:crypto';
import type { ApplyIngest, IngestAnswer, IngestBatch } from '../ingest/ingest-apply';
import type { IngestGrant } from '../ingest/ingest-keys';
import type { Logger } from '../runtime/logger';
import type { MetricsRegistry } from '../runtime/prometheus';

/** The part of a socket.io namespace used: server-side events between the gateways, over the Redis adapter's PUB/SUB. */
export interface IngestBus {
  on(event: string, listener: (text: string) => void): unknown;
  serverSideEmit(event: string, text: string): unknown;
}

const ASK = 'queueboard:ingest';
const ANSWER = 'queueboard:ingest-answer';

/** How long a standby waits for the evaluating gateway's answer: under socket.io's own 5 s, over any commit it makes. */
export const DEFAULT_FORWARD_TIMEOUT_MS = 3000;

/**
 * The most one forwarded batch may weigh. Every gateway's subscriber receives it, and Redis cuts a
 * subscriber whose unread messages pass 8 MB for a minute (client-output-buffer-limit pubsub): half that
 * keeps a burst of batches from costing the evaluator its link. A valid batch (5,000 events) within the
 * default body limit (1 MiB) is far below it.
 */
export const MAX_FORWARD_BYTES = 4 * 1024 * 1024;

const RETRY_AFTER_SECONDS = 2;

interface Forwarded {
  id: string;
  keyId: string;
  batch: IngestBatch;
}

export interface IngestForwardingOptions {
  /** The append path on this gateway (server/ingest/ingest-apply.ts): used while it evaluates, and for batches others forward. */
  applyHere: ApplyIngest;
  /** A key's grant by its id, for a batch checked on another gateway. */
  grantOf: (keyId: string) => IngestGrant | null;
  isPrimary: () => boolean;
  /** Whether this gateway's Redis connection is up: while it is not, a batch sent would wait unsent in the client. */
  connected: () => boolean;
  registry: MetricsRegistry;
  logger: Logger;
  timeoutMs?: number;
  maxBytes?: number;
  newId?: () => string;
  /** Calls `fire` after `ms`; returns a cancel function. Tests pass a fake. */
  timer?: (ms: number, fire: () => void) => () => void;
}

/**
 * HTTP ingest on any gateway of a cluster. A gateway standing by has checked the request as it would
 * itself (key, scopes, limits, schema) and hands the batch to the evaluating gateway over socket.io's
 * server-side events; that one applies it through its own append path (its event log's idempotency keys)
 * and its answer goes back to the client. The answer is the first from an evaluating gateway: the
 * others drop the batch unread, so no slow or dead standby delays it.
 */
export class IngestForwarding {
  private bus: IngestBus | null = null;
  private readonly pending = new Map<string, (answer: IngestAnswer) => void>();
  private readonly forwarded;
  private readonly forwardedBytes;
  private readonly appliedForOthers;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly newId: () => string;
  private readonly timer: (ms: number, fire: () => void) => () => void;
  /** Failures since forwarding last worked: logged when the streak starts and when it ends, not each time. */
  private failing = 0;

  constructor(private readonly options: IngestForwardingOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? MAX_FORWARD_BYTES;
    this.newId = options.newId ?? randomUUID;
    this.timer = options.timer ?? ((ms, fire) => {
      const handle = setTimeout(fire, ms);
      return () => clearTimeout(handle);
    });
    this.forwarded = options.registry.counter('queueboard_ingest_forwarded_total', 'Ingest requests this gateway, standing by, handed to the evaluating one, by kind and outcome (answered, no-evaluator, redis-unreachable, too-large).');
    this.forwardedBytes = options.registry.counter('queueboard_ingest_forwarded_bytes_total', 'Bytes of ingest batches this gateway handed to the evaluating one.');
    this.appliedForOthers = options.registry.counter('queueboard_ingest_forwards_applied_total', 'Ingest batches other gateways handed to this one while it evaluated, by outcome (applied, unknown-key, failed).');
  }

  /** The cluster's bus: from now on this gateway answers batches forwarded to it while it evaluates. */
  connect(bus: IngestBus): void {
    this.bus = bus;
    bus.on(ASK, (text) => {
      if (this.options.isPrimary()) void this.answer(bus, text);
    });
    bus.on(ANSWER, (text) => {
      const { id, answer } = JSON.parse(text) as { id: string; answer: IngestAnswer };
      this.pending.get(id)?.(answer);
    });
  }

  /** Applies the batch here while this gateway evaluates; otherwise on the one that does, or answers 503/413 naming why. */
  readonly deliver: ApplyIngest = (grant, batch) => {
    if (this.options.isPrimary()) return this.options.applyHere(grant, batch);
    const id = this.newId();
    const text = JSON.stringify({ id, keyId: grant.keyId, batch } satisfies Forwarded);
    const bytes = Buffer.byteLength(text);
    if (bytes > this.maxBytes) return Promise.resolve(this.tooLarge(batch.kind, bytes));
    const bus = this.bus;
    if (bus === null || !this.options.connected()) return Promise.resolve(this.failed(batch.kind, 'redis-unreachable'));
    return new Promise((resolve) => {
      const cancel = this.timer(this.timeoutMs, () => {
        this.pending.delete(id);
        resolve(this.failed(batch.kind, 'no-evaluator'));
      });
      this.pending.set(id, (answer) => {
        cancel();
        this.pending.delete(id);
        this.answered(batch.kind);
        resolve(answer);
      });
      this.forwardedBytes.inc({}, bytes);
      bus.serverSideEmit(ASK, text);
    });
  };

  private async answer(bus: IngestBus, text: string): Promise<void> {
    const asked = JSON.parse(text) as Forwarded;
    let answer: IngestAnswer;
    try {
      const grant = this.options.grantOf(asked.keyId);
      answer = grant ? await this.options.applyHere(grant, asked.batch) : this.unknownKey();
      this.appliedForOthers.inc({ outcome: grant ? 'applied' : 'unknown-key' });
    } catch (error) {
      this.appliedForOthers.inc({ outcome: 'failed' });
      this.options.logger.error('could not apply ingest another gateway forwarded', { kind: asked.batch.kind, error: (error as Error).message });
      answer = { status: 500, body: { error: 'Internal error on the evaluating gateway; see its log.' } };
    }
    bus.serverSideEmit(ANSWER, JSON.stringify({ id: asked.id, answer }));
  }

  private unknownKey(): IngestAnswer {
    this.options.logger.error('a gateway of the cluster forwarded ingest for a key this one does not have: every gateway needs the same ingest.keys');
    return unavailable('key-unknown-to-evaluator', 'the evaluating gateway does not know this ingest key (the gateways of the cluster are configured differently): nothing was applied; send it again once every gateway has the same ingest.keys');
  }

  private answered(kind: IngestBatch['kind']): void {
    this.forwarded.inc({ kind, outcome: 'answered' });
    if (this.failing === 0) return;
    this.options.logger.info('ingest reaches the evaluating gateway again', { failedMeanwhile: this.failing });
    this.failing = 0;
  }

  private failed(kind: IngestBatch['kind'], code: 'no-evaluator' | 'redis-unreachable'): IngestAnswer {
    this.forwarded.inc({ kind, outcome: code });
    if (this.failing++ === 0) this.options.logger.warn('could not hand ingest to the evaluating gateway: answering 503 until it works again', { code });
    return code === 'no-evaluator'
      ? unavailable(code, `no evaluating gateway answered within ${this.timeoutMs / 1000} s (a takeover under way takes up to 10 s): nothing was applied unless its answer was lost on the way; send it again (events count once by eventId, readings by readingId)`)
      : unavailable(code, 'this gateway cannot reach the cluster\'s Redis, through which it hands ingest to the evaluating gateway: nothing was applied; send it again, or to another gateway');
  }

  private tooLarge(kind: IngestBatch['kind'], bytes: number): IngestAnswer {
    this.forwarded.inc({ kind, outcome: 'too-large' });
    return { status: 413, body: { error: `the batch is ${bytes} bytes as handed to the evaluating gateway, over the cluster's limit of ${this.maxBytes} bytes: nothing was applied; send smaller batches`, code: 'forward-too-large' } };
  }
}

function unavailable(code: string, error: string): IngestAnswer {
  return { status: 503, body: { error, code, retryAfter: RETRY_AFTER_SECONDS }, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
}
