import type { AdminAnswer, AdminAsk, PerformAdmin } from '../http/admin-perform';
import type { Logger } from '../runtime/logger';
import type { MetricsRegistry } from '../runtime/prometheus';
import { EvaluatorChannel, FailureStreak, unavailable, type ForwardBus } from './evaluator-channel';

export interface AdminForwardingOptions {
  /** Runs a checked admin request on this gateway's thresholds and audit (server/http/admin-perform.ts). */
  performHere: PerformAdmin;
  isPrimary: () => boolean;
  /** Whether this gateway's Redis connection is up: while it is not, a request sent would wait unsent in the client. */
  connected: () => boolean;
  registry: MetricsRegistry;
  logger: Logger;
  timeoutMs?: number;
  /** Calls `fire` after `ms`; returns a cancel function. Tests pass a fake. */
  timer?: (ms: number, fire: () => void) => () => void;
}

/**
 * The admin API on any gateway of a cluster. A standby's thresholds and audit are not the ones screens
 * read (a change made there would land in rules nobody uses, an export would be stale), so reads and
 * writes alike are performed by the evaluating gateway: the standby has checked the request (origin,
 * token and role, rate limit, query, If-Match, body) and hands what is left to do over the same channel
 * as ingest (evaluator-channel.ts), then sends the evaluator's answer as its own: status, body, ETag.
 */
export class AdminForwarding {
  private readonly channel: EvaluatorChannel<AdminAsk, AdminAnswer>;
  private readonly forwarded;
  private readonly performedForOthers;
  private readonly streak: FailureStreak;

  constructor(private readonly options: AdminForwardingOptions) {
    this.channel = new EvaluatorChannel<AdminAsk, AdminAnswer>({
      name: 'admin', isPrimary: options.isPrimary, connected: options.connected, serve: (ask) => this.performForOther(ask),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.timer ? { timer: options.timer } : {}),
    });
    this.forwarded = options.registry.counter('queueboard_admin_forwarded_total', 'Admin API requests this gateway, standing by, handed to the evaluating one, by op (export, import, audit) and outcome (answered, no-evaluator, redis-unreachable, too-large).');
    this.performedForOthers = options.registry.counter('queueboard_admin_forwards_performed_total', 'Admin API requests other gateways handed to this one while it evaluated, by op and outcome (performed, failed).');
    this.streak = new FailureStreak({
      started: (code) => options.logger.warn('could not hand admin requests to the evaluating gateway: answering 503 until it works again', { code }),
      ended: (failedMeanwhile) => options.logger.info('admin requests reach the evaluating gateway again', { failedMeanwhile }),
    });
  }

  /** The cluster's bus: from now on this gateway answers admin requests handed to it while it evaluates. */
  connect(bus: ForwardBus): void {
    this.channel.connect(bus);
  }

  /** Performs the request here while this gateway evaluates; otherwise on the one that does, or answers 503/413 naming why. */
  readonly perform: PerformAdmin = async (ask) => {
    if (this.options.isPrimary()) return this.options.performHere(ask);
    const handed = await this.channel.hand(ask);
    this.forwarded.inc({ op: ask.op, outcome: handed.ok ? 'answered' : handed.why });
    if (handed.ok) {
      this.streak.worked();
      return handed.answer;
    }
    if (handed.why === 'too-large') {
      return { status: 413, body: { error: `the request is ${handed.bytes} bytes as handed to the evaluating gateway, over the cluster's limit of ${this.channel.maxBytes} bytes: nothing was changed`, code: 'forward-too-large' } };
    }
    this.streak.failed(handed.why);
    const outcome = ask.op === 'import'
      ? 'nothing was changed unless its answer was lost on the way; send it again with the same If-Match (a change already made answers 409 conflict, and GET shows it)'
      : 'send it again';
    return handed.why === 'no-evaluator'
      ? unavailable(handed.why, `no evaluating gateway answered within ${this.channel.timeoutMs / 1000} s (a takeover under way takes up to 10 s): ${outcome}`)
      : unavailable(handed.why, `this gateway cannot reach the cluster's Redis, through which it hands admin requests to the evaluating gateway: ${ask.op === 'import' ? 'nothing was changed' : 'nothing was read'}; send it again, or to another gateway`);
  };

  private async performForOther(ask: AdminAsk): Promise<AdminAnswer> {
    try {
      const answer = await this.options.performHere(ask);
      this.performedForOthers.inc({ op: ask.op, outcome: 'performed' });
      return answer;
    } catch (error) {
      this.performedForOthers.inc({ op: ask.op, outcome: 'failed' });
      this.options.logger.error('could not perform an admin request another gateway handed on', { op: ask.op, error: (error as Error).message });
      return { status: 500, body: { error: 'Internal error on the evaluating gateway; see its log.' } };
    }
  }
}
