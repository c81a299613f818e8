import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { rotateGateways, type ReconnectingManager } from '../../renderer/src/feed/gateway-addresses';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createAppStore, type AppStore } from '../../renderer/src/store/store';
import { killHard, startGatewayProcess, type GatewayProcess } from './gateway-process';
import { startRealRedis, type RealRedis } from './real-redis';
import { freePort } from './real-servers';

export interface ClusterGateway extends GatewayProcess {
  /** Its own store folder (QUEUEBOARD_DATA_DIR). */
  folder: string;
  /** Whether /healthz says this gateway evaluates (holds the lease); false when it does not answer. */
  evaluating(): Promise<boolean>;
}

export interface ClusterWorld {
  redis: RealRedis;
  gateways: ClusterGateway[];
  urls: string[];
  /** The one gateway that evaluates, once exactly one does (fails naming what it saw). */
  evaluator(timeoutMs?: number): Promise<ClusterGateway>;
  /** A wall as the renderer runs it (feed client, store, WebSocket only, every gateway's address), starting at `first`. */
  screen(first: number): AppStore;
  close(): Promise<void>;
}

/**
 * `count` gateway processes (the built-in demo, each with its own store folder) on one real Redis, on
 * loopback ports chosen up front so each knows the others' addresses (QUEUEBOARD_GATEWAYS); `env` adds settings
 * (QUEUEBOARD_STORE for a shared PostgreSQL store).
 */
export async function startClusterWorld(count: number, env: Record<string, string> = {}): Promise<ClusterWorld> {
  const redis = await startRealRedis();
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const folders = ports.map(() => mkdtempSync(join(tmpdir(), 'queueboard-cluster-')));
  const stops: Array<() => void> = [];
  const starting = ports.map(async (port, index): Promise<ClusterGateway> => {
    const started = await startGatewayProcess({
      PORT: String(port),
      QUEUEBOARD_REDIS_URL: redis.url,
      QUEUEBOARD_GATEWAYS: urls.join(','),
      QUEUEBOARD_DATA_DIR: folders[index]!,
      ...env,
    }, 40_000);
    return { ...started, folder: folders[index]!, evaluating: () => isEvaluating(started.url) };
  });
  const settled = await Promise.allSettled(starting);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    // Nothing left behind: the ones that started, Redis (a daemon) and the folders.
    await Promise.all(settled.flatMap((result) => (result.status === 'fulfilled' ? [killHard(result.value)] : [])));
    await redis.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    throw failed.reason;
  }
  const gateways = settled.map((result) => (result as PromiseFulfilledResult<ClusterGateway>).value);
  return {
    redis,
    gateways,
    urls,
    async evaluator(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const live = gateways.filter((g) => g.child.exitCode === null && g.child.signalCode === null);
        const flags = await Promise.all(live.map((g) => g.evaluating()));
        const holders = live.filter((_, i) => flags[i]);
        if (holders.length === 1) return holders[0]!;
        if (Date.now() > deadline) {
          const ended = gateways.filter((g) => !live.includes(g)).map((g) => `${g.url} ended (${g.child.exitCode ?? g.child.signalCode}):\n${g.output().slice(-2000)}`);
          throw new Error(`expected exactly one evaluating gateway within ${timeoutMs} ms, saw ${holders.length} of ${live.length} live\n${ended.join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    screen(first) {
      const store = createAppStore();
      const ordered = [...urls.slice(first), ...urls.slice(0, first)];
      // A display token and no Origin: a screen outside any gateway's page, as the Electron app is.
      const socket = io(ordered[0]!, { ...HANDSHAKE_OPTIONS, forceNew: true, auth: handshakeAuth('wall', 'demo-display-token') });
      rotateGateways(socket.io as unknown as ReconnectingManager, ordered);
      stops.push(startFeedClient({ store, socket: socket as unknown as FeedSocket, requestFrame: (frame) => setTimeout(frame, 16) }));
      return store;
    },
    async close() {
      for (const stop of stops) stop();
      await Promise.all(gateways.map((gateway) => killHard(gateway)));
      await redis.close();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function isEvaluating(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    const report = (await response.json()) as { cluster?: { evaluating: boolean } };
    if (!report.cluster) throw new Error(`${url}/healthz has no cluster section: the gateway is not in a cluster`);
    return report.cluster.evaluating;
  } catch (error) {
    if (error instanceof Error && error.message.includes('no cluster section')) throw error;
    return false;
  }
}
