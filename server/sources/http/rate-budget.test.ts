import { describe, expect, it } from 'vitest';
import { RateBudget, retryAfterAt } from './rate-budget';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

describe('rate budget', () => {
  it('allows share × limit requests per sliding minute, counting requests that cost several credits', () => {
    const budget = new RateBudget({ share: 0.5, defaultLimit: 100 });
    budget.observe({ limit: 10 }, T0);
    expect(budget.allowance).toBe(5);
    budget.spend(T0);
    budget.observe({ cost: 3 }, T0);
    budget.spend(T0 + 1000);
    expect(budget.waitMs(T0 + 1000)).toBe(0);
    budget.spend(T0 + 2000);
    expect(budget.waitMs(T0 + 2000)).toBe(60_000 - 2000);
    expect(budget.waitMs(T0 + 59_000)).toBe(1000);
    expect(budget.waitMs(T0 + 60_000)).toBe(0);
  });

  it('pauses until the reset when the account has nothing left, at most a window', () => {
    const budget = new RateBudget({ share: 1, defaultLimit: 100 });
    budget.observe({ remaining: 0, resetAt: T0 + 8000 }, T0);
    expect(budget.waitMs(T0)).toBe(8000);
    const far = new RateBudget({ share: 1, defaultLimit: 100 });
    far.observe({ remaining: 0, resetAt: T0 + 3_600_000 }, T0);
    expect(far.waitMs(T0)).toBe(60_000);
    expect(() => new RateBudget({ share: 0, defaultLimit: 1 })).toThrow(/share/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterAt(new Headers({ 'retry-after': '30' }), T0)).toBe(T0 + 30_000);
    expect(retryAfterAt(new Headers({ 'retry-after': new Date(T0 + 5000).toUTCString() }), T0)).toBe(T0 + 5000);
    expect(retryAfterAt(new Headers({ 'retry-after': 'soon' }), T0)).toBeUndefined();
    expect(retryAfterAt(new Headers(), T0)).toBeUndefined();
  });
});
