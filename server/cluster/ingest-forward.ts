import type { ApplyIngest, IngestAnswer, IngestBatch } from '../ingest/ingest-apply';
import type { IngestGrant } from '../ingest/ingest-keys';
import type { Logger } from '../runtime/logger';
import type { MetricsRegistry } from '../runtime/prometheus';
import { EvaluatorChannel, FailureStreak, unavailable, type ForwardBus } from './evaluator-channel';

export { DEFAULT_FORWARD_TIMEOUT_MS, MAX_FORWARD_BYTES } from './evaluator-channel';
/** The bus ingest is handed over (the same for every channel of evaluator-channel.ts). */
export type IngestBus = ForwardBus;

interface Forwarded extends Record<string, unknown> {
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
 * itself (key, scopes, limits, schema) and hands the batch to the evaluating gateway (evaluator-channel.ts);
 * that one applies it through its own append path (its event log's idempotency keys) and its answer goes
 * back to the client.
 */
export class IngestForwarding {
  private readonly channel: EvaluatorChannel<Forwarded, IngestAnswer>;
  private readonly forwarded;
  private readonly forwardedBytes;
  private readonly appliedForOthers;
  private readonly streak: FailureStreak;

  constructor(private readonly options: IngestForwardingOptions) {
    this.channel = new EvaluatorChannel({
      name: 'ingest', isPrimary: options.isPrimary, connected: options.connected, serve: (asked) => this.applyForOther(asked),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.newId ? { newId: options.newId } : {}),
      ...(options.timer ? { timer: options.timer } : {}),
    });
    this.forwarded = options.registry.counter('queueboard_ingest_forwarded_total', 'Ingest requests this gateway, standing by, handed to the evaluating one, by kind and outcome (answered, no-evaluator, redis-unreachable, too-large).');
    this.forwardedBytes = options.registry.counter('queueboard_ingest_forwarded_bytes_total', 'Bytes of ingest batches this gateway handed to the evaluating one.');
    this.appliedForOthers = options.registry.counter('queueboard_ingest_forwards_applied_total', 'Ingest batches other gateways handed to this one while it evaluated, by outcome (applied, unknown-key, failed).');
    this.streak = new FailureStreak({
      started: (code) => options.logger.warn('could not hand ingest to the evaluating gateway: answering 503 until it works again', { code }),
      ended: (failedMeanwhile) => options.logger.info('ingest reaches the evaluating gateway again', { failedMeanwhile }),
    });
  }

  /** The cluster's bus: from now on this gateway answers batches forwarded to it while it evaluates. */
  connect(bus: IngestBus): void {
    this.channel.connect(bus);
  }

  /** Applies the batch here while this gateway evaluates; otherwise on the one that does, or answers 503/413 naming why. */
  readonly deliver: ApplyIngest = async (grant, batch) => {
    if (this.options.isPrimary()) return this.options.applyHere(grant, batch);
    const handed = await this.channel.hand({ keyId: grant.keyId, batch });
    if (handed.ok || handed.why === 'no-evaluator') this.forwardedBytes.inc({}, handed.bytes);
    this.forwarded.inc({ kind: batch.kind, outcome: handed.ok ? 'answered' : handed.why });
    if (handed.ok) {
      this.streak.worked();
      return handed.answer;
    }
    if (handed.why === 'too-large') {
      return { status: 413, body: { error: `the batch is ${handed.bytes} bytes as handed to the evaluating gateway, over the cluster's limit of ${this.channel.maxBytes} bytes: nothing was applied; send smaller batches`, code: 'forward-too-large' } };
    }
    this.streak.failed(handed.why);
    return handed.why === 'no-evaluator'
      ? unavailable(handed.why, `no evaluating gateway answered within ${this.channel.timeoutMs / 1000} s (a takeover under way takes up to 10 s): nothing was applied unless its answer was lost on the way; send it again (events count once by eventId, readings by readingId)`)
      : unavailable(handed.why, 'this gateway cannot reach the cluster\'s Redis, through which it hands ingest to the evaluating gateway: nothing was applied; send it again, or to another gateway');
  };

  private async applyForOther(asked: Forwarded): Promise<IngestAnswer> {
    try {
      const grant = this.options.grantOf(asked.keyId);
      const answer = grant ? await this.options.applyHere(grant, asked.batch) : this.unknownKey();
      this.appliedForOthers.inc({ outcome: grant ? 'applied' : 'unknown-key' });
      return answer;
    } catch (error) {
      this.appliedForOthers.inc({ outcome: 'failed' });
      this.options.logger.error('could not apply ingest another gateway forwarded', { kind: asked.batch.kind, error: (error as Error).message });
      return { status: 500, body: { error: 'Internal error on the evaluating gateway; see its log.' } };
    }
  }

  private unknownKey(): IngestAnswer {
    this.options.logger.error('a gateway of the cluster forwarded ingest for a key this one does not have: every gateway needs the same ingest.keys');
    return unavailable('key-unknown-to-evaluator', 'the evaluating gateway does not know this ingest key (the gateways of the cluster are configured differently): nothing was applied; send it again once every gateway has the same ingest.keys');
  }
}
