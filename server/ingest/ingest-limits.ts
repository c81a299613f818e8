import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * How much one ingest key may push: requests and events per second, each over a ten-second window so a
 * batch arriving in a burst is fine while a sustained flood is not. Per key (its source), so one sender
 * past its limit leaves every other key, the walls and the evaluation beat alone. rate-limiter-flexible
 * keeps the counters (in memory; its Redis store serves a gateway on several machines).
 */
export interface IngestLimitSettings {
  requestsPerSecond: number;
  eventsPerSecond: number;
}

/** Defaults sized far above a large operation's peak (README: a 100,000-ticket day peaks near 70 events/s). */
export const DEFAULT_INGEST_LIMITS: IngestLimitSettings = { requestsPerSecond: 50, eventsPerSecond: 2000 };

const WINDOW_SECONDS = 10;

export type IngestRefusal = { limit: 'requestsPerSecond' | 'eventsPerSecond'; perSecond: number; retryAfter: number };

export class IngestLimits {
  private readonly requests: RateLimiterMemory;
  private readonly events: RateLimiterMemory;

  constructor(private readonly settings: IngestLimitSettings = DEFAULT_INGEST_LIMITS) {
    this.requests = new RateLimiterMemory({ keyPrefix: 'ingest-requests', points: settings.requestsPerSecond * WINDOW_SECONDS, duration: WINDOW_SECONDS });
    this.events = new RateLimiterMemory({ keyPrefix: 'ingest-events', points: settings.eventsPerSecond * WINDOW_SECONDS, duration: WINDOW_SECONDS });
  }

  /** One request of `sourceId`; null when within its limit. */
  request(sourceId: string): Promise<IngestRefusal | null> {
    return this.take(this.requests, sourceId, 1, 'requestsPerSecond', this.settings.requestsPerSecond);
  }

  /** `count` events of `sourceId`; null when within its limit. */
  eventsOf(sourceId: string, count: number): Promise<IngestRefusal | null> {
    return this.take(this.events, sourceId, count, 'eventsPerSecond', this.settings.eventsPerSecond);
  }

  private async take(limiter: RateLimiterMemory, key: string, points: number, limit: IngestRefusal['limit'], perSecond: number): Promise<IngestRefusal | null> {
    try {
      await limiter.consume(key, points);
      return null;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      return { limit, perSecond, retryAfter: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
    }
  }
}
