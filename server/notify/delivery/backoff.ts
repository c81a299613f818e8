/** How long to wait before a retry, in milliseconds. */
export interface BackoffSettings {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random
 * wait between 0 and min(max, initial × 2^(failures − 1)), so targets that failed together do not all retry
 * in the same instant. `random` is injected: tests fix it.
 */
export function fullJitterDelay(failures: number, settings: BackoffSettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** The most a Retry-After may hold delivery back: beyond it the answer is taken as a day. */
export const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/**
 * `Retry-After` as milliseconds from now (RFC 9110 §10.2.3): delay-seconds, or an HTTP date read against
 * the gateway's wall clock at the moment the answer arrived. The wait itself then runs on a timer, which is
 * monotonic, so a later step of the wall clock changes nothing. Null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, wallNow: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (!/[a-z]/i.test(text) || Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - wallNow), MAX_RETRY_AFTER_MS);
}
