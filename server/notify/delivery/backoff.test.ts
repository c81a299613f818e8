import { describe, expect, it } from 'vitest';
import { fullJitterDelay, MAX_RETRY_AFTER_MS, retryAfterMs } from './backoff';

describe('backoff with full jitter', () => {
  const settings = { initialDelayMs: 1000, maxDelayMs: 30_000 };

  it('draws from 0 up to a ceiling that doubles per failure and stops at the maximum', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => fullJitterDelay(n, settings, top))).toEqual([999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
    expect(fullJitterDelay(5, settings, () => 0)).toBe(0);
    expect(fullJitterDelay(3, settings, () => 0.5)).toBe(2000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');

  it('reads delay-seconds and HTTP dates (against the wall clock when the answer came)', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('is null when absent or unreadable, and capped at a day', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
    expect(retryAfterMs('1.5', now)).toBeNull();
    expect(retryAfterMs('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
