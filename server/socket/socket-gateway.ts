import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { roleAllows, type Role, type ThresholdState } from '../../shared/protocol/admin-protocol';
import {
  HandshakeSchema,
  HistoryRequestSchema,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type HandshakeRefusal,
  type HistoryRequest,
  type HistoryResponse,
  type Snapshot,
  type Update,
  type UpdateEncoding,
} from '../../shared/protocol/protocol';
import { encodeCompactUpdate, queueLayout, type ServerToClientEventsAnyEncoding } from '../../shared/protocol/compact-update';
import { parseWith } from '../../shared/protocol/validation';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { TokenRegistry } from '../auth/token-registry';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import { increment, type GatewayStats } from '../runtime/stats';
import { bufferedBytes, terminate } from './slow-consumers';

interface SocketData {
  client: string;
  role: Role;
  /** Who acts from this connection: the name behind its token, recorded on acknowledgements and in the audit. */
  actor: string;
  lastResyncAt: number;
}

type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEventsAnyEncoding, Record<string, never>, SocketData>;

/** One room per update encoding: each broadcast is encoded once per encoding, then written to every socket in its room. */
const ENCODING_ROOMS: Readonly<Record<UpdateEncoding, string>> = { json: 'encoding:json', compact: 'encoding:compact' };

/** Every command's answer: ok, or a code and the issues naming each field. */
export type CommandAnswer = { ok: true } | { ok: false; code: string; issues: string[] };

/** A command clients may send: who may, what it takes, what it does. */
export interface CommandSpec<S extends z.ZodType = z.ZodType> {
  role: Role;
  schema: S;
  run: (request: z.infer<S>, actor: string) => CommandAnswer;
}

export function defineCommand<S extends z.ZodType>(role: Role, schema: S, run: (request: z.infer<S>, actor: string) => CommandAnswer): CommandSpec {
  return { role, schema, run: run as CommandSpec['run'] };
}

export interface SocketGatewayOptions {
  httpServer: HttpServer;
  snapshot: () => Snapshot;
  /** The ids of the snapshot's `queues`, in order, fixed for the gateway's life: compact updates refer to queues by index in it. */
  queueIds: readonly string[];
  thresholds: () => ThresholdState;
  history: (request: HistoryRequest) => HistoryResponse;
  /** Commands by event name, answered through the acknowledgement callback. */
  commands: Readonly<Record<string, CommandSpec>>;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  clock: Clock;
  logger: Logger;
  stats: GatewayStats;
  /** Origins other than the gateway's own allowed to connect (the Electron app, a dev server). */
  allowedOrigins: readonly string[];
  resyncMinIntervalMs?: number;
  /** A connection with more than this queued and unsent is dropped as a slow consumer (it reconnects and resyncs). */
  maxBufferedBytes?: number;
}

