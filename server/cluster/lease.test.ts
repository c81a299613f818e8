import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { silentLogger } from '../runtime/logger';
import { InProcessLeaseStore } from './in-process-lease';
import { LeaseKeeper, type LeaseStore } from './lease';

/** Lets the store's promises settle between fake-time steps. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function advance(time: FakeTime, ms: number, step = 100): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    time.advance(step);
    await settle();
  }
}

function keeper(time: FakeTime, store: LeaseStore, holder: string, events: string[]) {
  return new LeaseKeeper({
    store, name: 'primary', holder, ttlMs: 3000, monotonic: () => time.monotonic(), scheduler: time, logger: silentLogger,
    acquired: () => void events.push(`${holder} acquired`),
    lost: (reason) => events.push(`${holder} lost: ${reason}`),
  });
}

describe('LeaseKeeper', () => {
  it('one of two gateways holds the lease; the other takes over within the lease plus two beats of its death', async () => {
    const time = new FakeTime(0);
    const store = new InProcessLeaseStore(() => time.monotonic());
    const events: string[] = [];
    const a = keeper(time, store, 'a', events);
    const b = keeper(time, store, 'b', events);
    a.start();
    await settle();
    b.start();
    await advance(time, 10_000);
    expect(events).toEqual(['a acquired']);
    expect([a.holding, b.holding]).toEqual([true, false]);

    // a dies: its timers stop without a word (SIGKILL).
    (a as unknown as { cancel: () => void }).cancel();
    const diedAt = time.monotonic();
    while (!b.holding) await advance(time, 100);
    expect(time.monotonic() - diedAt).toBeLessThanOrEqual(3000 + 2 * b.renewEveryMs);
    expect(events).toEqual(['a acquired', 'b acquired']);
  });

  it('a clean stop hands the lease over within two beats, not when it runs out', async () => {
    const time = new FakeTime(0);
    const store = new InProcessLeaseStore(() => time.monotonic());
    const events: string[] = [];
    const a = keeper(time, store, 'a', events);
    const b = keeper(time, store, 'b', events);
    a.start();
    await settle();
    b.start();
    await a.stop();
    await advance(time, 2 * b.renewEveryMs);
    expect(b.holding).toBe(true);
    expect(await store.holder('primary')).toBe('b');
  });

  it('a holder whose store stops answering stops acting before its lease can run out in the store', async () => {
    const time = new FakeTime(0);
    const inner = new InProcessLeaseStore(() => time.monotonic());
    let answering = true;
    const store: LeaseStore = {
      hold: (...args) => (answering ? inner.hold(...args) : new Promise(() => undefined)),
      release: (...args) => inner.release(...args),
      holder: (name) => inner.holder(name),
    };
    const events: string[] = [];
    const a = keeper(time, store, 'a', events);
    a.start();
    await advance(time, 2000);
    answering = false;
    const lastAskedAt = 2000 - (2000 % a.renewEveryMs);
    await advance(time, 4000);
    expect(events).toEqual(['a acquired', 'a lost: not renewed within 3000 ms (the lease store did not answer)']);
    expect(a.holding).toBe(false);
    // It let go no later than the store's own expiry of its last renewal.
    expect(await inner.holder('primary')).toBeNull();
    expect(lastAskedAt + 3000).toBeLessThanOrEqual(time.monotonic());
  });

  it('after the store lost its keys (a Redis restart), the holder keeps the lease: a standby waits for it to stay free', async () => {
    const time = new FakeTime(0);
    const stores = { current: new InProcessLeaseStore(() => time.monotonic()) };
    const store: LeaseStore = {
      hold: (...args) => stores.current.hold(...args),
      release: (...args) => stores.current.release(...args),
      holder: (name) => stores.current.holder(name),
    };
    const events: string[] = [];
    const a = keeper(time, store, 'a', events);
    a.start();
    await advance(time, 2 * a.renewEveryMs);
    const b = keeper(time, store, 'b', events);
    b.start();
    for (let restart = 0; restart < 5; restart++) {
      await advance(time, 337);
      stores.current = new InProcessLeaseStore(() => time.monotonic());
    }
    await advance(time, 5000);
    expect(events).toEqual(['a acquired']);
    expect(await store.holder('primary')).toBe('a');
  });

  it('a start of the work that holds the process longer than the lease keeps the lease, then renews it at its normal length', async () => {
    const time = new FakeTime(0);
    let blockedFor = 0;
    const monotonic = () => time.monotonic() + blockedFor;
    const store = new InProcessLeaseStore(monotonic);
    const events: string[] = [];
    const a = new LeaseKeeper({
      store, name: 'primary', holder: 'a', ttlMs: 3000, monotonic, scheduler: time, logger: silentLogger,
      // The demo replays its day: 10 s in which no timer of this process runs.
      acquired: () => {
        blockedFor += 10_000;
        events.push('a acquired');
      },
      lost: (reason) => events.push(`a lost: ${reason}`),
    });
    const b = keeper(time, store, 'b', events);
    a.start();
    await advance(time, a.renewEveryMs);
    b.start();
    await advance(time, 5000);
    expect(events).toEqual(['a acquired']);
    expect(a.holding).toBe(true);
    // Renewed at the normal length since: a's death is noticed within the lease plus two beats, as ever.
    (a as unknown as { cancel: () => void }).cancel();
    const diedAt = time.monotonic();
    while (!b.holding) await advance(time, 100);
    expect(time.monotonic() - diedAt).toBeLessThanOrEqual(3000 + 2 * b.renewEveryMs);
  });

  it('a start that takes a while (a promise: loading the store, then blocking starts) keeps the startup length until it settles', async () => {
    const time = new FakeTime(0);
    let blockedFor = 0;
    const monotonic = () => time.monotonic() + blockedFor;
    const store = new InProcessLeaseStore(monotonic);
    const events: string[] = [];
    let finish!: () => void;
    const a = new LeaseKeeper({
      store, name: 'primary', holder: 'a', ttlMs: 3000, monotonic, scheduler: time, logger: silentLogger,
      // Loading the working copy from PostgreSQL, then the demo's day: 5 s later a block of 10 s, then started.
      acquired: () => new Promise<void>((resolve) => (finish = resolve)).then(() => {
        blockedFor += 10_000;
        events.push('a started');
      }),
      lost: (reason) => events.push(`a lost: ${reason}`),
    });
    const b = keeper(time, store, 'b', events);
    a.start();
    await advance(time, a.renewEveryMs);
    b.start();
    await advance(time, 5000);
    finish();
    await advance(time, 5000);
    expect(events).toEqual(['a started']);
    expect(a.holding).toBe(true);
    (a as unknown as { cancel: () => void }).cancel();
    const diedAt = time.monotonic();
    while (!b.holding) await advance(time, 100);
    expect(time.monotonic() - diedAt).toBeLessThanOrEqual(3000 + 2 * b.renewEveryMs);
  });

  it('a holder that finds another holding the lease (it was paused past its life) stops at once', async () => {
    const time = new FakeTime(0);
    const store = new InProcessLeaseStore(() => time.monotonic());
    const events: string[] = [];
    const a = keeper(time, store, 'a', events);
    a.start();
    await advance(time, a.renewEveryMs);
    expect(a.holding).toBe(true);
    // The lease ran out meanwhile and another took it, then a's renewal arrives.
    await store.release('primary', 'a');
    await store.hold('primary', 'c', 3000);
    await advance(time, a.renewEveryMs);
    expect(events).toEqual(['a acquired', 'a lost: another gateway holds it']);
  });
});
