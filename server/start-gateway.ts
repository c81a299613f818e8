import { randomUUID } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { connectClusterLink } from './cluster/redis-link';
import { createGateway, type Gateway } from './gateway';
import { DEFAULT_MAX_INGEST_LAG_MS } from './ingest/loop-lag';
import { demoConfig } from './config/demo-config';
import { ConfigError, loadConfigFile } from './config/load-config';
import type { GatewayConfig } from './config/config-schema';
import { hashKey, unscopedKeyWarnings } from './ingest/ingest-keys';
import { acceleratedClock, systemClock, systemScheduler } from './runtime/clock';
import type { Logger } from './runtime/logger';
import type { GatewaySettings } from './runtime/settings';
import { createConnectorSources } from './sources/create-connector-sources';
import { listenScope } from './runtime/listen-scope';
import { readTlsFiles } from './runtime/tls-files';
import { createDemoSource } from './sources/demo/demo-source';
import { seedDemoHistory } from './sources/demo/demo-history';
import { systemSleep } from './sources/polling/connector-capabilities';
import type { Source } from './sources/source';
import { openStore } from './store';
import { openReplicatedStore } from './store/pg/replicated-store';
import { resolveWebhookTargets } from './notify/webhook-targets';

/** Loads the configuration named by the settings (or the demo), opens the store, starts every source and listens. */
export async function startGateway(settings: GatewaySettings, logger: Logger, version: string, leaseLost: (reason: string) => void = () => undefined): Promise<Gateway> {
  // Certificate problems stop the start before anything is opened, naming the variable.
  const tls = settings.tls ? readTlsFiles(settings.tls) : null;
  const config: GatewayConfig = settings.configFile ? await loadConfigFile(settings.configFile) : demoConfig(settings.demoSeed);
  for (const warning of unscopedKeyWarnings(config)) logger.warn(warning);
  // Webhook URLs and secrets come from the environment: a missing one stops the start, naming the variable (never a value).
  const webhooks = resolveWebhookTargets(config.webhooks, process.env);
  if (webhooks.problems.length > 0) throw new ConfigError(settings.configFile ?? 'built-in demo', webhooks.problems);
  const clock = acceleratedClock(systemClock, settings.speed);
  const sources: Source[] = [];
  const demoQueues = config.queues.filter((q) => q.source.kind === 'demo');
  if (config.demo && demoQueues.length > 0) {
    sources.push(createDemoSource({ config: { offices: config.offices, queues: demoQueues }, settings: config.demo, clock, scheduler: systemScheduler }));
  }
  // Helpdesks live in real time: their rate limits and Retry-After are real seconds, whatever --speed says.
  const capabilities = { fetch, clock: systemClock, scheduler: systemScheduler, sleep: systemSleep, random: Math.random, logger, env: process.env };
  sources.push(...createConnectorSources(config, capabilities));
  // QUEUEBOARD_STORE: PostgreSQL holds the record, this gateway works on a SQLite copy of it (server/store/pg/).
  const store = settings.storeUrl
    ? await openReplicatedStore({ url: settings.storeUrl, dataDir: settings.dataDir, clock, logger })
    : openStore({ dataDir: settings.dataDir, clock, logger, fresh: settings.freshStore });
  const seedDemo = () => {
    if (!config.demo || demoQueues.length === 0) return;
    const seeded = seedDemoHistory(store.quarters, { config: { offices: config.offices, queues: demoQueues }, seed: config.demo.seed, startAt: clock.now() });
    if (seeded > 0) logger.info('demo history written: 8 weeks of quarter hours for the baseline', { rows: seeded });
  };
  const record = store.systemOfRecord;
  // In a cluster the copy is loaded when this gateway takes the lease (the record may change until then); alone, now.
  const loadStore = record && (async () => {
    await record.hydrate();
    seedDemo();
    record.arm();
  });
  const cluster = settings.redisUrl
    ? { link: await connectClusterLink(settings.redisUrl, logger), holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, leaseLost, ...(loadStore ? { loadStore } : {}) }
    : null;
  if (!loadStore) seedDemo();
  else if (!cluster) await loadStore();
  const gateway = createGateway({
    config,
    sources,
    clock,
    scheduler: systemScheduler,
    logger,
    store,
    rendererDir: settings.rendererDir,
    ingestKeys: settings.ingestKey ? [{ sourceId: 'push', sha256: hashKey(settings.ingestKey) }] : [],
    allowedOrigins: settings.allowedOrigins,
    peerGateways: settings.peerGateways,
    metricsToken: settings.metricsToken,
    version,
    clockSpeed: settings.speed,
    tls,
    webhookTargets: webhooks.targets,
    cluster,
    maxIngestLagMs: DEFAULT_MAX_INGEST_LAG_MS,
  });
  const address = await gateway.listen(settings.port, settings.host);
  logger.info('gateway listening', {
    config: settings.configFile ?? `built-in demo (seed ${settings.demoSeed})`,
    host: listenScope(settings.host, settings.configFile === null),
    offices: config.offices.length,
    queues: config.queues.length,
    demoQueues: demoQueues.length,
    connectors: config.connectors.length,
    webhookTargets: webhooks.targets.length,
    speed: settings.speed,
    dataDir: settings.dataDir,
    store: record ? `PostgreSQL ${record.where}, a working copy in ${settings.dataDir}` : `SQLite in ${settings.dataDir}`,
    tls: settings.tls ? `https and wss (${settings.tls.certFile})` : 'off: plain http and ws',
    cluster: cluster ? `on Redis, as ${cluster.holder}; evaluating only while it holds the lease` : 'off: a single gateway',
  });
  for (const url of wallUrls(tls ? 'https' : 'http', address.port, settings.host)) logger.info(`wall view: ${url}`);
  return gateway;
}

function wallUrls(scheme: 'http' | 'https', port: number, host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host}:${port}/`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => `${scheme}://${net!.address}:${port}/`);
  return [`${scheme}://localhost:${port}/`, ...lan];
}
