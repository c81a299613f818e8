import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../shared/health/default-thresholds';
import { HEARTBEAT_EVERY_MS, HISTORY_RESOLUTION_MS, PROTOCOL_VERSION, type HistoryRequest, type HistoryResponse, type Snapshot } from '../shared/protocol/protocol';
import { AlertManager } from './alerts/alert-manager';
import { createClientAddress } from './auth/client-address';
import { FailureLimiter } from './auth/failure-limiter';
import { createOriginPolicy } from './auth/origin-policy';
import { TokenRegistry } from './auth/token-registry';
import { Evaluator } from './board/evaluator';
import { QueueBoard } from './board/queue-board';
import { UpdateBatcher } from './board/update-batcher';
import type { GatewayConfig } from './config/config-schema';
import { createGatewayMetrics, timed } from './gateway-metrics';
import { HealthTracker } from './health/health-tracker';
import { parseOverrides, ThresholdService } from './health/threshold-service';
import { createAdminApi } from './http/admin-api';
import { createHttpHandler, type HealthReport } from './http/http-handler';
import { createStaticFiles } from './http/static-files';
import { createIngestApi } from './ingest/ingest-api';
import { createKeyVerifier, queueFeeds, type IngestKey } from './ingest/ingest-keys';
import { IngestPipeline } from './ingest/ingest-pipeline';
import { MetricEngine } from './metrics';
import type { Clock, Scheduler } from './runtime/clock';
import type { Logger } from './runtime/logger';
import { RefusalLog } from './runtime/refusal-log';
import { GatewayStats } from './runtime/stats';
import { createAdmission } from './socket/admission';
import { createCommands } from './socket/commands';
import { createSocketGateway } from './socket/socket-gateway';
import { ThresholdAdmin } from './settings/threshold-admin';
import type { Source } from './sources/source';
import type { GatewayStore } from './store';
import { resolveQueueGroups } from './config/queue-groups';

export interface GatewayOptions {
  config: GatewayConfig;
  sources: readonly Source[];
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** The SQLite store; null keeps everything in memory (tests of other parts). */
  store: GatewayStore | null;
  /** Folder of the built renderer, served at `/`. */
  rendererDir: string;
  /** Keys accepted by the HTTP ingest API, beside those in the configuration. */
  ingestKeys?: readonly IngestKey[];
  /** Browser origins allowed besides the gateway's own and the app's (QUEUEBOARD_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** When set, GET /metrics needs `Authorization: Bearer <this>` (QUEUEBOARD_METRICS_TOKEN). */
  metricsToken?: string | null;
  /** How often changes go out to screens at most. */
  updateIntervalMs?: number;
  /** How often every queue is recomputed. */
  evaluateIntervalMs?: number;
  version?: string;
  /** Clock milliseconds per real millisecond (--speed): sources' update intervals are in real time. */
  clockSpeed?: number;
  /** Certificate and key (PEM): serve https and wss instead of http and ws. */
  tls?: { cert: Buffer | string; key: Buffer | string } | null;
  /** Ids for new alerts; random UUIDs unless a test wants them predictable. */
  newAlertId?: () => string;
}

export interface Gateway {
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  snapshot(): Snapshot;
  readonly stats: GatewayStats;
  readonly engine: MetricEngine;
  readonly alerts: AlertManager;
  readonly thresholds: ThresholdService;
  readonly httpServer: Server;
  /** Text of GET /metrics. */
  metricsText(): string;
}

const HISTORY_RETENTION_MS = 24 * 3_600_000;

