import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { ClientAddress } from '../auth/client-address';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { createOriginPolicy } from '../auth/origin-policy';
import type { TokenRegistry } from '../auth/token-registry';
import type { GatewayConfig } from '../config/config-schema';
import type { GatewayMetrics } from '../gateway-metrics';
import type { GatewayOptions } from '../gateway-options';
import { createKeyVerifier, queueFeeds } from '../ingest/ingest-keys';
import { createIngestApi } from '../ingest/ingest-api';
import { IngestLimits } from '../ingest/ingest-limits';
import type { IngestPipeline } from '../ingest/ingest-pipeline';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { GatewayStats } from '../runtime/stats';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import { createAdminApi } from './admin-api';
import { createHealthReport } from './health-report';
import { createHttpHandler } from './http-handler';
import { createStaticFiles } from './static-files';

export interface HttpFrontOptions {
  config: GatewayConfig;
  gateway: Pick<GatewayOptions, 'ingestKeys' | 'metricsToken' | 'rendererDir' | 'tls' | 'version'>;
  admin: ThresholdAdmin;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  clientAddress: ClientAddress;
  origin: ReturnType<typeof createOriginPolicy>;
  pipeline: IngestPipeline;
  isKnownQueue: (queueId: string) => boolean;
  queueOfTicket: (ticketId: string) => string | null;
  queueCount: number;
  lastInputTime: () => number | null;
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
    admin: o.admin,
    tokens: o.tokens,
    failures: o.failures,
    clientAddress: o.clientAddress,
    origin: o.origin,
    maxBodyBytes: config.ingest.maxBodyBytes,
    rejected: metrics.inputRejected,
  });
  const ingestApi = createIngestApi({
    verifyKey: createKeyVerifier([...config.ingest.keys, ...(gateway.ingestKeys ?? [])], queueFeeds(config)),
    isKnownQueue: o.isKnownQueue,
    queueOfTicket: o.queueOfTicket,
    clientAddress: o.clientAddress,
    origin: o.origin,
    sink: o.pipeline,
    maxBodyBytes: config.ingest.maxBodyBytes,
    rejected: metrics.inputRejected,
    ingested: metrics.eventsIngested,
    futureSkew: { now: () => clock.now(), maxSeconds: config.ingest.maxFutureSkewSeconds },
    limits: new IngestLimits(config.limits.ingest),
    failures: o.failures,
  });
  const handler = createHttpHandler({
    health: createHealthReport({ clock, stats: o.stats, queueCount: o.queueCount, lastInputTime: o.lastInputTime, version: gateway.version ?? '0.0.0' }),
    metricsText: () => metrics.registry.render(),
    metricsToken: gateway.metricsToken ?? null,
    api: async (request, response, path) => (await ingestApi(request, response, path)) || adminApi(request, response, path),
    staticFiles: createStaticFiles(gateway.rendererDir),
    logger: o.logger,
  });
  return gateway.tls ? createTlsServer({ cert: gateway.tls.cert, key: gateway.tls.key }, handler) : createServer(handler);
}
