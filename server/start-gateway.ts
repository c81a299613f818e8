import { networkInterfaces } from 'node:os';
import { createGateway, type Gateway } from './gateway';
import { demoConfig } from './config/demo-config';
import { loadConfigFile } from './config/load-config';
import type { GatewayConfig } from './config/config-schema';
import { systemClock, systemScheduler } from './runtime/clock';
import type { Logger } from './runtime/logger';
import type { GatewaySettings } from './runtime/settings';
import { createDemoSource } from './sources/demo/demo-source';
import type { Source } from './sources/source';

/** Loads the configuration named by the settings (or the demo), starts every source and listens. */
export async function startGateway(settings: GatewaySettings, logger: Logger, version: string): Promise<Gateway> {
  const config: GatewayConfig = settings.configFile ? await loadConfigFile(settings.configFile) : demoConfig(settings.demoSeed);
  const sources: Source[] = [];
  if (config.demo) {
    sources.push(createDemoSource({ config, settings: config.demo, clock: systemClock, scheduler: systemScheduler }));
  } else {
    logger.warn('no source configured: every queue shows "No data" until one reports');
  }
  const gateway = createGateway({
    config,
    sources,
    clock: systemClock,
    scheduler: systemScheduler,
    logger,
    rendererDir: settings.rendererDir,
    allowedOrigins: settings.allowedOrigins,
    version,
  });
  const address = await gateway.listen(settings.port, settings.host);
  logger.info('gateway listening', {
    config: settings.configFile ?? `built-in demo (seed ${settings.demoSeed})`,
    offices: config.offices.length,
    queues: config.queues.length,
  });
  for (const url of wallUrls(address.port, settings.host)) logger.info(`wall view: ${url}`);
  return gateway;
}

function wallUrls(port: number, host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}/`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => `http://${net!.address}:${port}/`);
  return [`http://localhost:${port}/`, ...lan];
}
