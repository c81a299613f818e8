import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../shared/protocol/admin-protocol';
import type { CommandHandlers } from '../../shared/protocol/commands';
import type { Snapshot } from '../../shared/protocol/protocol';
import { createClientAddress } from '../../server/auth/client-address';
import { FailureLimiter } from '../../server/auth/failure-limiter';
import { createOriginPolicy } from '../../server/auth/origin-policy';
import { TokenRegistry } from '../../server/auth/token-registry';
import { silentLogger } from '../../server/runtime/logger';
import { RefusalLog } from '../../server/runtime/refusal-log';
import { GatewayStats } from '../../server/runtime/stats';
import { createAdmission } from '../../server/socket/admission';
import { createSocketGateway } from '../../server/socket/socket-gateway';
import { FakeTime } from './fake-time';
import { refusingCommands } from './refusing-commands';

export interface LoneGatewayOptions {
  commands?: CommandHandlers;
  /** The role every connection gets (no tokens are configured). */
  role?: Role;
  queueIds?: string[];
  maxConnectionsPerAddress?: number;
  maxBufferedBytes?: number;
  at?: number;
}

/**
 * The socket gateway alone on a loopback port: an empty board, no rules, no history, every command refused
 * unless the test gives its own; for tests of what the socket layer itself does (answers, sends, buffers).
 * `closeAll` in an afterEach ends every gateway it started.
 */
export class LoneSocketGateways {
  private readonly servers: Server[] = [];
  private readonly closers: Array<() => Promise<void>> = [];

  async start(options: LoneGatewayOptions = {}) {
    const time = new FakeTime(options.at ?? Date.UTC(2026, 10, 24, 10));
    const stats = new GatewayStats(time.now());
    const httpServer = createServer();
    this.servers.push(httpServer);
    const refusals = new RefusalLog({ clock: time, logger: silentLogger });
    const snapshot: Snapshot = { protocol: 6, serverTime: time.now(), seq: 0, offices: [], queues: [], states: [], alerts: [] };
    const gateway = createSocketGateway({
      httpServer,
      snapshot: () => snapshot,
      queueIds: options.queueIds ?? [],
      thresholds: () => ({ revision: 0, overrides: [], profiles: [], pendingSeconds: 120, recoverySeconds: 120 }) as never,
      history: () => ({ ok: true, resolutionMs: 60_000, queues: [] }),
      incidents: () => ({ open: [] }),
      commands: options.commands ?? refusingCommands,
      tokens: new TokenRegistry([], options.role ?? 'display'),
      failures: new FailureLimiter({ maxFailures: 10, windowSeconds: 60 }),
      admission: createAdmission({
        origin: createOriginPolicy([]),
        clientAddress: createClientAddress([]),
        maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? 50,
        refusals,
        stats,
      }),
      clientAddress: createClientAddress([]),
      refusals,
      maxRejectedPerMinute: 120,
      clock: time,
      logger: silentLogger,
      stats,
      allowedOrigins: [],
      ...(options.maxBufferedBytes === undefined ? {} : { maxBufferedBytes: options.maxBufferedBytes }),
    });
    this.closers.push(() => gateway.close());
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    return { gateway, stats, time, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
  }

  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0)) await close();
    for (const server of this.servers.splice(0)) server.closeAllConnections();
  }
}
