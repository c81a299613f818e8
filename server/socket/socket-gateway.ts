import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { roleAllows, type Role, type ThresholdState } from '../../shared/protocol/admin-protocol';
import type { BroadcastList } from '../../shared/protocol/broadcast-protocol';
import type { IncidentsMessage } from '../../shared/protocol/incident-protocol';
import { COMMAND_NAMES, commandDefinition, type CommandHandlers, type CommandName, type GatewayRefusal, type SentAnswer } from '../../shared/protocol/commands';
import {
  HandshakeSchema,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type HandshakeRefusal,
  type HistoryRequest,
  type HistoryResponse,
  type Snapshot,
  type Update,
  type UpdateEncoding,
} from '../../shared/protocol/protocol';
import { encodeCompactUpdate, queueLayout, type ServerToClientEventsAnyEncoding } from '../../shared/protocol/compact-update';
import type { ClientToServerEvents } from '../../shared/protocol/socket-events';
import { parseWith } from '../../shared/protocol/validation';
import type { ClientAddress } from '../auth/client-address';
import { localAnswers, type Answers, type ClusterBus, type CommandAnswer, type PrimaryAnswers } from '../cluster/relay';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { TokenRegistry } from '../auth/token-registry';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { RefusalLog } from '../runtime/refusal-log';
import { increment, type GatewayStats } from '../runtime/stats';
import type { createAdmission } from './admission';
import { answerHistory } from './history-requests';
import { bufferedBytes, guardSends, terminate } from './slow-consumers';
import { createWelcomeCache } from './welcome-cache';
import { createWelcomeQueue } from './welcome-queue';

interface SocketData {
  client: string;
  role: Role;
  /** Who acts from this connection: the name behind its token, recorded on acknowledgements and in the audit. */
  actor: string;
  lastResyncAt: number;
  /** Refused messages in the current minute, to disconnect a socket that keeps sending them. */
  rejections: { since: number; count: number };
}

type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEventsAnyEncoding, Record<string, never>, SocketData>;

/** One room per update encoding: each broadcast is encoded once per encoding, then written to every socket in its room. */
const ENCODING_ROOMS: Readonly<Record<UpdateEncoding, string>> = { json: 'encoding:json', compact: 'encoding:compact' };

export interface SocketGatewayOptions {
  httpServer: HttpServer;
  snapshot: () => Snapshot;
  /** The ids of the snapshot's `queues`, in order, fixed for the gateway's life: compact updates refer to queues by index in it. */
  queueIds: readonly string[];
  thresholds: () => ThresholdState;
  /** The open incidents, sent on connect and resync (server/incidents/). */
  incidents: () => IncidentsMessage;
  history: (request: HistoryRequest) => HistoryResponse;
  /** `history` requests one connection may send a minute; the answer's size is capped where it is read (history-query.ts). */
  historyRequestsPerMinute?: number;
  /** A handler for every command of shared/protocol/commands.ts, answered through the acknowledgement callback. */
  commands: CommandHandlers;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  /** Origin and connection cap, checked before the handshake (server/socket/admission.ts). */
  admission: ReturnType<typeof createAdmission>;
  clientAddress: ClientAddress;
  refusals: RefusalLog;
  /** A socket sending more refused messages than this in a minute is disconnected. */
  maxRejectedPerMinute: number;
  clock: Clock;
  logger: Logger;
  stats: GatewayStats;
  /** Origins other than the gateway's own allowed to connect (the Electron app, a dev server). */
  allowedOrigins: readonly string[];
  resyncMinIntervalMs?: number;
  /** A connection with more than this queued and unsent is dropped as a slow consumer (it reconnects and resyncs). */
  maxBufferedBytes?: number;
  /** Several gateways: socket.io's Redis Streams adapter and recovery settings, and the relay to the evaluating one (server/cluster/). */
  cluster?: { serverOptions: Pick<ServerOptions, 'adapter' | 'connectionStateRecovery'>; relay: (bus: ClusterBus, local: PrimaryAnswers) => Answers } | null;
}

/** How ws words a message over maxPayload (engine.io passes it on as the close description). */
const TOO_LARGE = /max payload size exceeded/i;

