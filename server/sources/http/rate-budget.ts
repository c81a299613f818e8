/** What a helpdesk says about its rate limit in one answer's headers. */
export interface RateInfo {
  /** Requests allowed per window (per minute for Zendesk and Freshdesk, per 10 s for Intercom). */
  limit?: number;
  remaining?: number;
  /** Epoch ms when the window resets, where the helpdesk says so (the client hands the budget its monotonic equivalent). */
  resetAt?: number;
  /** What the request just made cost, where it can be more than 1 (Freshdesk counts includes as credits). */
  cost?: number;
}

export interface RateBudgetOptions {
  /** Largest share of the helpdesk's limit this connection may spend, 0 < share ≤ 1. */
  share: number;
  /** The limit assumed until the helpdesk states its own. */
  defaultLimit: number;
  windowMs?: number;
}

/**
 * Keeps one connection within its share of the account's rate limit: it counts its own requests over a
 * sliding window and stops at share × limit, and it waits for the reset when the helpdesk reports the
 * account's budget spent (other integrations share it) or answered 429. Every time it is given is on one
 * clock that never steps (the polite client passes monotonic time).
 */
export class RateBudget {
  private readonly sent: number[] = [];
  private limit: number;
  private pausedUntil = 0;
  private readonly windowMs: number;

  constructor(private readonly options: RateBudgetOptions) {
    if (!(options.share > 0 && options.share <= 1)) throw new Error(`share must be more than 0 and at most 1 (got ${options.share})`);
    this.limit = options.defaultLimit;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Requests this connection may make per window. */
  get allowance(): number {
    return Math.max(1, Math.floor(this.limit * this.options.share));
  }

  /** Milliseconds to wait before the next request may go (0: now). */
  waitMs(now: number): number {
    while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
    const forPause = this.pausedUntil - now;
    const forShare = this.sent.length >= this.allowance ? this.sent[this.sent.length - this.allowance]! + this.windowMs - now : 0;
    return Math.max(0, forPause, forShare);
  }

  spend(now: number): void {
    this.sent.push(now);
  }

  observe(info: RateInfo, now: number): void {
    for (let extra = Math.min(info.cost ?? 1, 100) - 1; extra > 0; extra--) this.sent.push(now);
    if (info.limit !== undefined && info.limit > 0) this.limit = info.limit;
    if (info.remaining !== undefined && info.remaining <= 0) {
      const resetAt = info.resetAt !== undefined && info.resetAt > now ? Math.min(info.resetAt, now + this.windowMs) : now + this.windowMs;
      this.pauseUntil(resetAt);
    }
  }

  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }
}

/** Reads a header as a whole number, or undefined. */
export function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Retry-After in seconds or as an HTTP date, as epoch ms; undefined when absent or unreadable. */
export function retryAfterAt(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return now + Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(now, date);
}
