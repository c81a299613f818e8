import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Logger } from '../runtime/logger';
import type { LeaseStore } from './lease';
import { RedisLeaseStore } from './redis-lease';

/** One gateway's tie to the cluster's Redis: socket.io's adapter (and its recovery settings) and the leases, each on its own connection. */
export interface ClusterLink {
  serverOptions: Pick<ServerOptions, 'adapter' | 'connectionStateRecovery'>;
  leases: LeaseStore;
  /** Whether the connection to Redis is up now (absent: assumed up). */
  connected?: () => boolean;
  close(): Promise<void>;
}

export class ClusterLinkError extends Error {
  override name = 'ClusterLinkError';
}

/**
 * The adapter keeps the stream that lets a screen that lost its socket for a moment (a Redis restart, a
 * network blip) get its id, rooms and missed broadcasts back; its token is checked again all the same
 * (skipMiddlewares: false), and it is still sent a snapshot, which is what it draws from (missed updates
 * older than it are dropped by their seq).
 */
const CONNECTION_STATE_RECOVERY = { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false };

/** How long a gateway waits for Redis at start before it says so and does not start. */
const CONNECT_WITHIN_MS = 10_000;

/**
 * Connects to the cluster's Redis (QUEUEBOARD_REDIS_URL) on two connections: one for socket.io's adapter
 * (the adapter opens its readers and subscriber from it) and one for the lease alone. Redis answers a
 * connection's commands in the order they were sent, so on a shared one a renewal would wait behind
 * whatever the adapter has queued: a big fan-out (every broadcast is an XADD), a reconnection storm (a
 * session SET for each screen that left) or a connection whose socket is backed up. The lease has 4 s, and a
 * renewal that waits past them stops a healthy evaluator; on its own connection it waits only for Redis.
 * Afterwards a lost connection is retried every second at most, quickly enough that a restarted Redis is
 * back before a lease runs out; an outage is logged once when it starts and once when it ends.
 */
export async function connectClusterLink(url: string, logger: Logger): Promise<ClusterLink> {
  const client = createClient({ url, name: 'queueboard-adapter', socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 1000) } });
  const leaseClient = client.duplicate({ name: 'queueboard-lease' });
  logOutages(client, logger, 'Redis unreachable: screens on other gateways miss this one\'s broadcasts until it is back', 'Redis reachable again');
  logOutages(leaseClient, logger, 'Redis unreachable for the lease: its holder stops evaluating if it is not back within the lease', 'Redis reachable again for the lease');
  const timer = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new ClusterLinkError(`QUEUEBOARD_REDIS_URL: no Redis answered at ${redacted(url)} within ${CONNECT_WITHIN_MS / 1000} s; start it, or unset the variable to run a single gateway`)), CONNECT_WITHIN_MS).unref();
  });
  try {
    await Promise.race([Promise.all([client.connect(), leaseClient.connect()]), timer]);
  } catch (error) {
    client.destroy();
    leaseClient.destroy();
    throw error instanceof ClusterLinkError ? error : new ClusterLinkError(`QUEUEBOARD_REDIS_URL: could not connect to ${redacted(url)}: ${(error as Error).message}`, { cause: error });
  }
  return {
    serverOptions: {
      // Every broadcast is JSON: the adapter need not look for binary data in each one.
      adapter: createAdapter(client, { streamName: 'queueboard:socket.io', channelPrefix: 'queueboard:socket.io', onlyPlaintext: true }),
      connectionStateRecovery: CONNECTION_STATE_RECOVERY,
    },
    leases: new RedisLeaseStore(leaseClient),
    connected: () => client.isReady,
    async close() {
      client.destroy();
      leaseClient.destroy();
    },
  };
}

/** Logs a connection's outage when it starts and when it ends, not at every retry. */
function logOutages(client: { on(event: 'error' | 'ready', listener: (error: Error) => void): unknown }, logger: Logger, lost: string, back: string): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(lost, { error: error.message });
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info(back);
  });
}

/** The URL without its password, for messages and logs. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
