import {
  HandshakeRefusalSchema,
  SILENCE_LIMIT_MS,
  PROTOCOL_VERSION,
  UpdateSchema,
  type Alert,
  type QueueStatePatch,
  type Update,
  type UpdateEncoding,
} from '../../../shared/protocol/protocol';
import { decodeCompactUpdate, queueLayout, type QueueLayout } from '../../../shared/protocol/compact-update';
import { serverEventSchema, type ServerEventName, type ServerEventPayload } from '../../../shared/protocol/socket-events';
import { parseWith } from '../../../shared/protocol/validation';
import type { AppStore } from '../store/store';
import { createBoardRequests } from './board-requests';

/** The part of a socket.io client socket the feed uses; tests pass a fake. */
export interface FeedSocket {
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  /** Payloads arrive as unknown: each is parsed with its schema (shared/protocol/socket-events.ts) before use. */
  on(event: ServerEventName, listener: (data: unknown) => void): unknown;
  emit(event: 'resync'): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface FeedClientOptions {
  store: AppStore;
  socket: FeedSocket;
  /** Runs a callback before the next paint (requestAnimationFrame in a page). */
  requestFrame: (callback: () => void) => void;
  now?: () => number;
  /** Runs a check every `ms` until the returned function is called (setInterval in a page). */
  every?: (ms: number, check: () => void) => () => void;
  /** Runs a task once after `ms` unless the returned function is called first (setTimeout in a page). */
  after?: (ms: number, task: () => void) => () => void;
  /** The jitter of the waits between requests for the board (Math.random in a page). */
  random?: () => number;
}

const defaultEvery = (ms: number, check: () => void) => {
  const handle = setInterval(check, ms);
  return () => clearInterval(handle);
};
const defaultAfter = (ms: number, task: () => void) => {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
};

/**
 * A screen is live again within 5 s of its gateway coming back: retries back off to at most 3 s, ±30 %
 * so a floor of walls does not reconnect in lockstep (tests/faults/kill-under-load.test.ts).
 * WebSocket only: one connection from the first packet, so gateways behind a load balancer need no sticky
 * sessions (long-polling's several requests must all reach the same gateway).
 */
export const HANDSHAKE_OPTIONS = {
  transports: ['websocket'] as Array<'websocket'>,
  reconnection: true,
  reconnectionAttempts: Infinity,
  reconnectionDelay: 500,
  reconnectionDelayMax: 3000,
  randomizationFactor: 0.3,
  timeout: 5000,
} as const;

/** Screens ask for the compact update (a fifth of the bytes); they still accept the readable one from a gateway that predates it. */
export function handshakeAuth(client: ClientKind, token: string | null, encoding: UpdateEncoding = 'compact') {
  return { protocol: PROTOCOL_VERSION, client, encoding, ...(token ? { token } : {}) };
}

type ParsedUpdate = { ok: true; value: Update } | { ok: false; reason: 'invalid' | 'layout'; issues: string[] };

/** The compact form has `t`/`c` where the readable one has `serverTime`/`changes`; either is validated in full. */
function parseUpdate(data: unknown, layout: QueueLayout): ParsedUpdate {
  const compact = typeof data === 'object' && data !== null && !('changes' in data) && ('c' in data || 't' in data);
  if (compact) return decodeCompactUpdate(data, layout);
  const parsed = parseWith(UpdateSchema, data);
  return parsed.ok ? parsed : { ok: false, reason: 'invalid', issues: parsed.issues };
}

export type ClientKind = 'wall' | 'desk' | 'settings' | 'web';

/** Events that show the gateway is still speaking (the silence watch reads them); session and thresholds come with a snapshot. */
const SIGNS_OF_LIFE: ReadonlySet<ServerEventName> = new Set(['snapshot', 'heartbeat', 'update']);

/** Refusals that retrying with the same token cannot cure: say so and stop, rather than hammer the gateway. */
const TOKEN_REFUSALS = new Set(['unauthorized', 'bad-token', 'revoked-token']);
/** Without a `retryAfter` from the gateway, a screen refused for too many attempts waits a minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Feeds the store from the gateway: validates every message on arrival, applies a snapshot at once,
 * gathers updates and writes them to the store once per frame, and asks for a fresh snapshot when an
 * update is missing. A message that fails validation is counted and reported, never applied.
 */
export function startFeedClient(options: FeedClientOptions): () => void {
  const { store, socket, requestFrame, now = Date.now, every = defaultEvery, after = defaultAfter, random = Math.random } = options;
  let expectedSeq: number | null = null;
  /** The queue list of the snapshot held, which compact updates index into; null before the first snapshot. */
  let layout: QueueLayout | null = null;
  let pending: QueueStatePatch[] = [];
  let pendingAlerts: Alert[] = [];
  let pendingSeq = 0;
  let pendingOffset: number | undefined;
  let frameRequested = false;
  let cancelRetry = () => {};
  const actions = () => store.getState();
  // Until a board arrives the screen is not live, whatever else the gateway sends, and it keeps asking.
  const board = createBoardRequests({
    ask: () => socket.emit('resync'),
    after,
    random,
    now,
    waiting: (attempt, retryAt) => actions().setConnection('connecting', { key: 'awaiting-board', attempt, retryAt }),
  });
  /** Drops what was gathered: the board it belongs to is gone or about to be replaced. */
  const forgetBoard = () => {
    expectedSeq = null;
    pending = [];
    pendingAlerts = [];
  };
  /** The updates no longer follow the board held: not live, and a fresh board asked for (once while one is owed). */
  const askForBoard = () => {
    if (board.owed) return;
    actions().setConnection('connecting', actions().connection.problem);
    board.expect(true);
  };

  const flush = () => {
    frameRequested = false;
    if (pending.length === 0 && pendingAlerts.length === 0) return;
    const patches = pending;
    const alerts = pendingAlerts;
    pending = [];
    pendingAlerts = [];
    actions().applyPatches(patches, pendingSeq, alerts, { clockOffsetMs: pendingOffset, localTime: now() });
  };

  /** Hands `handle` the event's payload once it passed its schema; an invalid one is counted and reported, never applied. */
  const listen = <E extends Exclude<ServerEventName, 'update'>>(event: E, handle: (payload: ServerEventPayload<E>) => void) => {
    socket.on(event, (data: unknown) => {
      // While a board is owed, the age shown is that of the board held: a heartbeat does not make it young.
      if (SIGNS_OF_LIFE.has(event) && !board.owed) actions().messageReceived(now());
      const parsed = parseWith(serverEventSchema(event), data);
      if (parsed.ok) handle(parsed.value);
      else actions().invalidMessage({ key: 'invalid', detail: `${event}: ${parsed.issues.slice(0, 3).join('; ')}` });
    });
  };

  socket.on('connect', () => {
    forgetBoard();
    actions().setConnection('connecting');
    board.expect(false); // the gateway sends the board on connect
  });

  listen('snapshot', (snapshot) => {
    pending = [];
    pendingAlerts = [];
    expectedSeq = snapshot.seq + 1;
    layout = queueLayout(snapshot.queues.map((queue) => queue.id));
    board.received();
    actions().messageReceived(now());
    actions().applySnapshot(snapshot, now());
    actions().setBroadcasts(snapshot.broadcasts ?? []);
    actions().setConnection('live');
  });

  // Its arrival is all that counts: the silence watch below reads it.
  listen('heartbeat', () => undefined);

  // A gateway or network that goes silent closes nothing (a frozen host, a cut cable): the gateway speaks at
  // least every second, so silence longer than SILENCE_LIMIT_MS means this screen is cut off. Say so at once
  // and start over, rather than show old numbers as live until the socket's own timeout, 20 s later.
  const stopWatching = every(250, () => {
    const { status, lastMessageAt } = actions().connection;
    if (status !== 'live' || lastMessageAt === null || now() - lastMessageAt <= SILENCE_LIMIT_MS) return;
    forgetBoard();
    board.stop();
    actions().setConnection('reconnecting', { key: 'disconnected' });
    socket.disconnect();
    socket.connect();
  });

  socket.on('update', (data: unknown) => {
    if (!board.owed) actions().messageReceived(now());
    if (layout === null) return; // before the first snapshot: nothing to apply it to
    const parsed = parseUpdate(data, layout);
    if (!parsed.ok) {
      // Not applied, so its seq is missing: counted, and a fresh snapshot asked for at once. What was already
      // gathered is valid and still written; the snapshot replaces it anyway.
      actions().invalidMessage({ key: 'invalid', detail: `update: ${parsed.issues.slice(0, 3).join('; ')}` });
      if (expectedSeq !== null) {
        expectedSeq = null;
        askForBoard();
      }
      return;
    }
    const { seq, changes, alerts } = parsed.value;
    if (expectedSeq === null || seq < expectedSeq) return; // before the snapshot, or already folded into it
    if (seq > expectedSeq) {
      // A missed update: its changes are lost to us, so start again from a full snapshot.
      forgetBoard();
      askForBoard();
      return;
    }
    expectedSeq = seq + 1;
    pendingOffset = parsed.value.serverTime - now();
    pending.push(...changes);
    if (alerts) pendingAlerts.push(...alerts);
    pendingSeq = seq;
    if (!frameRequested) {
      frameRequested = true;
      requestFrame(flush);
    }
  });

  socket.on('disconnect', (reason) => {
    forgetBoard();
    board.stop();
    actions().setConnection('reconnecting', { key: 'disconnected' });
    // The gateway closed us on purpose: socket.io will not retry by itself.
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', (error) => {
    const refusal = parseWith(HandshakeRefusalSchema, 'data' in error ? error.data : undefined);
    if (refusal.ok && refusal.value.code === 'protocol-mismatch') {
      socket.disconnect();
      actions().setConnection('incompatible', { key: 'incompatible', detail: refusal.value.message });
      return;
    }
    if (refusal.ok && refusal.value.code === 'too-many-attempts') {
      // Not final: the gateway says how long to wait. Count down, then try again by itself.
      socket.disconnect();
      const waitMs = (refusal.value.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000;
      actions().setConnection('refused', { key: 'locked-out', detail: refusal.value.message, retryAt: now() + waitMs, waitSeconds: waitMs / 1000 });
      cancelRetry();
      cancelRetry = after(waitMs, () => {
        actions().setConnection('connecting');
        socket.connect();
      });
      return;
    }
    if (refusal.ok && TOKEN_REFUSALS.has(refusal.value.code)) {
      socket.disconnect();
      actions().setConnection('refused', { key: 'refused', detail: refusal.value.message });
      return;
    }
    if (actions().connection.status === 'incompatible' || actions().connection.status === 'refused') return;
    actions().setConnection('reconnecting', { key: 'unreachable', detail: error.message });
  });

  listen('session', (session) => actions().setSession(session));
  listen('thresholds', (thresholds) => actions().setThresholds(thresholds));
  listen('broadcasts', ({ broadcasts }) => actions().setBroadcasts(broadcasts));
  listen('incidents', ({ open }) => actions().setIncidents(open));
  listen('rejected', ({ event, issues }) => actions().invalidMessage({ key: 'rejected', detail: `${event}: ${issues.join('; ')}` }));

  return () => {
    stopWatching();
    cancelRetry();
    board.stop();
    socket.disconnect();
  };
}
