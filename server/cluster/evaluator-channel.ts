import { randomUUID } from 'node:crypto';

/** The part of a socket.io namespace used: server-side events between the gateways, over the Redis adapter's PUB/SUB. */
export interface ForwardBus {
  on(event: string, listener: (text: string) => void): unknown;
  serverSideEmit(event: string, text: string): unknown;
}

/** How long a standby waits for the evaluating gateway's answer: under socket.io's own 5 s, over any commit it makes. */
export const DEFAULT_FORWARD_TIMEOUT_MS = 3000;

/**
 * The most one forwarded request may weigh. Every gateway's subscriber receives it, and Redis cuts a
 * subscriber whose unread messages pass 8 MB for a minute (client-output-buffer-limit pubsub): half that
 * keeps a burst of requests from costing the evaluator its link. A request within the default body limit
 * (1 MiB) is far below it.
 */
export const MAX_FORWARD_BYTES = 4 * 1024 * 1024;

/** What a 503 from the forwarding asks the client to wait before sending again. */
export const RETRY_AFTER_SECONDS = 2;

/** An HTTP answer as it crosses the bus: what the evaluating gateway would have sent itself. */
export interface ForwardedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** How a request handed to the evaluating gateway went: its answer, or why there is none (nothing was sent, or none came in time). */
export type Handed<Answer> = { ok: true; answer: Answer; bytes: number } | { ok: false; why: 'no-evaluator' | 'redis-unreachable' | 'too-large'; bytes: number };

export interface EvaluatorChannelOptions<Ask extends Record<string, unknown>, Answer> {
  /** Names the channel's two events (`queueboard:<name>` and `queueboard:<name>-answer`): one channel per kind of request. */
  name: string;
  isPrimary: () => boolean;
  /** Whether this gateway's Redis connection is up: while it is not, a request sent would wait unsent in the client. */
  connected: () => boolean;
  /** Answers a request another gateway handed on, while this one evaluates. Must not throw: it answers its own failures. */
  serve: (ask: Ask) => Promise<Answer>;
  timeoutMs?: number;
  maxBytes?: number;
  newId?: () => string;
  /** Calls `fire` after `ms`; returns a cancel function. Tests pass a fake. */
  timer?: (ms: number, fire: () => void) => () => void;
}

/**
 * Requests a gateway standing by hands to the evaluating one, over socket.io's server-side events: each
 * carries an id, every gateway hears it, only the evaluating one answers, and the answer with that id is
 * the first to come back. The others drop it unread, so no slow or dead standby delays it. Ingest
 * (ingest-forward.ts) and the admin API (admin-forward.ts) each use one.
 */
export class EvaluatorChannel<Ask extends Record<string, unknown>, Answer> {
  private bus: ForwardBus | null = null;
  private readonly pending = new Map<string, (answer: Answer) => void>();
  private readonly ask: string;
  private readonly reply: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly newId: () => string;
  private readonly timer: (ms: number, fire: () => void) => () => void;

  constructor(private readonly options: EvaluatorChannelOptions<Ask, Answer>) {
    this.ask = `queueboard:${options.name}`;
    this.reply = `queueboard:${options.name}-answer`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? MAX_FORWARD_BYTES;
    this.newId = options.newId ?? randomUUID;
    this.timer = options.timer ?? ((ms, fire) => {
      const handle = setTimeout(fire, ms);
      return () => clearTimeout(handle);
    });
  }

  /** The cluster's bus: from now on this gateway answers requests handed to it while it evaluates. */
  connect(bus: ForwardBus): void {
    this.bus = bus;
    bus.on(this.ask, (text) => {
      if (this.options.isPrimary()) void this.answer(bus, text);
    });
    bus.on(this.reply, (text) => {
      const { id, answer } = JSON.parse(text) as { id: string; answer: Answer };
      this.pending.get(id)?.(answer);
    });
  }

  /** Hands `ask` to the evaluating gateway and waits for its answer, at most `timeoutMs`. */
  hand(ask: Ask): Promise<Handed<Answer>> {
    const id = this.newId();
    // The id beside the request's own fields: the same message as before requests other than ingest were handed on.
    const text = JSON.stringify({ id, ...ask });
    const bytes = Buffer.byteLength(text);
    if (bytes > this.maxBytes) return Promise.resolve({ ok: false, why: 'too-large', bytes });
    const bus = this.bus;
    if (bus === null || !this.options.connected()) return Promise.resolve({ ok: false, why: 'redis-unreachable', bytes });
    return new Promise((resolve) => {
      const cancel = this.timer(this.timeoutMs, () => {
        this.pending.delete(id);
        resolve({ ok: false, why: 'no-evaluator', bytes });
      });
      this.pending.set(id, (answer) => {
        cancel();
        this.pending.delete(id);
        resolve({ ok: true, answer, bytes });
      });
      bus.serverSideEmit(this.ask, text);
    });
  }

  private async answer(bus: ForwardBus, text: string): Promise<void> {
    const { id, ...ask } = JSON.parse(text) as { id: string } & Ask;
    const answer = await this.options.serve(ask as unknown as Ask);
    bus.serverSideEmit(this.reply, JSON.stringify({ id, answer }));
  }
}

/** A 503 a client can act on: why, a code, and when to send again (body and Retry-After). */
export function unavailable(code: string, error: string): { status: 503; body: { error: string; code: string; retryAfter: number }; headers: Record<string, string> } {
  return { status: 503, body: { error, code, retryAfter: RETRY_AFTER_SECONDS }, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
}

/** Logs a run of failures once when it starts (naming its first cause) and once when it ends, not at each one. */
export class FailureStreak {
  private failing = 0;

  constructor(private readonly log: { started: (code: string) => void; ended: (failedMeanwhile: number) => void }) {}

  failed(code: string): void {
    if (this.failing++ === 0) this.log.started(code);
  }

  worked(): void {
    if (this.failing === 0) return;
    this.log.ended(this.failing);
    this.failing = 0;
  }
}
