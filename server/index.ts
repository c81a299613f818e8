import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config/load-config';
import { StoreError } from './store';
import { ClusterLinkError } from './cluster/redis-link';
import { StoreUnreachableError } from './store/pg/pg-pool';
import { EXIT_LEASE_LOST, EXIT_NEEDS_OPERATOR } from './runtime/exit-codes';
import { createLogger } from './runtime/logger';
import { readSettings, SettingsError } from './runtime/settings';
import { startGateway } from './start-gateway';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

try {
  const settings = readSettings(process.env, projectRoot, process.argv.slice(2));
  const logger = createLogger({ level: settings.logLevel });
  const gateway = await startGateway(settings, logger, version, (reason) => {
    logger.error('lost the lease while evaluating: stopping, to start again as a standby', { reason });
    // Ends even if closing waits on an unreachable Redis: a supervisor must get its exit status.
    setTimeout(() => process.exit(EXIT_LEASE_LOST), 5000).unref();
    gateway.close().finally(() => process.exit(EXIT_LEASE_LOST));
  });
  // Under scripts/supervise.mjs: "listening" only once this process holds the port, never before.
  process.send?.({ type: 'queueboard:listening' });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    gateway.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof SettingsError || error instanceof StoreError) {
    process.stderr.write(`${error.message}\nThe gateway did not start.\n`);
    process.exit(EXIT_NEEDS_OPERATOR);
  } else if (error instanceof ClusterLinkError || error instanceof StoreUnreachableError) {
    // Not an operator-only problem: Redis (or PostgreSQL) may be starting too, so a supervisor tries again.
    process.stderr.write(`${error.message}\nThe gateway did not start.\n`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`Port ${process.env.PORT ?? 4310} is already in use: stop the other gateway or set PORT.\n`);
    process.exit(EXIT_NEEDS_OPERATOR);
  } else {
    process.stderr.write(`The gateway did not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
}