/** About 200 full-board updates: a screen that is merely slow never gets near it. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** socket.io on the gateway's HTTP server: checks each handshake and token, sends a snapshot on connect, broadcasts updates. */
export function createSocketGateway(options: SocketGatewayOptions) {
  const { clock, logger, stats } = options;
  const knownEvents = ['resync', 'history', ...Object.keys(options.commands)];
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
    maxHttpBufferSize: 64 * 1024,
  });

  io.engine.on('connection', (conn: { once(event: 'close', listener: (reason: string) => void): void }) => {
    conn.once('close', (reason) => increment(stats.closedConnections, reason));
  });

  io.use((socket, next) => {
    const address = socket.handshake.address;
    const refusal = checkHandshake(socket.handshake.auth) ?? checkToken(socket, address);
    if (!refusal) return next();
    if (refusal.code === 'bad-token' || refusal.code === 'revoked-token' || refusal.code === 'unauthorized') options.failures.fail(address);
    increment(stats.refusedHandshakes, refusal.code);
    logger.warn('handshake refused', { code: refusal.code, reason: refusal.message, address: socket.handshake.address });
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  });

  io.on('connection', (socket: GatewaySocket) => {
    const { client } = socket.data;
    socket.data.lastResyncAt = 0;
    increment(stats.clientsByKind, client);
    void socket.join(ENCODING_ROOMS[(socket.handshake.auth as { encoding?: UpdateEncoding }).encoding ?? 'json']);
    socket.emit('session', { role: socket.data.role, name: socket.data.actor });
    socket.emit('thresholds', options.thresholds());
    socket.emit('snapshot', options.snapshot());

    socket.on('resync', () => {
      const now = clock.now();
      if (now - socket.data.lastResyncAt < resyncMinIntervalMs) {
        reject(socket, 'resync', 'resync-too-often', `resync: at most one per ${resyncMinIntervalMs} ms`);
        return;
      }
      socket.data.lastResyncAt = now;
      socket.emit('snapshot', options.snapshot());
    });
    socket.on('history', (request: unknown, reply: unknown) => {
      if (typeof reply !== 'function') {
        reject(socket, 'history', 'history-without-callback', 'history: send it with an acknowledgement callback');
        return;
      }
      const parsed = parseWith(HistoryRequestSchema, request);
      if (!parsed.ok) {
        increment(stats.rejectedMessages, 'invalid-history-request');
        (reply as (r: HistoryResponse) => void)({ ok: false, issues: parsed.issues });
        return;
      }
      (reply as (r: HistoryResponse) => void)(options.history(parsed.value));
    });
    for (const [event, spec] of Object.entries(options.commands)) command(socket, event, spec);
    socket.onAny((event: string) => {
      if (!knownEvents.includes(event)) reject(socket, event, 'unknown-event', `${event}: unknown event; this gateway accepts ${knownEvents.join(', ')}`);
    });
    socket.on('disconnect', () => increment(stats.clientsByKind, client, -1));
    // A packet socket.io cannot parse: socket.io closes that connection (the screen reconnects); counted here.
    (socket as unknown as { on(event: 'error', listener: (error: Error) => void): void }).on('error', (error) => {
      increment(stats.rejectedMessages, 'unparseable-packet');
      logger.warn('closed a connection that sent an unparseable packet', { client, actor: socket.data.actor, error: error.message });
    });
  });

  /** Checks the token behind a handshake and records who the connection is; null when it may connect. */
  function checkToken(socket: GatewaySocket, address: string): HandshakeRefusal | null {
    const wait = options.failures.blockedFor(address);
    if (wait > 0) return refusal('too-many-attempts', `Too many failed attempts from this address: try again in ${wait} s.`);
    const auth = socket.handshake.auth as { client: string; token?: string };
    const checked = options.tokens.check(auth.token);
    if (!checked.ok) return refusal(checked.code, checked.message);
    socket.data.client = auth.client;
    socket.data.role = checked.role;
    socket.data.actor = checked.name;
    return null;
  }

  /** A command: role checked, validated, answered through its callback, refusals counted by reason. */
  function command(socket: GatewaySocket, event: string, spec: CommandSpec): void {
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (request: unknown, reply: unknown) => {
      if (typeof reply !== 'function') {
        reject(socket, event, 'command-without-callback', `${event}: send it with an acknowledgement callback`);
        return;
      }
      let result: CommandAnswer;
      try {
        if (!roleAllows(socket.data.role, spec.role)) {
          result = { ok: false, code: 'forbidden', issues: [`${event}: needs the ${spec.role} role; this screen's token (${socket.data.actor}) has the ${socket.data.role} role`] };
        } else {
          const parsed = parseWith(spec.schema, request ?? {});
          result = parsed.ok ? spec.run(parsed.value, socket.data.actor) : { ok: false, code: 'invalid', issues: parsed.issues };
        }
      } catch (error) {
        logger.error('command failed', { event, error: (error as Error).message });
        result = { ok: false, code: 'unavailable', issues: [`${event}: the gateway could not record it; try again`] };
      }
      if (!result.ok) increment(stats.rejectedMessages, `${event}:${result.code}`);
      else logger.info('command applied', { event, actor: socket.data.actor });
      (reply as (r: CommandAnswer) => void)(result);
    });
  }

  /** Before each broadcast: a connection that stopped reading is dropped rather than buffered without bound. */
  function dropSlowConsumers(): void {
    for (const socket of io.of('/').sockets.values()) {
      const queued = bufferedBytes(socket.conn);
      if (queued <= maxBufferedBytes) continue;
      increment(stats.droppedClients, 'slow-consumer');
      logger.warn('dropped a screen that stopped reading', { client: socket.data.client, actor: socket.data.actor, queuedBytes: queued, limit: maxBufferedBytes });
      socket.disconnect(true);
      terminate(socket.conn);
    }
  }

  function reject(socket: GatewaySocket, event: string, reason: string, issue: string): void {
    increment(stats.rejectedMessages, reason);
    socket.emit('rejected', { event, issues: [issue] });
  }

  return {
    /** The most any one connection has queued and unsent, in bytes (bounded by maxBufferedBytes at each broadcast). */
    largestQueue(): number {
      let largest = 0;
      for (const socket of io.of('/').sockets.values()) largest = Math.max(largest, bufferedBytes(socket.conn));
      return largest;
    },
    broadcastThresholds(state: ThresholdState): void {
      dropSlowConsumers();
      io.emit('thresholds', state);
    },
    heartbeat(serverTime: number): void {
      io.emit('heartbeat', { serverTime });
    },
    broadcast(update: Update): void {
      stats.updatesSent += 1;
      dropSlowConsumers();
      const rooms = io.of('/').adapter.rooms;
      if (rooms.has(ENCODING_ROOMS.json)) io.to(ENCODING_ROOMS.json).emit('update', update);
      if (rooms.has(ENCODING_ROOMS.compact)) io.to(ENCODING_ROOMS.compact).emit('update', encodeCompactUpdate(update, layout));
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
