import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessLeaseStore } from '../../server/cluster/in-process-lease';
import type { LeaseStore } from '../../server/cluster/lease';
import { RedisLeaseStore } from '../../server/cluster/redis-lease';
import { startRealRedis, type RealRedis } from '../support/real-redis';

let redis: RealRedis;
let client: RedisClientType;

beforeAll(async () => {
  redis = await startRealRedis();
  client = createClient({ url: redis.url });
  await client.connect();
});
afterAll(async () => {
  client.destroy();
  await redis.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One suite, both stores: the in-process one for a single gateway, Redis's (SET NX PX) for a cluster.
describe.each([
  ['in this process', () => new InProcessLeaseStore(() => performance.now())],
  ['in a real Redis', () => new RedisLeaseStore(client, `test:${Math.random()}:`)],
] as [string, () => LeaseStore][])('a lease store %s', (_where, makeStore) => {
  it('gives a free lease to one holder, refuses it to another while it lasts, renews it for its holder', async () => {
    const store = makeStore();
    expect(await store.hold('primary', 'a', 300)).toBe(true);
    expect(await store.hold('primary', 'b', 300)).toBe(false);
    expect(await store.holder('primary')).toBe('a');
    await sleep(200);
    expect(await store.hold('primary', 'a', 300)).toBe(true);
    await sleep(200);
    // Renewed 200 ms ago for 300 ms: still a's, 400 ms after it was first taken.
    expect(await store.hold('primary', 'b', 300)).toBe(false);
  });

  it('lets another take it once it runs out unrenewed', async () => {
    const store = makeStore();
    expect(await store.hold('primary', 'a', 150)).toBe(true);
    await sleep(250);
    expect(await store.holder('primary')).toBeNull();
    expect(await store.hold('primary', 'b', 150)).toBe(true);
    expect(await store.holder('primary')).toBe('b');
  });

  it('a release frees it only for its own holder', async () => {
    const store = makeStore();
    await store.hold('primary', 'a', 5000);
    await store.release('primary', 'b');
    expect(await store.holder('primary')).toBe('a');
    await store.release('primary', 'a');
    expect(await store.hold('primary', 'b', 5000)).toBe(true);
  });

  it('keeps leases of different names apart', async () => {
    const store = makeStore();
    expect(await store.hold('evaluator', 'a', 5000)).toBe(true);
    expect(await store.hold('poller', 'b', 5000)).toBe(true);
  });
});
