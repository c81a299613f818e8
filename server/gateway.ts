import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_THRESHOLDS } from '../shared/health/default-thresholds';
import { PROTOCOL_VERSION, type Snapshot } from '../shared/protocol/protocol';
import { QueueBoard, type ThresholdsFor } from './board/queue-board';
import { UpdateBatcher } from './board/update-batcher';
import type { GatewayConfig } from './config/config-schema';
import { createHttpHandler, type HealthReport } from './http/http-handler';
import { createStaticFiles } from './http/static-files';
import type { Clock, Scheduler } from './runtime/clock';
import type { Logger } from './runtime/logger';
import { GatewayStats, increment } from './runtime/stats';
import { createSocketGateway } from './socket/socket-gateway';
import type { Source } from './sources/source';

export interface GatewayOptions {
  config: GatewayConfig;
  sources: readonly Source[];
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** Folder of the built renderer, served at `/`. */
  rendererDir: string;
  allowedOrigins?: readonly string[];
  /** How often changes go out to screens at most. */
  updateIntervalMs?: number;
  version?: string;
  thresholdsFor?: ThresholdsFor;
}

export interface Gateway {
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  snapshot(): Snapshot;
  readonly stats: GatewayStats;
  readonly httpServer: Server;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config, clock, logger } = options;
  const stats = new GatewayStats(clock.now());
  const board = new QueueBoard(config.offices, config.queues, options.thresholdsFor ?? ((q) => DEFAULT_THRESHOLDS[q.channel]));

  const snapshot = (): Snapshot => ({
    protocol: PROTOCOL_VERSION,
    serverTime: clock.now(),
    seq: batcher.lastSeq,
    offices: [...board.offices],
    queues: [...board.queues],
    states: board.currentStates(),
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

  const httpServer = createServer(
    createHttpHandler({ health, staticFiles: createStaticFiles(options.rendererDir), logger }),
  );
  const sockets = createSocketGateway({
    httpServer,
    snapshot,
    clock,
    logger,
    stats,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  const batcher = new UpdateBatcher({
    board,
    clock,
    scheduler: options.scheduler,
    intervalMs: options.updateIntervalMs ?? 500,
    broadcast: (update) => sockets.broadcast(update),
  });

  const sink = (reading: Parameters<QueueBoard['apply']>[0]) => {
    const outcome = board.apply(reading);
    if (outcome.applied) {
      stats.readingsApplied += 1;
      stats.lastReadingAt = reading.at;
    } else {
      increment(stats.rejectedReadings, outcome.reason);
      logger.debug('reading dropped', { source: reading.sourceId, queue: reading.queueId, reason: outcome.reason });
    }
  };

  let closing: Promise<void> | null = null;
  return {
    stats,
    httpServer,
    snapshot,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      for (const source of options.sources) source.start(sink);
      batcher.start();
      return httpServer.address() as AddressInfo;
    },
    close() {
      closing ??= (async () => {
        for (const source of options.sources) source.stop();
        batcher.stop();
        httpServer.closeAllConnections();
        await sockets.close();
      })();
      return closing;
    },
  };
}
