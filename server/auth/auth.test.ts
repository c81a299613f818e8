import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
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
  it('refuses an address after too many failures in a window, says for how long, and forgives after it', () => {
    const time = new FakeTime(0);
    const limiter = new FailureLimiter({ clock: time, maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedFor('10.1.1.1')).toBe(0);
      limiter.fail('10.1.1.1');
      time.advance(1000);
    }
    expect(limiter.blockedFor('10.1.1.1')).toBe(57);
    expect(limiter.blockedFor('10.1.1.2')).toBe(0);
    time.advance(57_000);
    expect(limiter.blockedFor('10.1.1.1')).toBe(0);
  });

  it('keeps a bounded number of addresses, so a flood of them cannot grow memory', () => {
    const limiter = new FailureLimiter({ clock: new FakeTime(0), maxFailures: 1, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 10_000; i++) limiter.fail(`addr-${i}`);
    expect((limiter as unknown as { failures: Map<string, unknown> }).failures.size).toBe(100);
    expect(limiter.blockedFor('addr-9999')).toBeGreaterThan(0);
  });

  it('keeps at most maxFailures times per address, so one address flooding guesses cannot grow memory either', () => {
    const time = new FakeTime(0);
    const limiter = new FailureLimiter({ clock: time, maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 10_000; i++) {
      limiter.fail('10.9.9.9');
      if (i % 1000 === 0) time.advance(1000);
    }
    expect((limiter as unknown as { failures: Map<string, number[]> }).failures.get('10.9.9.9')).toHaveLength(5);
    // Blocked until the oldest of the newest five leaves the window: all five came just now.
    expect(limiter.blockedFor('10.9.9.9')).toBe(60);
  });
});
