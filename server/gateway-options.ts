import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Snapshot } from '../shared/protocol/protocol';
import type { AlertManager } from './alerts/alert-manager';
import type { ClusterLink } from './cluster/redis-link';
import type { GatewayConfig } from './config/config-schema';
import type { InflowForecast } from './forecast/inflow-forecast';
import type { ThresholdService } from './health/threshold-service';
import type { IncidentService } from './incidents/incident-service';
import type { IngestKey } from './ingest/ingest-keys';
import type { MetricEngine } from './metrics';
import type { Timers } from './notify/delivery/timers';
import type { Notifier } from './notify/notifier';
import type { ResolvedWebhookTarget } from './notify/webhook-targets';
import type { Clock, Scheduler } from './runtime/clock';
import type { Logger } from './runtime/logger';
import type { GatewayStats } from './runtime/stats';
import type { Source } from './sources/source';
import type { GatewayStore } from './store';

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
  /** The cluster's gateways (QUEUEBOARD_GATEWAYS): this one's pages may connect to them (content-security policy). */
  peerGateways?: readonly string[];
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
  /** Events logged before a compaction is forced (COMPACT_EVERY_EVENTS by default; the ingest bench lowers it). */
  compactEveryEvents?: number;
  /** Ingest is refused (429) while the event loop's sustained lag passes this (server/ingest/loop-lag.ts); absent: never. */
  maxIngestLagMs?: number;
  /** Ids for new alerts; random UUIDs unless a test wants them predictable. */
  newAlertId?: () => string;
  /** The inflow baseline the staffing gap and SLA outlook read; without one they use the recent inflow (basis `recent`). */
  inflowForecast?: InflowForecast | null;
  /** Webhook targets with their URLs and secrets read from the environment (server/notify/webhook-targets.ts). */
  webhookTargets?: readonly ResolvedWebhookTarget[];
  /**
   * Webhooks live in real time, like helpdesks: the system clock (signature timestamps receivers check
   * against theirs, Retry-After dates, quiet hours) whatever --speed or a test's fake clock says.
   */
  outboundClock?: Clock;
  /** Outbound HTTP, one-shot timers and the jitter's randomness for webhook delivery; tests pass fakes. */
  fetch?: typeof fetch;
  timers?: Timers;
  random?: () => number;
  /** Ids for new incidents; random UUIDs unless a test wants them predictable. */
  newIncidentId?: () => string;
  /** Several gateways on one Redis (QUEUEBOARD_REDIS_URL): fan-out to every screen, and one gateway at a time evaluates and polls. */
  cluster?: ClusterMembership | null;
}

export interface ClusterMembership {
  link: ClusterLink;
  /** This gateway's name in the lease (host, process and a random part). */
  holder: string;
  leaseMs?: number;
  /** The lease went to another gateway while this one held it: its work has stopped; the process should end (and be restarted as a standby). */
  leaseLost: (reason: string) => void;
  /**
   * With the store in PostgreSQL (QUEUEBOARD_STORE): loads this gateway's working copy from it when it takes the
   * lease; thresholds, alerts, incidents, broadcasts and the event log are restored from that copy, not at start.
   */
  loadStore?: () => Promise<void>;
}

export interface Gateway {
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  snapshot(): Snapshot;
  readonly stats: GatewayStats;
  readonly engine: MetricEngine;
  readonly alerts: AlertManager;
  /** Incidents; `incidents.recordBroadcast(...)` puts a broadcast on the timelines it concerns. */
  readonly incidents: IncidentService;
  readonly thresholds: ThresholdService;
  readonly httpServer: Server;
  /** Outbound notifications: `notifier.notify(event)` is the one call for every emitter. */
  readonly notifier: Notifier;
  /** Text of GET /metrics. */
  metricsText(): string;
  /** Whether this gateway evaluates and polls now: always alone; in a cluster, while it holds the lease. */
  readonly evaluating: boolean;
}
