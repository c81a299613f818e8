import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { ClientAddress } from '../auth/client-address';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { createOriginPolicy } from '../auth/origin-policy';
import type { TokenRegistry } from '../auth/token-registry';
import type { GatewayConfig } from '../config/config-schema';
import type { GatewayMetrics } from '../gateway-metrics';
import type { GatewayOptions } from '../gateway-options';
import { createIngestApi } from '../ingest/ingest-api';
import type { ApplyIngest } from '../ingest/ingest-apply';
import type { IngestGrant } from '../ingest/ingest-keys';
import { IngestLimits } from '../ingest/ingest-limits';
import { LoopLagMeter, overloadCheck } from '../ingest/loop-lag';
import { ingestTurns } from '../ingest/ingest-turns';
import type { IngestPipeline } from '../ingest/ingest-pipeline';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { GatewayStats } from '../runtime/stats';
import { createAdminApi } from './admin-api';
import type { PerformAdmin } from './admin-perform';
import { createHealthReport } from './health-report';
import { createHttpHandler } from './http-handler';
import { createStaticFiles } from './static-files';

export interface HttpFrontOptions {
  config: GatewayConfig;
  gateway: Pick<GatewayOptions, 'metricsToken' | 'rendererDir' | 'tls' | 'version' | 'peerGateways' | 'maxIngestLagMs'>;
  /** Where a checked admin request is run: here, or in a cluster on the gateway that evaluates (server/cluster/admin-forward.ts). */
  performAdmin: PerformAdmin;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  clientAddress: ClientAddress;
  origin: ReturnType<typeof createOriginPolicy>;
  pipeline: IngestPipeline;
  verifyIngestKey: (authorization: string | undefined) => IngestGrant | null;
  /** Where checked ingest is applied: here, or in a cluster on the gateway that evaluates (server/cluster/ingest-forward.ts). */
  deliverIngest: ApplyIngest;
  isKnownQueue: (queueId: string) => boolean;
  queueOfTicket: (ticketId: string) => string | null;
  queueCount: number;
  lastInputTime: () => number | null;
  /** In a cluster, while another gateway evaluates: this one's engine and rules are not the ones screens see. */
  standby: () => boolean;
  /** Set in a cluster only: /healthz says whether this gateway evaluates. */
  clustered: boolean;
  metrics: GatewayMetrics;
  clock: Clock;
  stats: GatewayStats;
  logger: Logger;
}

/**
 * The gateway's HTTP side: /healthz, /metrics, the ingest and admin APIs and the built renderer, over http or,
 * with a certificate, https. The socket.io server attaches to the server this returns.
 */
export function createHttpFront(o: HttpFrontOptions): Server {
  const { config, gateway, clock, metrics } = o;
  const adminApi = createAdminApi({
    perform: o.performAdmin,
    tokens: o.tokens,
    failures: o.failures,
    clientAddress: o.clientAddress,
    origin: o.origin,
    maxBodyBytes: config.ingest.maxBodyBytes,
    rejected: metrics.inputRejected,
  });
  const ingestApi = createIngestApi({
    verifyKey: o.verifyIngestKey,
    isKnownQueue: o.isKnownQueue,
    // A standby's engine is not the one screens read: the ticket's queue is checked where the batch is applied.
    queueOfTicket: (ticketId) => (o.standby() ? null : o.queueOfTicket(ticketId)),
    deliver: o.deliverIngest,
    clientAddress: o.clientAddress,
    origin: o.origin,
    sink: o.pipeline,
    maxBodyBytes: config.ingest.maxBodyBytes,
    rejected: metrics.inputRejected,
    ingested: metrics.eventsIngested,
    futureSkew: { now: () => clock.now(), maxSeconds: config.ingest.maxFutureSkewSeconds },
    limits: new IngestLimits(config.limits.ingest),
    ...(gateway.maxIngestLagMs === undefined ? {} : { overloaded: lagGuard(gateway.maxIngestLagMs) }),
    failures: o.failures,
  });
  const handler = createHttpHandler({
    health: createHealthReport({ clock, stats: o.stats, queueCount: o.queueCount, lastInputTime: o.lastInputTime, version: gateway.version ?? '0.0.0', ...(o.clustered ? { evaluating: () => !o.standby() } : {}) }),
    metricsText: () => metrics.registry.render(),
    metricsToken: gateway.metricsToken ?? null,
    // Both are taken on any gateway of a cluster: checked where they arrive, run where the engine screens read is.
    api: async (request, response, path) => (await ingestApi(request, response, path)) || adminApi(request, response, path),
    staticFiles: createStaticFiles(gateway.rendererDir),
    logger: o.logger,
    peerGateways: gateway.peerGateways ?? [],
  });
  return gateway.tls ? createTlsServer({ cert: gateway.tls.cert, key: gateway.tls.key }, handler) : createServer(handler);
}

/**
 * The loop's sustained lag, or the wait of the batch waiting longest for its turn (ingest-turns.ts), against
 * `maxLagMs`: the meter lives as long as the process (its timer is unref'd).
 */
function lagGuard(maxLagMs: number) {
  const meter = new LoopLagMeter();
  return overloadCheck(() => Math.max(meter.sustainedLagMs(), ingestTurns.longestWaitMs()), maxLagMs);
}
