import { monotonicNow, type Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import { HttpFailureError } from '../http/http-failure';

/** How long a helpdesk that refused its ratings is left alone before the connector asks again. */
export const RATINGS_RETRY_MS = 3_600_000;

/** How far back the first poll reads customer ratings: the CSAT window's default. */
export const RATINGS_BACKFILL_MS = 7 * 86_400_000;

/**
 * Customer ratings are an extra: an account without CSAT switched on, or a token not allowed to read it
 * (Zendesk gives ratings to admins only), answers 403 or 404. That must not take the queues' backlog and
 * replies down with it, so such an answer is logged once, CSAT stays empty, and the connector asks again
 * an hour later. Any other failure (a 503, a timeout) fails the poll like every other request.
 */
export class OptionalRatings {
  /** On the monotonic clock, so a wall-clock step neither hammers a refusing helpdesk nor waits a day. */
  private refusedUntil: number | null = null;

  constructor(
    private readonly label: string,
    private readonly sourceId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async read(reader: () => Promise<void>): Promise<void> {
    if (this.refusedUntil !== null && monotonicNow(this.clock) < this.refusedUntil) return;
    try {
      await reader();
    } catch (error) {
      const failure = error instanceof HttpFailureError ? error.failure : null;
      if (failure?.kind !== 'status' || (failure.status !== 403 && failure.status !== 404)) throw error;
      if (this.refusedUntil === null) {
        this.logger.warn(`${this.label} gave no satisfaction ratings (${failure.status}): CSAT stays empty for these queues`, {
          sourceId: this.sourceId,
          fix: `switch on ${this.label}'s satisfaction ratings, or give the token permission to read them`,
        });
      }
      this.refusedUntil = monotonicNow(this.clock) + RATINGS_RETRY_MS;
    }
  }
}
