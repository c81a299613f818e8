import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import {
  AcknowledgeRequestSchema,
  SnoozeRequestSchema,
  type AcknowledgeRequest,
  type CommandResult,
  type SnoozeRequest,
  HandshakeSchema,
  HistoryRequestSchema,
  PROTOCOL_VERSION,
  type HistoryRequest,
  type HistoryResponse,
  type ClientToServerEvents,
  type HandshakeRefusal,
  type ServerToClientEvents,
  type Snapshot,
  type Update,
} from '../../shared/protocol/protocol';
import { parseWith } from '../../shared/protocol/validation';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import { increment, type GatewayStats } from '../runtime/stats';

interface SocketData {
  client: string;
  /** Who acts from this connection, for acknowledgements and the audit. */
  actor: string;
  lastResyncAt: number;
}

type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketGatewayOptions {
  httpServer: HttpServer;
  snapshot: () => Snapshot;
  history: (request: HistoryRequest) => HistoryResponse;
  commands: {
    acknowledge: (request: AcknowledgeRequest, actor: string) => CommandResult;
    snooze: (request: SnoozeRequest, actor: string) => CommandResult;
  };
  clock: Clock;
  logger: Logger;
  stats: GatewayStats;
  /** Origins other than the gateway's own allowed to connect (the Electron app, a dev server). */
  allowedOrigins: readonly string[];
  resyncMinIntervalMs?: number;
}

const KNOWN_EVENTS = new Set<string>(['resync', 'history', 'alert:acknowledge', 'alert:snooze']);

/** socket.io on the gateway's HTTP server: checks each handshake, sends a snapshot on connect, broadcasts updates. */
export function createSocketGateway(options: SocketGatewayOptions) {
  const { clock, logger, stats } = options;
  const resyncMinIntervalMs = options.resyncMinIntervalMs ?? 1000;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(options.httpServer, {
    cors: { origin: [...options.allowedOrigins] },
    serveClient: false,
    // A wall that stops answering is dropped within ~45 s and reconnects by itself.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    maxHttpBufferSize: 64 * 1024,
  });

  io.use((socket, next) => {
    const refusal = checkHandshake(socket.handshake.auth);
    if (!refusal) return next();
    increment(stats.refusedHandshakes, refusal.code);
    logger.warn('handshake refused', { code: refusal.code, reason: refusal.message, address: socket.handshake.address });
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  });

  io.on('connection', (socket: GatewaySocket) => {
    const { client, user } = socket.handshake.auth as { client: string; user?: string };
    socket.data.client = client;
    socket.data.actor = user?.trim() || `unnamed ${client} screen`;
    socket.data.lastResyncAt = 0;
    increment(stats.clientsByKind, client);
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
    command(socket, 'alert:acknowledge', AcknowledgeRequestSchema, (request) => options.commands.acknowledge(request, socket.data.actor));
    command(socket, 'alert:snooze', SnoozeRequestSchema, (request) => options.commands.snooze(request, socket.data.actor));
    socket.onAny((event: string) => {
      if (!KNOWN_EVENTS.has(event)) reject(socket, event, 'unknown-event', `${event}: unknown event; this gateway accepts ${[...KNOWN_EVENTS].join(', ')}`);
    });
    socket.on('disconnect', () => increment(stats.clientsByKind, client, -1));
  });

  /** A command: validated, answered through its callback, refusals counted by reason. */
  function command<S extends z.ZodType>(socket: GatewaySocket, event: string, schema: S, run: (request: z.infer<S>) => CommandResult): void {
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (request: unknown, reply: unknown) => {
      if (typeof reply !== 'function') {
        reject(socket, event, 'command-without-callback', `${event}: send it with an acknowledgement callback`);
        return;
      }
      const parsed = parseWith(schema, request);
      let result: CommandResult;
      try {
        result = parsed.ok ? run(parsed.value) : { ok: false, code: 'invalid', issues: parsed.issues };
      } catch (error) {
        logger.error('command failed', { event, error: (error as Error).message });
        result = { ok: false, code: 'unavailable', issues: [`${event}: the gateway could not record it; try again`] };
      }
      if (!result.ok) increment(stats.rejectedMessages, `${event}:${result.code}`);
      else logger.info('command applied', { event, actor: socket.data.actor });
      (reply as (r: CommandResult) => void)(result);
    });
  }

  function reject(socket: GatewaySocket, event: string, reason: string, issue: string): void {
    increment(stats.rejectedMessages, reason);
    socket.emit('rejected', { event, issues: [issue] });
  }

  return {
    broadcast(update: Update): void {
      stats.updatesSent += 1;
      io.emit('update', update);
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        io.close(() => resolve());
      });
    },
  };
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
