import { monotonicNow, type Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import { HttpFailureError } from '../http/http-failure';
import type { SourceSink } from '../source';
import type { ZendeskConnection } from './zendesk-config';

/**
 * A 403 on an incremental export, in words that say what to fix: Zendesk lets only admins read them
 * ("Allowed for: Admins"), so the token must be an admin's. Names the configuration fields; the token
 * itself only by its last four characters.
 */
export function adminTokenHint(connection: ZendeskConnection, token: string): string {
  const tokenField = connection.tokenEnv ? `the variable ${connection.tokenEnv} (tokenEnv)` : 'token';
  const who = connection.email
    ? `set email (now ${connection.email}) to an admin's address and ${tokenField} to that admin's API token`
    : `set ${tokenField} to an admin's OAuth token (now one ending …${token.slice(-4)})`;
  return `Zendesk's incremental exports need an admin: connector ${connection.id}: ${who}`;
}

/** Runs an export request; a 403 from it fails with the admin hint instead of a bare refusal. */
export async function asAdmin<T>(hint: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const failure = error instanceof HttpFailureError ? error.failure : null;
    if (!(error instanceof HttpFailureError) || failure?.kind !== 'status' || failure.status !== 403) throw error;
    throw new HttpFailureError({ kind: 'status', status: 403, detail: hint }, error.label);
  }
}

/**
 * Zendesk's 429 with a Retry-After longer than a request waits in place (its incremental exports allow
 * 10 requests a minute): the queues are reported rate-limited, with the time Zendesk gave and the age of
 * their data, not down and not live with old numbers; no request goes before that time; the first good poll
 * after it reports them up.
 */
export class ZendeskRateLimitState {
  /** Zendesk's time, shown; the wait itself is held on the monotonic clock so a wall-clock step neither stretches nor cuts it. */
  private retryAt = 0;
  private resumeAt = 0;
  private reason: string | null = null;
  /** When the last complete poll ended: how old the queues' data is while Zendesk makes us wait. */
  private dataFrom: number | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly queueIds: readonly string[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async poll(sink: SourceSink, run: () => Promise<void>): Promise<void> {
    if (monotonicNow(this.clock) < this.resumeAt) {
      // Said again on each skipped poll: a state another report replaced meanwhile comes back.
      sink.status(this.sourceId, { state: 'rate-limited', queueIds: this.queueIds, reason: this.reason!, retryAt: this.retryAt });
      return;
    }
    try {
      await run();
    } catch (error) {
      const failure = error instanceof HttpFailureError ? error.failure : null;
      if (failure?.kind !== 'rate-limited') throw error;
      this.limited(sink, failure.retryAt);
      return;
    }
    this.dataFrom = this.clock.now();
    if (this.reason !== null) {
      this.reason = null;
      this.logger.info('Zendesk answers again after its wait', { sourceId: this.sourceId });
      sink.status(this.sourceId, { state: 'up', queueIds: this.queueIds });
    }
  }

  private limited(sink: SourceSink, retryAt: number): void {
    const now = this.clock.now();
    this.retryAt = retryAt;
    this.resumeAt = monotonicNow(this.clock) + (retryAt - now);
    const data = this.dataFrom === null ? 'no data yet' : `data from ${clock(this.dataFrom)}`;
    this.reason = `Zendesk asked us to wait ${duration(retryAt - now)} (until ${clock(retryAt)}); ${data}`;
    this.logger.warn('Zendesk answered 429 with a long Retry-After: polls wait until then', { sourceId: this.sourceId, retryAt: new Date(retryAt).toISOString(), waitMs: Math.round(retryAt - now) });
    sink.status(this.sourceId, { state: 'rate-limited', queueIds: this.queueIds, reason: this.reason, retryAt });
  }
}

/** "5 min", "45 s", "1 h 5 min": whole units, rounded as a person would say them. */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** "14:03 UTC": the gateway names times in UTC (screens show their office's zone). */
function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}
