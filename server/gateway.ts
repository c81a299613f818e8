// Wiring only: every decision lives in the services imported below, each tested on its own (docs/ARCHITECTURE.md).
import { randomUUID } from 'node:crypto';
import { AlertManager } from './alerts/alert-manager';
import { createClientAddress } from './auth/client-address';
import { FailureLimiter } from './auth/failure-limiter';
import { createOriginPolicy } from './auth/origin-policy';
import { TokenRegistry } from './auth/token-registry';
import { BroadcastService } from './broadcasts/broadcast-service';
import { LeaseKeeper } from './cluster/lease';
import { AdminForwarding } from './cluster/admin-forward';
import type { ForwardBus } from './cluster/evaluator-channel';
import { IngestForwarding } from './cluster/ingest-forward';
import { createRelay } from './cluster/relay';
import { QueueBoard } from './board/queue-board';
import { QueueRuntime } from './board/queue-runtime';
import { resolveQueueGroups } from './config/queue-groups';
import { resolveStaleLimits } from './config/stale-limits';
import { staffingSetups } from './forecast/staffing-config';
import { StaffingPlanner } from './forecast/staffing-planner';
import { createGatewayMetrics, timed } from './gateway-metrics';
import type { Gateway, GatewayOptions } from './gateway-options';
import { loadStoredOverrides } from './health/stored-overrides';
import { ThresholdService } from './health/threshold-service';
import { createAdminPerformer } from './http/admin-perform';
import { recordChanges } from './socket/recorded-commands';
import { createHttpFront } from './http/http-front';
import { listenOn } from './http/listen';
import { withIncidentTimeline } from './incidents/incident-alerts';
import { IncidentService } from './incidents/incident-service';
import { MemoryIncidentStore } from './incidents/incident-store';
import { createIngestApplier } from './ingest/ingest-apply';
import { createKeyGrants, queueFeeds } from './ingest/ingest-keys';
import { IngestPipeline } from './ingest/ingest-pipeline';
import { MetricEngine } from './metrics';
import { engineOptionsFor } from './metrics/engine-options';
import { withOutboundAlerts } from './notify/alert-events';
import { MemoryDeadLetters } from './notify/dead-letters';
import { systemTimers } from './notify/delivery/timers';
import { broadcastNote, incidentOutbound } from './notify/feature-events';
import { Notifier } from './notify/notifier';
import { monotonicNow, systemClock } from './runtime/clock';
import { RefusalLog } from './runtime/refusal-log';
import { GatewayStats } from './runtime/stats';
import { createAdmission } from './socket/admission';
import { createCommands } from './socket/commands';
import { createHistoryQuery } from './socket/history-query';
import { createSnapshots } from './socket/snapshot';
import { createSocketGateway } from './socket/socket-gateway';
import { ThresholdAdmin } from './settings/threshold-admin';
import { Housekeeping, inputKeyHorizonMs } from './store/housekeeping';
import { registerRecordMetrics } from './store/pg/record-metrics';
import { restoreState } from './store/restore-state';
import { InflowAgainstUsual } from './forecast/inflow-against-usual';
import { InflowBaseline } from './forecast/inflow-baseline';
import { QuarterRecorder } from './forecast/quarter-recorder';
import { QUARTER_RETENTION_MS } from './store/quarter-history';

export type { Gateway, GatewayOptions } from './gateway-options';