/** About 200 full-board updates: a screen that is merely slow never gets near it. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** socket.io on the gateway's HTTP server: checks each handshake and token, sends a snapshot on connect, broadcasts updates. */
export function createSocketGateway(options: SocketGatewayOptions) {
  const { clock, logger, stats } = options;
  const knownEvents: readonly string[] = ['resync', 'history', ...COMMAND_NAMES];
  const resyncMinIntervalMs = options.resyncMinIntervalMs ?? 1000;
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const layout = queueLayout(options.queueIds);
  const io = new Server<ClientToServerEvents, ServerToClientEventsAnyEncoding, Record<string, never>, SocketData>(options.httpServer, {
    cors: { origin: [...options.allowedOrigins] },
    serveClient: false,
    // Screens notice a silent gateway themselves, from the updates and heartbeats it sends (SILENCE_LIMIT_MS);
    // these pings (socket.io's defaults) only let the gateway drop screens that vanished, within 45 s.
    pingInterval: 25_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: options.admission.allowRequest,
    ...options.cluster?.serverOptions,
  });
  const built = createWelcomeCache(() => ({ thresholds: options.thresholds(), snapshot: options.snapshot() }), () => clock.now());
  const local: PrimaryAnswers = {
    welcome: () => built.welcome(),
    command: (name, request, actor, role) => {
      const answer = run(name, request, actor, role);
      built.changed();
      return answer;
    },
    history: options.history,
  };
  // A gateway that does not evaluate asks the one that does for the board, the rules, history and commands.
  const answers = options.cluster ? options.cluster.relay(io.of('/') as unknown as ClusterBus, local) : localAnswers(local);
  /**
   * To this gateway's own screens only, never through Redis: with connection-state recovery each socket.emit is
   * also written to the adapter's stream for every gateway to read, and a storm of boards (tens of KB each) would
   * cost every gateway a parse each and push out of the stream the updates recovery is for. A screen is sent a
   * fresh board on every connect, recovered or not, so none of these needs replaying.
   */
  const onlyHere = (ids: string[]) => io.local.to(ids);
  const welcomes = createWelcomeQueue<GatewaySocket>({
    welcome: () => answers.welcome(),
    send: (screens, answer, withThresholds) => {
      const to = onlyHere(screens.map((screen) => screen.id));
      if (withThresholds) to.emit('thresholds', answer.thresholds);
      to.emit('snapshot', answer.snapshot);
    },
    failed: (error) => logger.error('could not send screens their board', { error: error.message }),
  });
  const history = answerHistory({ read: (request) => answers.history(request), knownQueues: new Set(options.queueIds), requestsPerMinute: options.historyRequestsPerMinute });

  io.engine.on('connection', (conn: { request: IncomingMessage; once(event: 'close', listener: (reason: string, description?: unknown) => void): void }) => {
    options.admission.opened(conn);
    conn.once('close', (reason, description) => {
      increment(stats.closedConnections, reason);
      // engine.io closes a connection whose message is over the limit before socket.io sees it, so it cannot
      // be answered; counted so it shows in /metrics (queueboard_clients_dropped{reason="message-too-large"}).
      if (description instanceof Error && TOO_LARGE.test(description.message)) increment(stats.droppedClients, 'message-too-large');
    });
  });
  io.engine.on('connection_error', (error: { req: IncomingMessage }) => options.admission.failed(error.req));

  io.use((socket, next) => {
    const malformed = checkHandshake(socket.handshake.auth);
    void (malformed ? Promise.resolve(malformed) : checkToken(socket)).then((refusal) => {
      if (!refusal) return next();
      increment(stats.refusedHandshakes, refusal.code);
      options.refusals.note(options.clientAddress(socket.request), refusal.code, refusal.message);
      next(Object.assign(new Error(refusal.message), { data: refusal }));
    }, (error: Error) => {
      // The failure store could not answer (a shared store gone): refuse this time, say so in the log.
      logger.error('handshake check failed', { error: error.message });
      next(new Error('The gateway could not check this screen\'s token just now; it will try again.'));
    });
  });

  io.on('connection', (socket: GatewaySocket) => {
    const { client, role } = socket.data;
    socket.data.lastResyncAt = 0;
    socket.data.rejections = { since: clock.now(), count: 0 };
    increment(stats.clientsByKind, client);
    const byRole = stats.clientsByRole.get(role) ?? new Map<string, number>();
    stats.clientsByRole.set(role, byRole);
    increment(byRole, client);
    guardSends(socket.conn, maxBufferedBytes, (queued, packetBytes) => dropSlowConsumer(socket, queued, packetBytes));
    void socket.join(ENCODING_ROOMS[(socket.handshake.auth as { encoding?: UpdateEncoding }).encoding ?? 'json']);
    // Through the adapter, stored: its offset is what lets a screen that drops before the next broadcast recover its session.
    socket.emit('session', { role: socket.data.role, name: socket.data.actor });
    welcome(socket, true);
    onlyHere([socket.id]).emit('incidents', options.incidents());

    socket.on('resync', () => {
      const now = clock.now();
      if (now - socket.data.lastResyncAt < resyncMinIntervalMs) {
        reject(socket, 'resync', 'resync-too-often', `resync: at most one per ${resyncMinIntervalMs} ms`);
        return;
      }
      socket.data.lastResyncAt = now;
      welcome(socket, false);
      onlyHere([socket.id]).emit('incidents', options.incidents());
    });
    socket.on('history', (request: unknown, reply: unknown) => {
      if (typeof reply !== 'function') {
        reject(socket, 'history', 'history-without-callback', 'history: send it with an acknowledgement callback');
        return;
      }
      const send = reply as (answer: HistoryResponse) => void;
      history.answer(socket.id, request).then((answer) => {
        if (!answer.ok) increment(stats.rejectedMessages, answer.code === 'invalid' ? 'invalid-history-request' : `history:${answer.code}`);
        send(answer);
      }, (error: Error) => {
        logger.error('history failed', { error: error.message });
        send({ ok: false, code: 'unavailable', issues: ['history: the gateway could not read its store just now; try again'] });
      });
    });
    for (const name of COMMAND_NAMES) command(socket, name);
    socket.onAny((event: string) => {
      if (!knownEvents.includes(event)) reject(socket, event, 'unknown-event', `${event}: unknown event; this gateway accepts ${knownEvents.join(', ')}`);
    });
    socket.on('disconnect', () => {
      history.forget(socket.id);
      increment(stats.clientsByKind, client, -1);
      increment(byRole, client, -1);
    });
    // A packet socket.io cannot parse: socket.io closes that connection (the screen reconnects); counted here.
    (socket as unknown as { on(event: 'error', listener: (error: Error) => void): void }).on('error', (error) => {
      increment(stats.rejectedMessages, 'unparseable-packet');
      logger.warn('closed a connection that sent an unparseable packet', { client, actor: socket.data.actor, error: error.message });
    });
  });

  /**
   * Checks the token behind a handshake and records who the connection is; null when it may connect. A
   * client that is no web page (no Origin, server/auth/origin-policy.ts) must present a token.
   */
  async function checkToken(socket: GatewaySocket): Promise<HandshakeRefusal | null> {
    const auth = socket.handshake.auth as { client: string; token?: string };
    const origin = options.admission.origin(socket.request);
    if (origin.ok && origin.from === 'script' && auth.token === undefined) {
      return refusal('unauthorized', 'A client that is not a web page (no Origin header) needs a token: send one in the handshake auth, or open the wall from the gateway\'s own address.');
    }
    const attempt = { credential: auth.token, address: options.clientAddress(socket.request) };
    const checked = await options.failures.check(attempt, () => options.tokens.check(auth.token));
    if (!checked.ok) return 'retryAfter' in checked ? { ...refusal(checked.code, checked.message), retryAfter: checked.retryAfter } : refusal(checked.code, checked.message);
    socket.data.client = auth.client;
    socket.data.role = checked.role;
    socket.data.actor = checked.name;
    return null;
  }

  /** A command: role checked, validated, answered through its callback, refusals counted by reason. */
  function command(socket: GatewaySocket, name: CommandName): void {
    socket.on(name, (request: unknown, reply: unknown) => {
      if (typeof reply !== 'function') {
        reject(socket, name, 'command-without-callback', `${name}: send it with an acknowledgement callback`);
        return;
      }
      const { role, actor } = socket.data;
      const needed = commandDefinition(name).role;
      const answered: Promise<CommandAnswer> = roleAllows(role, needed)
        ? answers.command(name, request ?? {}, actor, role)
        : Promise.resolve({ ok: false, code: 'forbidden', issues: [`${name}: needs the ${needed} role; this screen's token (${actor}) has the ${role} role`] });
      void answered.then((result) => {
        if (!result.ok) increment(stats.rejectedMessages, `${name}:${result.code}`);
        else logger.info('command applied', { event: name, actor });
        reply(result);
      });
    });
  }

  /** The rules and the board, from the evaluating gateway, in batches (welcome-queue.ts); nothing while none evaluates (the next one sends them to all). */
  function welcome(socket: GatewaySocket, withThresholds: boolean): void {
    welcomes.add(socket, withThresholds);
  }

  /**
   * The request validated, then the handler run (on the evaluating gateway); a change's answer may wait for the
   * shared store's commit (recorded-commands.ts). A handler that throws or rejects answers `unavailable`.
   */
  function run<C extends CommandName>(name: C, request: unknown, actor: string, role: Role): CommandAnswer | Promise<CommandAnswer> {
    const parsed = parseWith(commandDefinition(name).request, request);
    if (!parsed.ok) return { ok: false, code: 'invalid', issues: parsed.issues };
    const failed = (error: Error): GatewayRefusal => {
      logger.error('command failed', { event: name, error: error.message });
      return { ok: false, code: 'unavailable', issues: [`${name}: the gateway could not record it; try again`] };
    };
    try {
      const answer: SentAnswer<C> | GatewayRefusal | Promise<SentAnswer<C> | GatewayRefusal> = options.commands[name](parsed.value, actor, role);
      return answer instanceof Promise ? answer.catch(failed) : answer;
    } catch (error) {
      return failed(error as Error);
    }
  }

  /**
   * Called by the connection's send guard when a packet would take its queue past the allowance: a
   * connection that stopped reading is dropped rather than buffered without bound (it reconnects and resyncs).
   */
  function dropSlowConsumer(socket: GatewaySocket, queuedBytes: number, packetBytes: number): void {
    increment(stats.droppedClients, 'slow-consumer');
    logger.warn('dropped a screen that stopped reading', { client: socket.data.client, actor: socket.data.actor, queuedBytes, packetBytes, limit: maxBufferedBytes });
    socket.disconnect(true);
    terminate(socket.conn);
  }

  function reject(socket: GatewaySocket, event: string, reason: string, issue: string): void {
    increment(stats.rejectedMessages, reason);
    socket.emit('rejected', { event, issues: [issue] });
    const now = clock.now();
    const budget = socket.data.rejections;
    if (now - budget.since >= 60_000) Object.assign(budget, { since: now, count: 0 });
    budget.count += 1;
    if (budget.count <= options.maxRejectedPerMinute || !socket.connected) return;
    const why = `disconnected: more than ${options.maxRejectedPerMinute} refused messages in a minute; fix the client before it reconnects`;
    socket.emit('rejected', { event, issues: [why] });
    increment(stats.droppedClients, 'too-many-rejected-messages');
    logger.warn('dropped a client that kept sending refused messages', { client: socket.data.client, actor: socket.data.actor, address: options.clientAddress(socket.request), limit: options.maxRejectedPerMinute });
    socket.disconnect(true);
  }

  return {
    /** The most any one connection has queued and unsent, in bytes (bounded by maxBufferedBytes at every packet). */
    largestQueue(): number {
      let largest = 0;
      for (const socket of io.of('/').sockets.values()) largest = Math.max(largest, bufferedBytes(socket.conn));
      return largest;
    },
    broadcastThresholds(state: ThresholdState): void {
      built.changed();
      io.emit('thresholds', state);
    },
    /** Every broadcast not yet ended: each screen shows those that reach its queues. */
    broadcasts(list: BroadcastList): void {
      built.changed();
      io.emit('broadcasts', list);
    },
    broadcastIncidents(message: IncidentsMessage): void {
      io.emit('incidents', message);
    },
    heartbeat(serverTime: number): void {
      io.emit('heartbeat', { serverTime });
    },
    broadcast(update: Update): void {
      built.changed();
      stats.updatesSent += 1;
      // The adapter's rooms are this gateway's own: in a cluster, screens elsewhere may be in either room.
      const rooms = io.of('/').adapter.rooms;
      if (options.cluster || rooms.has(ENCODING_ROOMS.json)) io.to(ENCODING_ROOMS.json).emit('update', update);
      if (options.cluster || rooms.has(ENCODING_ROOMS.compact)) io.to(ENCODING_ROOMS.compact).emit('update', encodeCompactUpdate(update, layout));
    },
    /** Every screen on every gateway starts over from this gateway's board (it has just begun to evaluate). */
    resyncEveryone(): void {
      built.changed();
      const { thresholds, snapshot } = local.welcome();
      io.emit('thresholds', thresholds);
      io.emit('snapshot', snapshot);
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}

function refusal(code: HandshakeRefusal['code'], message: string): HandshakeRefusal {
  return { code, message, serverProtocol: PROTOCOL_VERSION };
}

function checkHandshake(auth: unknown): HandshakeRefusal | null {
  const parsed = parseWith(HandshakeSchema, auth);
  if (!parsed.ok) {
    return { code: 'bad-handshake', message: `Handshake refused: ${parsed.issues.join('; ')}`, serverProtocol: PROTOCOL_VERSION };
  }
  if (parsed.value.protocol !== PROTOCOL_VERSION) {
    return {
      code: 'protocol-mismatch',
      message: `This gateway speaks protocol ${PROTOCOL_VERSION}; the screen speaks ${parsed.value.protocol}. Update the older side.`,
      serverProtocol: PROTOCOL_VERSION,
    };
  }
  return null;
}
