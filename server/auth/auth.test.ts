import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FailureLimiter } from './failure-limiter';
import { hashToken, TokenRegistry } from './token-registry';

const tokens = [
  { name: 'Ana Costa', role: 'lead' as const, sha256: hashToken('ana-secret') },
  { name: 'Marta Silva', role: 'manager' as const, sha256: hashToken('marta-secret') },
  { name: 'Old laptop', role: 'lead' as const, sha256: hashToken('old-secret'), revoked: true },
];

describe('TokenRegistry', () => {
  it('knows a token by its digest and says who it is and what it may do', () => {
    const registry = new TokenRegistry(tokens, 'display');
    expect(registry.check('ana-secret')).toEqual({ ok: true, role: 'lead', name: 'Ana Costa' });
    expect(registry.checkBearer('Bearer marta-secret')).toEqual({ ok: true, role: 'manager', name: 'Marta Silva' });
  });

  it('refuses a wrong token and a revoked one, each with its own reason, never falling back to display', () => {
    const registry = new TokenRegistry(tokens, 'display');
    expect(registry.check('ana-secreT')).toMatchObject({ ok: false, code: 'bad-token' });
    expect(registry.check('old-secret')).toEqual({ ok: false, code: 'revoked-token', message: 'The token of "Old laptop" was revoked: ask a manager for a new one.' });
    expect(registry.checkBearer('Basic YW5hOnNlY3JldA==')).toMatchObject({ ok: false, code: 'bad-token' });
  });

  it('lets a screen without a token watch as a display, unless the gateway requires tokens', () => {
    expect(new TokenRegistry(tokens, 'display').check(undefined)).toEqual({ ok: true, role: 'display', name: 'anonymous display' });
    expect(new TokenRegistry(tokens, 'display').checkBearer(undefined)).toMatchObject({ ok: true, role: 'display' });
    expect(new TokenRegistry(tokens, null).check(undefined)).toMatchObject({ ok: false, code: 'unauthorized' });
  });
});

describe('FailureLimiter', () => {
  // rate-limiter-flexible keeps time with Date.now and expires with setTimeout: both faked here.
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 10), toFake: ['Date', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());
  const registry = new TokenRegistry(tokens, 'display');
  const attempt = (credential: string | undefined, address: string) => ({ credential, address });
  const check = (limiter: FailureLimiter, credential: string | undefined, address: string) => limiter.check(attempt(credential, address), () => registry.check(credential));

  it('refuses a credential that keeps failing, from any address, says for how long, and forgives after the window', async () => {
    const limiter = new FailureLimiter({ maxFailures: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) {
      expect(await check(limiter, 'stale-token', `10.1.1.${i}`)).toMatchObject({ ok: false, code: 'bad-token' });
      vi.advanceTimersByTime(1000);
    }
    expect(await check(limiter, 'stale-token', '10.1.1.9')).toMatchObject({ ok: false, code: 'too-many-attempts', retryAfter: 57 });
    vi.advanceTimersByTime(57_000);
    expect(await check(limiter, 'stale-token', '10.1.1.9')).toMatchObject({ ok: false, code: 'bad-token' });
  });

  it('refuses unknown credentials from an address that keeps failing, never a valid one, nor another address', async () => {
    const limiter = new FailureLimiter({ maxFailures: 3, windowSeconds: 60 });
    for (let i = 0; i < 12; i++) await check(limiter, `guess-${i}`, '10.2.2.2');
    expect(await check(limiter, 'guess-99', '10.2.2.2')).toMatchObject({ ok: false, code: 'too-many-attempts' });
    expect(await check(limiter, undefined, '10.2.2.2')).toEqual({ ok: true, role: 'display', name: 'anonymous display' });
    expect(await check(limiter, 'ana-secret', '10.2.2.2')).toEqual({ ok: true, role: 'lead', name: 'Ana Costa' });
    expect(await check(limiter, 'guess-99', '10.2.2.3')).toMatchObject({ ok: false, code: 'bad-token' });
  });

  it('keeps no failure past its window, so a flood of addresses and guesses cannot grow memory', async () => {
    const limiter = new FailureLimiter({ maxFailures: 1, windowSeconds: 60 });
    for (let i = 0; i < 500; i++) await limiter.fail(attempt(`guess-${i}`, `addr-${i}`));
    const kept = () => ['byCredential', 'byAddress'].map((b) => (limiter as unknown as Record<string, { _memoryStorage: { _storage: Map<string, unknown> } }>)[b]!._memoryStorage._storage.size);
    expect(kept()).toEqual([500, 500]);
    vi.advanceTimersByTime(60_000);
    expect(kept()).toEqual([0, 0]);
  });
});
