import { createServer, type Server, type ServerResponse } from 'node:http';
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
import { LoopLagMeter, overloadCheck } from '../ingest/loop-lag';
import type { IngestPipeline } from '../ingest/ingest-pipeline';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { GatewayStats } from '../runtime/stats';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import { createAdminApi } from './admin-api';
import { createHealthReport } from './health-report';
import { createHttpHandler } from './http-handler';
import { sendJson } from './json-response';
import { createStaticFiles } from './static-files';

export interface HttpFrontOptions {
  config: GatewayConfig;
  gateway: Pick<GatewayOptions, 'ingestKeys' | 'metricsToken' | 'rendererDir' | 'tls' | 'version' | 'peerGateways' | 'maxIngestLagMs'>;
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
    ...(gateway.maxIngestLagMs === undefined ? {} : { overloaded: lagGuard(gateway.maxIngestLagMs) }),
    failures: o.failures,
  });
  const handler = createHttpHandler({
    health: createHealthReport({ clock, stats: o.stats, queueCount: o.queueCount, lastInputTime: o.lastInputTime, version: gateway.version ?? '0.0.0', ...(o.clustered ? { evaluating: () => !o.standby() } : {}) }),
    metricsText: () => metrics.registry.render(),
    metricsToken: gateway.metricsToken ?? null,
    api: async (request, response, path) => (o.standby() ? standingBy(response, request.method) : (await ingestApi(request, response, path)) || adminApi(request, response, path)),
    staticFiles: createStaticFiles(gateway.rendererDir),
    logger: o.logger,
    peerGateways: gateway.peerGateways ?? [],
  });
  return gateway.tls ? createTlsServer({ cert: gateway.tls.cert, key: gateway.tls.key }, handler) : createServer(handler);
}

/**
 * Ingest and admin requests go to the gateway that evaluates: on another, an event would land in an engine no
 * screen reads. 503 with Retry-After, so a load balancer tries the next gateway (deploy/nginx.conf) and a
 * pusher retries; ingest is idempotent by event id, so a retry never counts twice.
 */
function standingBy(response: ServerResponse, method: string | undefined): true {
  const error = 'this gateway is standing by: another gateway of the cluster evaluates and takes ingest and admin requests; retry, or send them through the load balancer';
  sendJson(response, 503, { error, code: 'standby' }, { 'Retry-After': '2' }, method);
  return true;
}

/** The loop's sustained lag against `maxLagMs`: its meter lives as long as the process (its timer is unref'd). */
function lagGuard(maxLagMs: number) {
  const meter = new LoopLagMeter();
  return overloadCheck(() => meter.sustainedLagMs(), maxLagMs);
}
