import { createServer } from 'node:http';
import { createClient, type RedisClientType } from 'redis';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseKeeper } from '../../server/cluster/lease';
import { connectClusterLink, type ClusterLink } from '../../server/cluster/redis-link';
import { systemScheduler } from '../../server/runtime/clock';
import type { Logger } from '../../server/runtime/logger';
import { until } from '../support/feed-screen';
import { startRealRedis, type RealRedis } from '../support/real-redis';
import { startStallingProxy, type StallingProxy } from '../support/stalling-proxy';

let redis: RealRedis;
let proxy: StallingProxy;
let link: ClusterLink;
let io: Server;
let direct: RedisClientType;

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STREAM = 'queueboard:socket.io';

beforeAll(async () => {
  redis = await startRealRedis();
  // The gateway's link goes through a proxy that can stall one of its connections; the test's own client does not.
  proxy = await startStallingProxy(redis.port);
  link = await connectClusterLink(proxy.url, quiet);
  // Never listening: its adapter is what is under test, and io.close() needs a server to close.
  io = new Server(createServer(), link.serverOptions);
  direct = createClient({ url: redis.url });
  await direct.connect();
});
afterAll(async () => {
  proxy?.release();
  await io?.close();
  await link?.close();
  direct?.destroy();
  await proxy?.close();
  await redis?.close();
});

describe('the lease on its own Redis connection', () => {
  it('keeps being renewed while the adapter\'s connection is stalled behind its backlog', async () => {
    const lost: string[] = [];
    // A short lease: unrenewed, it is lost within 1 s; the stall below lasts three times that.
    const keeper = new LeaseKeeper({
      store: link.leases, name: 'stall-test', holder: 'this-gateway', ttlMs: 1000, startupMs: 1000,
      monotonic: () => performance.now(), scheduler: systemScheduler, logger: quiet,
      acquired: () => {}, lost: (reason) => lost.push(reason),
    });
    keeper.start();
    await until('the lease held', () => keeper.holding, 5000);

    // The adapter's next command (a broadcast is an XADD to the stream) stalls its connection: nothing it
    // sends from then on reaches Redis, as behind a big fan-out or a backed-up socket.
    proxy.stallWhenSent('XADD');
    io.emit('board', { n: 1 });
    await until('the adapter\'s connection stalled', () => proxy.counts().stalled === 1, 5000);
    await sleep(3000);
    // The broadcast is still held (the stall is real)...
    expect(await direct.exists(STREAM)).toBe(0);
    // ...and the lease was renewed all along: still held here, and in Redis with life left.
    expect(lost).toEqual([]);
    expect(keeper.holding).toBe(true);
    expect(await direct.get('queueboard:lease:stall-test')).toBe('this-gateway');
    expect(await direct.pTTL('queueboard:lease:stall-test')).toBeGreaterThan(0);

    // Once the backlog drains, the broadcast reaches the stream.
    proxy.release();
    for (let tries = 0; (await direct.exists(STREAM)) === 0; tries++) {
      if (tries === 50) throw new Error('the broadcast never reached the stream once the stall ended');
      await sleep(100);
    }
    await keeper.stop();
    expect(await direct.get('queueboard:lease:stall-test')).toBeNull();
  });

  it('names its connections, so CLIENT LIST tells the lease\'s from the adapter\'s', async () => {
    const names = (await direct.clientList()).map((c) => c.name);
    expect(names.filter((name) => name === 'queueboard-lease')).toHaveLength(1);
    // The adapter's: the one it writes on, its stream reader and its subscriber.
    expect(names.filter((name) => name === 'queueboard-adapter').length).toBeGreaterThanOrEqual(2);
  });
});
