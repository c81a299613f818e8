import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { refusingCommands } from '../support/refusing-commands';

// The socket gateway answers a command whose handler waits (for the shared store's commit,
// server/socket/recorded-commands.ts) once the wait is over, and a wait that fails as `unavailable`.
const servers: Server[] = [];
const sockets: TestSocket[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const close of closers.splice(0)) await close();
  for (const server of servers.splice(0)) server.closeAllConnections();
});

async function start(commands: CommandHandlers) {
  const time = new FakeTime(Date.UTC(2026, 11, 7, 10));
  const stats = new GatewayStats(time.now());
  const httpServer = createServer();
  servers.push(httpServer);
  const refusals = new RefusalLog({ clock: time, logger: silentLogger });
  const snapshot = { seq: 1, serverTime: time.now(), offices: [], queues: [], groups: [], states: [], alerts: [], broadcasts: [] } as unknown as Snapshot;
  const gateway = createSocketGateway({
    httpServer,
    snapshot: () => snapshot,
    queueIds: [],
    thresholds: () => ({ revision: 0, overrides: [], profiles: [], pendingSeconds: 120, recoverySeconds: 120 }) as never,
    history: () => ({ ok: true, resolutionMs: 60_000, queues: [] }),
    incidents: () => ({ open: [] }),
    commands,
    // Every connection may send every command: this test is about when the answer comes.
    tokens: new TokenRegistry([], 'manager'),
    failures: new FailureLimiter({ maxFailures: 10, windowSeconds: 60 }),
    admission: createAdmission({ origin: createOriginPolicy([]), clientAddress: createClientAddress([]), maxConnectionsPerAddress: 50, refusals, stats }),
    clientAddress: createClientAddress([]),
    refusals,
    maxRejectedPerMinute: 120,
    clock: time,
    logger: silentLogger,
    stats,
    allowedOrigins: [],
  });
  closers.push(() => gateway.close());
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const socket = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { protocol: 6, client: 'desk' });
  sockets.push(socket);
  await nextEvent(socket, 'snapshot');
  return { socket, stats };
}

describe('a command whose answer waits', () => {
  it('is answered once its handler\'s wait is over, and a refusal after it is counted by its code', async () => {
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const { socket, stats } = await start({
      ...refusingCommands,
      'alert:acknowledge': async () => (await committed, { ok: true }),
      'alert:snooze': () => Promise.resolve({ ok: false, code: 'store-pending', issues: ['alert:snooze: made on the evaluating gateway …'] }),
    });
    let answered: unknown = null;
    const answer = socket.emitWithAck('alert:acknowledge', { alertId: 'a1' }).then((value) => (answered = value));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBeNull();
    commit();
    await answer;
    expect(answered).toEqual({ ok: true });
    expect(await socket.emitWithAck('alert:snooze', { alertId: 'a1', until: Date.UTC(2026, 11, 7, 11) })).toMatchObject({ ok: false, code: 'store-pending' });
    expect(stats.rejectedMessages.get('alert:snooze:store-pending')).toBe(1);
  });

  it('a wait that fails answers unavailable, naming the command', async () => {
    const { socket } = await start({ ...refusingCommands, 'incident:close': () => Promise.reject(new Error('the store went away')) });
    expect(await socket.emitWithAck('incident:close', { incidentId: 'i1' })).toEqual({ ok: false, code: 'unavailable', issues: ['incident:close: the gateway could not record it; try again'] });
  });
});