/** Builds the gateway's services and connects them; what each one does lives in its own module. */
export function createGateway(options: GatewayOptions): Gateway {
  const { config, sources, clock, scheduler, logger, store } = options;
  const cluster = options.cluster ?? null;
  const clockSpeed = options.clockSpeed ?? 1;
  const stats = new GatewayStats(clock.now());
  // Holidays are the gateway's business (the baseline's), not the screens'.
  const board = new QueueBoard(config.offices.map(({ holidays: _holidays, ...office }) => office), config.queues);
  const thresholds = new ThresholdService(config.offices, config.health, loadStoredOverrides(store?.thresholds.list() ?? [], logger));
  const incidents = new IncidentService({
    store: store?.incidents ?? new MemoryIncidentStore(),
    queues: new Map(config.queues.map((q) => [q.id, q])),
    clock,
    newId: options.newIncidentId ?? randomUUID,
    // Commands arrive only once the sockets exist.
    changed: (open) => sockets.broadcastIncidents({ open: [...open] }),
  });
  const alerts = new AlertManager({
    persistence: withIncidentTimeline(store?.alerts ?? null, incidents),
    newId: options.newAlertId ?? randomUUID,
    monotonic: () => monotonicNow(clock),
    incidentOf: (queueId) => incidents.incidentOf(queueId),
  });
  const tokens = new TokenRegistry(config.auth.tokens, config.auth.anonymous === 'none' ? null : config.auth.anonymous);
  const failures = new FailureLimiter({ maxFailures: config.auth.maxFailuresPerMinute, windowSeconds: config.auth.failureWindowSeconds });
  const engine = new MetricEngine(engineOptionsFor(config));
  // The log's checkpoints need an engine holding exactly the logged input: a second one only when a source is not logged.
  const durableEngine = sources.every((source) => source.durable) ? engine : new MetricEngine(engineOptionsFor(config));
  const metrics = createGatewayMetrics(stats, engine, () => clock.now());
  metrics.registry.gauge('queueboard_source_items_skipped', 'Items a source read from its helpdesk but could not use, by source.', () =>
    sources.filter((source) => source.skippedItems !== undefined).map((source) => [{ source: source.id }, source.skippedItems!]),
  );
  if (store?.systemOfRecord) registerRecordMetrics(metrics.registry, store.systemOfRecord);
  const dbWrite = <T>(write: () => T): T => timed(metrics.dbWriteSeconds, write);
  const groups = resolveQueueGroups(config.groups, config.queues);
  // Outbound notifications: alerts and forecasts below; broadcasts and incidents call notifier.notify too.
  const notifier = new Notifier({
    targets: options.webhookTargets ?? [],
    settings: config.webhooks,
    offices: config.offices,
    queues: config.queues,
    groups,
    clock: options.outboundClock ?? systemClock,
    timers: options.timers ?? systemTimers,
    fetch: options.fetch ?? fetch,
    random: options.random ?? Math.random,
    logger,
    deadLetters: store?.deadLetters ?? new MemoryDeadLetters(),
    registry: metrics.registry,
  });

  // The usual inflow learns from the stored weeks now, then from each quarter hour as the loop writes it.
  const baseline = new InflowBaseline({ queues: config.queues, offices: config.offices });
  if (store) baseline.learn(store.quarters.since(clock.now() - QUARTER_RETENTION_MS));
  const quarters = store && new QuarterRecorder({
    queueIds: board.queues.map((queue) => queue.id),
    engine,
    store: { record: (rows) => dbWrite(() => store.quarters.record(rows)), prune: (cutoff) => dbWrite(() => store.quarters.prune(cutoff)) },
    recorded: (rows) => baseline.learn(rows),
  });
  const volume = new InflowAgainstUsual(baseline, engine, config.windows.flowMinutes * 60_000);
  const runtime = new QueueRuntime({
    board, thresholds, clock, scheduler, logger,
    alerts: withOutboundAlerts(alerts, notifier.notify, clock.now()),
    // The loop judges inflow against the usual like any metric, and shows the usual beside it.
    engine: volume.withRatio(engine),
    usual: (queueId, now) => volume.usualFor(queueId, now),
    health: config.health,
    staleAfterMs: resolveStaleLimits(config, sources, clockSpeed),
    history: store && { recordMinute: (at, entries) => dbWrite(() => store.history.recordMinute(at, entries)) },
    quarters,
    evaluateIntervalMs: options.evaluateIntervalMs ?? 1000,
    updateIntervalMs: options.updateIntervalMs ?? 500,
    evaluationSeconds: metrics.evaluationSeconds,
    staffing: new StaffingPlanner({
      setups: staffingSetups(config.queues, (officeId) => config.offices.find((o) => o.id === officeId)!.timeZone),
      // The usual inflow (server/forecast/inflow-baseline.ts) is what the staffing need is planned on.
      forecast: options.inflowForecast ?? baseline,
      handleTimeOf: (queueId) => engine.handleTimeOf(queueId),
    }),
  });
  const clientAddress = createClientAddress(config.auth.trustedProxies);
  const origin = createOriginPolicy(options.allowedOrigins ?? []);
  const refusals = new RefusalLog({ clock, logger });
  const admin = new ThresholdAdmin({
    store,
    health: config.health,
    offices: new Set(config.offices.map((o) => o.id)),
    queues: new Set(config.queues.map((q) => q.id)),
    clock,
    applied: (overrides, state) => runtime.rulesChanged(overrides, state),
  });
  // Anything not started in process (HTTP push) is durable.
  const inProcessDurability = new Map(sources.map((s) => [s.id, s.durable]));
  const pipeline = new IngestPipeline({
    engine,
    durableEngine,
    log: store && {
      appendBatch: (sourceId, events) => dbWrite(() => store.events.appendBatch(sourceId, events)),
      appendReading: (sourceId, queueId, reading) => dbWrite(() => store.events.appendReading(sourceId, queueId, reading)),
    },
    cursors: store && {
      read: (sourceId, name) => store.cursors.read(sourceId, name),
      save: (sourceId, name, value, savedAt) => dbWrite(() => store.cursors.save(sourceId, name, value, savedAt)),
    },
    isDurable: (sourceId) => inProcessDurability.get(sourceId) ?? true,
    dropped: metrics.eventsDropped,
    logged: (count) => housekeeping?.appended(count),
    touched: (queueId, at) => runtime.touched(queueId, at),
    sourceStatus: (sourceId, status) => runtime.sourceStatus(sourceId, status),
    replayedUntil: (at) => runtime.replayedUntil(at),
    ...(store?.systemOfRecord ? { record: store.systemOfRecord } : {}),
  });

  const ingestKeys = createKeyGrants([...config.ingest.keys, ...(options.ingestKeys ?? [])], queueFeeds(config));
  const applyIngest = createIngestApplier({ sink: pipeline, queueOfTicket: (ticketId) => engine.queueOfTicket(ticketId), ingested: metrics.eventsIngested, rejected: metrics.inputRejected });
  // In a cluster, ingest checked on a standby is applied by the evaluating gateway (connected to the bus below).
  const ingestForwarding = cluster && new IngestForwarding({
    applyHere: applyIngest, grantOf: ingestKeys.byKeyId, isPrimary: () => work.running,
    connected: cluster.link.connected ?? (() => true), registry: metrics.registry, logger,
  });
  // Admin requests too: checked on any gateway, run on the evaluating one.
  const performAdmin = createAdminPerformer(admin, metrics.inputRejected, recordChanges(store?.systemOfRecord ?? null));
  const adminForwarding = cluster && new AdminForwarding({
    performHere: performAdmin, isPrimary: () => work.running,
    connected: cluster.link.connected ?? (() => true), registry: metrics.registry, logger,
  });
  const httpServer = createHttpFront({
    config, gateway: options, performAdmin: adminForwarding?.perform ?? performAdmin, tokens, failures, clientAddress, origin, pipeline, metrics, clock, stats, logger,
    verifyIngestKey: ingestKeys.verify,
    deliverIngest: ingestForwarding?.deliver ?? applyIngest,
    isKnownQueue: (queueId) => board.has(queueId),
    queueOfTicket: (ticketId) => engine.queueOfTicket(ticketId),
    queueCount: board.queues.length,
    lastInputTime: () => runtime.lastInputTime,
    standby: () => !work.running,
    clustered: cluster !== null,
  });
  const broadcasts = new BroadcastService({
    persistence: store?.broadcasts ?? null, clock, scheduler, logger, newId: randomUUID,
    world: { officeIds: config.offices.map((o) => o.id), queues: config.queues, groups },
    notify: (event) => {
      notifier.notify(event);
      const note = broadcastNote(event);
      if (note) incidents.recordBroadcast(note);
    },
  });
  incidents.subscribe((event) => notifier.notify(incidentOutbound(event)));
  const snapshot = createSnapshots({ clock, board, groups, alerts, updates: runtime, broadcasts });
  const sockets = createSocketGateway({
    httpServer,
    snapshot,
    queueIds: board.queues.map((queue) => queue.id),
    history: createHistoryQuery({ clock, history: store?.history ?? null, isKnownQueue: (queueId) => board.has(queueId) }),
    thresholds: () => admin.state(),
    incidents: () => ({ open: incidents.openIncidents() }),
    // What a person did goes out at once, not with the next beat: every screen sees it within a second.
    commands: createCommands({ alerts, admin, notifier, broadcasts, incidents, clock, flush: () => runtime.flush(), record: store?.systemOfRecord ?? null }),
    tokens,
    failures,
    admission: createAdmission({ origin, clientAddress, maxConnectionsPerAddress: config.limits.connectionsPerAddress, refusals, stats }),
    clientAddress,
    refusals,
    maxRejectedPerMinute: config.limits.rejectedMessagesPerMinute,
    historyRequestsPerMinute: config.limits.historyRequestsPerMinute,
    clock,
    logger,
    stats,
    allowedOrigins: options.allowedOrigins ?? [],
    cluster: cluster && {
      serverOptions: cluster.link.serverOptions,
      relay: (bus, local) => {
        // The same namespace: the relay's view of it names only the events it uses.
        ingestForwarding?.connect(bus as unknown as ForwardBus);
        adminForwarding?.connect(bus as unknown as ForwardBus);
        return createRelay({ bus, local, isPrimary: () => work.running, logger });
      },
    },
  });
  runtime.connect(sockets);
  broadcasts.connect(sockets);
  metrics.registry.gauge('queueboard_socket_largest_queue_bytes', 'The most any one screen has queued and unsent; above 4 MiB it is dropped as a slow consumer.', () => [[{}, sockets.largestQueue()]]);
  const housekeeping = store && new Housekeeping({
    store, clock, scheduler, clockSpeed, logger,
    engineState: (now) => pipeline.checkpointState(now),
    keyHorizonMs: inputKeyHorizonMs(config.connectors),
    timed: dbWrite,
    ...(options.compactEveryEvents ? { compactEveryEvents: options.compactEveryEvents } : {}),
    // A large state is checkpointed a queue at a time, so walls and beats keep their schedule meanwhile.
    sliced: { hold: () => pipeline.hold(), stateSlices: (now) => pipeline.checkpointSlices(now), nextTurn: () => new Promise((resolve) => setImmediate(resolve)) },
  });

  // What runs on one gateway only: the sources (each helpdesk polled once), the evaluation beat, housekeeping.
  const work = {
    running: false,
    start(takingOver: boolean) {
      work.running = true;
      for (const source of sources) source.start(pipeline);
      runtime.start();
      broadcasts.start();
      housekeeping?.start();
      // Screens on every gateway drew the last evaluator's board, numbered by its updates: they start over from this one.
      if (takingOver) sockets.resyncEveryone();
    },
    stop() {
      if (!work.running) return;
      work.running = false;
      for (const source of sources) source.stop();
      runtime.stop();
      broadcasts.stop();
      housekeeping?.stop();
    },
  };
  const lease = cluster && new LeaseKeeper({
    store: cluster.link.leases, name: 'primary', holder: cluster.holder, ttlMs: cluster.leaseMs,
    // Leases are in Redis's real milliseconds, whatever --speed does to the gateway's clock.
    monotonic: () => monotonicNow(systemClock), scheduler, logger,
    // Loading the store from PostgreSQL is part of the start: the lease keeps its startup length until it is done.
    acquired: () => (cluster.loadStore ? takeOver(cluster.loadStore) : work.start(true)),
    lost: (reason) => {
      work.stop();
      // Another gateway may be writing PostgreSQL now: what this one has not shipped must not land after it.
      store?.systemOfRecord?.abandon();
      cluster.leaseLost(reason);
    },
  });
  // Restored at start, or (store in PostgreSQL, in a cluster) once the working copy is loaded at the lease.
  const restoreStored = () => {
    // Incidents first: an alert restored open still names its incident, and the timeline knows it.
    incidents.restore();
    if (store) restoreState({ log: store.events, pipeline, alerts, logger });
    broadcasts.restore();
    housekeeping?.run();
  };
  const takeOver = async (loadStore: () => Promise<void>) => {
    try {
      await loadStore();
    } catch (error) {
      logger.error('could not load the store from PostgreSQL: giving the lease up', { problem: (error as Error).message });
      cluster?.leaseLost(`store not loaded: ${(error as Error).message}`);
      return;
    }
    if (!lease?.holding) return;
    thresholds.replace(loadStoredOverrides(store?.thresholds.list() ?? [], logger));
    if (store) baseline.learn(store.quarters.since(clock.now() - QUARTER_RETENTION_MS));
    restoreStored();
    work.start(true);
  };

  let closing: Promise<void> | null = null;
  return {
    stats,
    engine,
    alerts,
    incidents,
    thresholds,
    httpServer,
    snapshot,
    notifier,
    metricsText: () => metrics.registry.render(),
    get evaluating() {
      return work.running;
    },
    async listen(port, host) {
      if (!cluster?.loadStore) restoreStored();
      const address = await listenOn(httpServer, port, host);
      if (lease) lease.start();
      else work.start(false);
      return address;
    },
    close() {
      closing ??= (async () => {
        work.stop();
        notifier.stop();
        await lease?.stop();
        httpServer.closeAllConnections();
        await sockets.close();
        await cluster?.link.close();
        await housekeeping?.settled();
        await store?.systemOfRecord?.stop();
        store?.close();
      })();
      return closing;
    },
  };
}
