import type { Logger } from '../../runtime/logger';
import type { OutboundEvent } from '../outbound-event';
import { redactedUrl, type ResolvedWebhookTarget } from '../webhook-targets';
import { fullJitterDelay, type BackoffSettings } from './backoff';
import type { Timers } from './timers';
import type { AttemptResult, SendAttempt } from './webhook-sender';

export type DeadLetterReason = 'attempts' | 'refused' | 'overflow' | 'stopped';

export interface TargetQueueOptions {
  target: ResolvedWebhookTarget;
  send: SendAttempt;
  timers: Timers;
  random: () => number;
  maxAttempts: number;
  backoff: BackoffSettings;
  /** An event this target will not get: kept for a manager (the dead-letter list). */
  deadLetter(event: OutboundEvent, attempts: number, lastError: string, reason: DeadLetterReason): void;
  attempted(result: 'delivered' | 'retry' | 'failed'): void;
  logger: Logger;
}

interface Pending {
  readonly event: OutboundEvent;
  attempts: number;
}

/**
 * One target's deliveries, in order, one at a time: a target that answers 429 or 5xx holds back the events
 * behind the failing one too (its limit is the endpoint's, not the event's). A failure waits `Retry-After`
 * when the target sent one, else a backoff with full jitter; past maxAttempts, or on a refusal (4xx other
 * than 408/425/429), the event goes to the dead-letter list and the next one is tried. At most queueSize
 * events wait: past that the oldest waiting one is dead-lettered, so a target that is down for hours costs
 * bounded memory and the newest news still goes out first when it is back.
 */
export class TargetQueue {
  private readonly waiting: Pending[] = [];
  private sending = false;
  private cancelWait: (() => void) | null = null;
  private stopped = false;
  private idle: Array<() => void> = [];

  constructor(private readonly options: TargetQueueOptions) {}

  get length(): number {
    return this.waiting.length;
  }

  push(event: OutboundEvent): void {
    if (this.stopped) return;
    const { target } = this.options;
    if (this.waiting.length >= target.queueSize) {
      // The one being sent stays; the oldest behind it makes room.
      const [dropped] = this.waiting.splice(this.sending ? 1 : 0, 1);
      if (dropped) this.options.deadLetter(dropped.event, dropped.attempts, `queue full: ${target.queueSize} events were waiting for this target`, 'overflow');
    }
    this.waiting.push({ event, attempts: 0 });
    void this.pump();
  }

  /** Resolves once nothing waits for this target (tests; a graceful stop). */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stops sending; what still waits goes to the dead-letter list, so nothing is lost without a trace. */
  stop(): void {
    this.stopped = true;
    this.cancelWait?.();
    this.cancelWait = null;
    for (const pending of this.waiting.splice(0)) this.options.deadLetter(pending.event, pending.attempts, 'the gateway stopped before it was delivered', 'stopped');
    this.notifyIdle();
  }

  private isIdle(): boolean {
    return this.waiting.length === 0 && !this.sending;
  }

  private async pump(): Promise<void> {
    if (this.sending || this.cancelWait || this.stopped) return;
    const pending = this.waiting[0];
    if (!pending) return this.notifyIdle();
    const { target, send, logger, maxAttempts } = this.options;
    this.sending = true;
    const result = await send(target, pending.event).catch((error: unknown): AttemptResult => ({ ok: false, permanent: false, retryAfterMs: null, error: `sending failed: ${(error as Error)?.message ?? String(error)}` }));
    this.sending = false;
    if (this.stopped) return;
    pending.attempts += 1;
    if (result.ok) {
      this.waiting.shift();
      this.options.attempted('delivered');
      logger.debug('webhook delivered', { target: target.id, event: pending.event.id, status: result.status, attempts: pending.attempts });
    } else if (result.permanent || pending.attempts >= maxAttempts) {
      this.waiting.shift();
      this.options.attempted('failed');
      logger.warn('webhook delivery failed for good: kept in the dead-letter list', { target: target.id, host: redactedUrl(target.url), event: pending.event.id, attempts: pending.attempts, error: result.error });
      this.options.deadLetter(pending.event, pending.attempts, result.error, result.permanent ? 'refused' : 'attempts');
    } else {
      this.options.attempted('retry');
      const waitMs = result.retryAfterMs ?? fullJitterDelay(pending.attempts, this.options.backoff, this.options.random);
      logger.info('webhook delivery failed: retrying', { target: target.id, host: redactedUrl(target.url), event: pending.event.id, attempt: pending.attempts, retryInMs: waitMs, retryAfter: result.retryAfterMs !== null, error: result.error });
      this.cancelWait = this.options.timers.after(waitMs, () => {
        this.cancelWait = null;
        void this.pump();
      });
      return;
    }
    void this.pump();
  }

  private notifyIdle(): void {
    if (!this.isIdle() && !this.stopped) return;
    const waiters = this.idle;
    this.idle = [];
    for (const resolve of waiters) resolve();
  }
}
