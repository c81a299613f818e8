import { MetricsRegistry, type Counter, type Histogram } from './runtime/prometheus';
import type { GatewayStats } from './runtime/stats';

export interface GatewayMetrics {
  registry: MetricsRegistry;
  eventsIngested: Counter;
  inputRejected: Counter;
  eventsDropped: Counter;
  evaluationSeconds: Histogram;
  dbWriteSeconds: Histogram;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** The gateway's own figures for GET /metrics (Prometheus text format). */
export function createGatewayMetrics(stats: GatewayStats, engine: { retainedItems(): number; evictions(): number }, now: () => number): GatewayMetrics {
  const registry = new MetricsRegistry();
  registry.gauge('queueboard_connected_clients', 'Connected screens by the role of their token (display, lead, manager) and client kind.', () =>
    [...stats.clientsByRole].flatMap(([role, byClient]) => [...byClient].map(([client, count]): [Record<string, string>, number] => [{ role, client }, count])),
  );
  const metrics: GatewayMetrics = {
    registry,
    eventsIngested: registry.counter('queueboard_events_ingested_total', 'Ticket events accepted or recognised as duplicates, by source and outcome.'),
    inputRejected: registry.counter('queueboard_input_rejected_total', 'Ingest requests refused, by reason (unauthorized, invalid, future-skew, too-large, malformed).'),
    eventsDropped: registry.counter('queueboard_events_dropped_total', 'Valid events the metric engine could not place, by reason.'),
    evaluationSeconds: registry.histogram('queueboard_evaluation_seconds', 'Time to evaluate every queue once.', LATENCY_BUCKETS),
    dbWriteSeconds: registry.histogram('queueboard_db_write_seconds', 'Time of one database write transaction.', LATENCY_BUCKETS),
  };
  registry.gauge('queueboard_socket_messages_rejected', 'Socket messages refused since start, by reason.', () =>
    [...stats.rejectedMessages].map(([reason, count]) => [{ reason }, count]),
  );
  registry.gauge('queueboard_handshakes_refused', 'Socket handshakes refused since start, by reason.', () =>
    [...stats.refusedHandshakes].map(([reason, count]) => [{ reason }, count]),
  );
  registry.gauge('queueboard_clients_dropped', 'Connections the gateway dropped on purpose since start, by reason (slow-consumer; message-too-large: a message over the 64 KiB limit).', () =>
    [...stats.droppedClients].map(([reason, count]) => [{ reason }, count]),
  );
  registry.gauge('queueboard_connections_closed', 'Socket connections closed since start, by reason (parse error, ping timeout, transport close, …).', () =>
    [...stats.closedConnections].map(([reason, count]) => [{ reason }, count]),
  );
  registry.gauge('queueboard_engine_retained_items', 'Open tickets, samples and flow marks the metric engine holds.', () => [[{}, engine.retainedItems()]]);
  registry.gauge('queueboard_engine_evictions', 'Open tickets (longest-open first) and samples (oldest first) the metric engine let go of since start to stay within its caps.', () => [[{}, engine.evictions()]]);
  registry.gauge('queueboard_updates_sent', 'Updates broadcast to screens since start.', () => [[{}, stats.updatesSent]]);
  registry.gauge('queueboard_uptime_seconds', 'Seconds since the gateway started.', () => [[{}, Math.round((now() - stats.startedAt) / 1000)]]);
  return metrics;
}

/** Runs `write` and records how long it took. */
export function timed<T>(histogram: Histogram, write: () => T): T {
  const started = performance.now();
  try {
    return write();
  } finally {
    histogram.observe((performance.now() - started) / 1000);
  }
}
