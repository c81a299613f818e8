import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { monotonicNow, type Clock } from '../runtime/clock';
import type { GatewayStats } from '../runtime/stats';
import type { HealthReport } from './http-handler';

export interface HealthReportSources {
  clock: Clock;
  stats: Pick<GatewayStats, 'startedAt' | 'connectedClients' | 'clientsByKind'>;
  queueCount: number;
  /** When any source last reported (gateway clock, epoch ms), or null. */
  lastInputTime: () => number | null;
  version: string;
  /** In a cluster: whether this gateway holds the lease now. */
  evaluating?: () => boolean;
}

/** GET /healthz: whether the gateway is up, who is connected and how fresh its input is. */
export function createHealthReport({ clock, stats, queueCount, lastInputTime, version, evaluating }: HealthReportSources): () => HealthReport {
  // Uptime is a duration: counted on the monotonic clock, so a wall-clock step does not change it.
  const startedMonotonic = monotonicNow(clock) - (clock.now() - stats.startedAt);
  return () => {
    const lastReadingAt = lastInputTime();
    return {
      status: 'ok',
      uptimeSeconds: Math.round((monotonicNow(clock) - startedMonotonic) / 1000),
      clients: { total: stats.connectedClients, byKind: Object.fromEntries(stats.clientsByKind) },
      queues: queueCount,
      // People and scripts read this one: an ISO time, where the socket protocol uses epoch ms.
      lastReadingAt: lastReadingAt === null ? null : new Date(lastReadingAt).toISOString(),
      protocol: PROTOCOL_VERSION,
      version,
      ...(evaluating ? { cluster: { evaluating: evaluating() } } : {}),
    };
  };
}