export function createGateway(options: GatewayOptions): Gateway {
  const { config, clock, logger, store } = options;
  const stats = new GatewayStats(clock.now());
  const board = new QueueBoard(config.offices, config.queues);
  const stored = parseOverrides((store?.thresholds.list() ?? []).map(({ scope, scopeId, metric, profile, warning, critical, pendingSeconds, recoverySeconds }) => ({ scope, scopeId, metric, profile, warning, critical, pendingSeconds, recoverySeconds })));
  for (const problem of stored.problems) logger.warn('stored threshold ignored', { problem });
  const thresholds = new ThresholdService(config.offices, config.health, stored.overrides);
  const tracker = new HealthTracker(config.health);
  const alerts = new AlertManager({ persistence: store?.alerts ?? null, newId: options.newAlertId ?? randomUUID });
  const sourceDown = new Map<string, string>();
  const tokens = new TokenRegistry(config.auth.tokens, config.auth.anonymous === 'none' ? null : config.auth.anonymous);
  const failures = new FailureLimiter({ maxFailures: config.auth.maxFailuresPerMinute, windowSeconds: config.auth.failureWindowSeconds });
  const clientAddress = createClientAddress(config.auth.trustedProxies);
  const origin = createOriginPolicy(options.allowedOrigins ?? []);
  const refusals = new RefusalLog({ clock, logger });
  const admin = new ThresholdAdmin({
    store,
    health: config.health,
    offices: new Set(config.offices.map((o) => o.id)),
    queues: new Set(config.queues.map((q) => q.id)),
    clock,
    applied: (overrides, state) => {
      thresholds.replace(overrides);
      // Judge every queue by the new levels now, and send the result with the new thresholds.
      evaluator.evaluate();
      batcher.flush();
      sockets.broadcastThresholds(state);
      logger.info('thresholds changed', { revision: state.revision, overrides: overrides.length });
    },
  });
  const staleAfterMs = staleLimits(config, options.sources, options.clockSpeed ?? 1);
  const engine = new MetricEngine({
    queues: config.queues.map((queue) => ({
      id: queue.id,
      firstResponseTargetSeconds: queue.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[queue.channel],
    })),
    windows: {
      firstResponseMs: config.windows.firstResponseMinutes * 60_000,
      resolutionMs: config.windows.resolutionHours * 3_600_000,
      flowMs: config.windows.flowMinutes * 60_000,
    },
  });
  const metrics = createGatewayMetrics(stats, () => engine.retainedItems(), () => clock.now());
  metrics.registry.gauge('queueboard_source_items_skipped', 'Items a source read from its helpdesk but could not use, by source.', () =>
    options.sources.filter((source) => source.skippedItems !== undefined).map((source) => [{ source: source.id }, source.skippedItems!]),
  );
  const inProcessDurability = new Map(options.sources.map((s) => [s.id, s.durable]));

  const evaluator = new Evaluator({
    board,
    engine,
    assess: (queue, values, updatedAt, now) => {
      const verdict = tracker.observe({
        queueId: queue.id,
        values,
        rules: thresholds.rulesFor(queue, now),
        updatedAt,
        staleAfterMs: staleAfterMs.get(queue.id) ?? null,
        sourceDown: sourceDown.get(queue.id) ?? null,
        now,
      });
      alerts.observe(queue.id, verdict, now);
      return verdict.health;
    },
    afterEvaluation: (now) => alerts.expireSnoozes(now),
    history: store && { recordMinute: (at, entries) => timed(metrics.dbWriteSeconds, () => store.history.recordMinute(at, entries)) },
    clock,
    scheduler: options.scheduler,
    intervalMs: options.evaluateIntervalMs ?? 1000,
    evaluationSeconds: metrics.evaluationSeconds,
  });
  const pipeline = new IngestPipeline({
    engine,
    log: store && {
      appendBatch: (sourceId, events) => timed(metrics.dbWriteSeconds, () => store.events.appendBatch(sourceId, events)),
      appendReading: (sourceId, queueId, reading) => timed(metrics.dbWriteSeconds, () => store.events.appendReading(sourceId, queueId, reading)),
    },
    // Anything not started in process (HTTP push) is durable.
    isDurable: (sourceId) => inProcessDurability.get(sourceId) ?? true,
    dropped: metrics.eventsDropped,
    touched: (queueId, at) => {
      stats.lastReadingAt = Math.max(stats.lastReadingAt ?? 0, at);
      evaluator.touched(queueId, at);
    },
    sourceStatus: (sourceId, status) => {
      for (const queueId of status.queueIds) {
        if (status.state === 'down') sourceDown.set(queueId, status.reason);
        else sourceDown.delete(queueId);
      }
      logger.info('source status', { sourceId, state: status.state, reason: status.state === 'down' ? status.reason : undefined });
    },
  });

  const groups = resolveQueueGroups(config.groups ?? [], config.queues);
  const snapshot = (): Snapshot => ({
    protocol: PROTOCOL_VERSION,
    serverTime: clock.now(),
    seq: batcher.lastSeq,
    offices: [...board.offices],
    queues: board.queues.map(({ id, name, officeId, channel, team }) => ({ id, name, officeId, channel, team })),
    groups,
    states: board.currentStates(),
    alerts: alerts.openAlerts(),
  });

  const health = (): HealthReport => ({
    status: 'ok',
    uptimeSeconds: Math.round((clock.now() - stats.startedAt) / 1000),
    clients: { total: stats.connectedClients, byKind: Object.fromEntries(stats.clientsByKind) },
    queues: board.queues.length,
    lastReadingAt: stats.lastReadingAt === null ? null : new Date(stats.lastReadingAt).toISOString(),
    protocol: PROTOCOL_VERSION,
    version: options.version ?? '0.0.0',
  });

  const history = (request: HistoryRequest): HistoryResponse => {
    if (!store) return { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues: [] };
    const wanted = request.queueIds ? new Set(request.queueIds) : null;
    const rows = store.history.since(clock.now() - request.spanMs);
    const queues = [...rows]
      .filter(([queueId]) => board.has(queueId) && (!wanted || wanted.has(queueId)))
      .map(([queueId, points]) => ({
        queueId,
        at: points.map((p) => p.at),
        values: Object.fromEntries(request.metrics.map((m) => [m, points.map((p) => p.metrics[m] ?? null)])),
      }));
    return { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues };
  };

  const adminApi = createAdminApi({ admin, tokens, failures, clientAddress, origin, maxBodyBytes: config.ingest.maxBodyBytes, rejected: metrics.inputRejected });
  const ingestApi = createIngestApi({
    verifyKey: createKeyVerifier([...config.ingest.keys, ...(options.ingestKeys ?? [])], queueFeeds(config)),
    isKnownQueue: (queueId) => board.has(queueId),
    queueOfTicket: (ticketId) => engine.queueOfTicket(ticketId),
    clientAddress,
    origin,
    sink: pipeline,
    maxBodyBytes: config.ingest.maxBodyBytes,
    rejected: metrics.inputRejected,
    ingested: metrics.eventsIngested,
    failures,
  });
  const handler = createHttpHandler({
    health,
    metricsText: () => metrics.registry.render(),
    metricsToken: options.metricsToken ?? null,
    api: async (request, response, path) => (await ingestApi(request, response, path)) || adminApi(request, response, path),
    staticFiles: createStaticFiles(options.rendererDir),
    logger,
  });
  const httpServer: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createServer(handler);
  const sockets = createSocketGateway({
    httpServer,
    snapshot,
    queueIds: board.queues.map((queue) => queue.id),
    history,
    thresholds: () => admin.state(),
    // What a person did goes out at once, not with the next beat: every screen sees it within a second.
    commands: createCommands({ alerts, admin, clock, flush: () => batcher.flush() }),
    tokens,
    failures,
    admission: createAdmission({ origin, clientAddress, maxConnectionsPerAddress: config.limits.connectionsPerAddress, refusals, stats }),
    clientAddress,
    refusals,
    maxRejectedPerMinute: config.limits.rejectedMessagesPerMinute,
    clock,
    logger,
    stats,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  metrics.registry.gauge('queueboard_socket_largest_queue_bytes', 'The most any one screen has queued and unsent; above 4 MiB it is dropped as a slow consumer.', () => [[{}, sockets.largestQueue()]]);
  const batcher = new UpdateBatcher({
    board,
    clock,
    scheduler: options.scheduler,
    intervalMs: options.updateIntervalMs ?? 500,
    alerts,
    broadcast: (update) => sockets.broadcast(update),
    heartbeat: (serverTime) => sockets.heartbeat(serverTime),
    // Updates go out every 500 ms at most, so two idle flushes are HEARTBEAT_EVERY_MS of silence.
    heartbeatAfterIdleFlushes: Math.max(1, Math.round(HEARTBEAT_EVERY_MS / (options.updateIntervalMs ?? 500))),
  });
  let stopHousekeeping: (() => void) | null = null;
  const housekeeping = () => {
    if (!store) return;
    const cutoff = clock.now() - Math.max(HISTORY_RETENTION_MS, config.windows.resolutionHours * 3_600_000);
    timed(metrics.dbWriteSeconds, () => {
      store.history.prune(clock.now() - HISTORY_RETENTION_MS);
      store.events.prune(cutoff);
    });
  };

  let closing: Promise<void> | null = null;
  return {
    stats,
    engine,
    alerts,
    thresholds,
    httpServer,
    snapshot,
    metricsText: () => metrics.registry.render(),
    async listen(port, host) {
      if (store) {
        const replayed = pipeline.replay(store.events.replay());
        for (const { queueId, reading } of store.events.replayReadings()) pipeline.applyReading(queueId, reading);
        logger.info('rebuilt queue state from the event log', { events: replayed, openAlerts: alerts.restore() });
        housekeeping();
      }
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      for (const source of options.sources) source.start(pipeline);
      evaluator.start();
      batcher.start();
      // Every ten minutes of clock time: a sped-up soak prunes as often, in simulated time, as a real floor.
      stopHousekeeping = options.scheduler.every(Math.max(1000, (10 * 60_000) / (options.clockSpeed ?? 1)), housekeeping);
      return httpServer.address() as AddressInfo;
    },
    close() {
      closing ??= (async () => {
        for (const source of options.sources) source.stop();
        evaluator.stop();
        batcher.stop();
        stopHousekeeping?.();
        httpServer.closeAllConnections();
        await sockets.close();
        store?.close();
      })();
      return closing;
    },
  };
}

/**
 * How old each queue's data may get before it is stale: its own setting, or the staleness factor times
 * how often its source reports (in clock time, so a demo at --speed=30 is judged by its simulated rhythm).
 */
function staleLimits(config: GatewayConfig, sources: readonly Source[], clockSpeed: number): Map<string, number> {
  const limits = new Map<string, number>();
  const factor = config.health.stalenessFactor;
  for (const queue of config.queues) {
    if ((queue.source?.kind ?? 'push') === 'push') limits.set(queue.id, factor * config.ingest.expectedIntervalSeconds * 1000);
  }
  for (const source of sources) {
    for (const queueId of source.queueIds) limits.set(queueId, factor * source.expectedIntervalMs * clockSpeed);
  }
  for (const queue of config.queues) {
    if (queue.staleAfterSeconds !== undefined) limits.set(queue.id, queue.staleAfterSeconds * 1000);
  }
  return limits;
}
