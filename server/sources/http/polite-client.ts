import type { z } from 'zod';
import { describeIssues } from '../../../shared/protocol/validation';
import { monotonicNow, type Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import { HttpFailureError, type HttpFailure } from './http-failure';
import { retryAfterAt, type RateBudget, type RateInfo } from './rate-budget';
import { redact } from './redact';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PoliteClientOptions {
  /** The helpdesk's name in messages: "Zendesk". */
  label: string;
  baseUrl: string;
  /** Sent with every request (Authorization among them). */
  headers: Readonly<Record<string, string>>;
  /** Masked in every message this client produces. */
  secrets: readonly string[];
  budget: RateBudget;
  readRateInfo: (headers: Headers, now: number) => RateInfo;
  fetch: FetchLike;
  clock: Clock;
  /** Resolves after ms, or early once the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1): spreads retries so many clients do not return at the same instant. */
  random: () => number;
  logger: Logger;
  timeoutMs: number;
  /** 429 answers retried within one request before it fails. */
  maxRetries?: number;
  /** The helpdesk's own error text in a 4xx answer's JSON body, shown with the status; none by default. */
  errorDetail?: (body: unknown) => string | undefined;
  /** Longest single wait inside a request; a longer Retry-After fails it with the time to come back. */
  maxWaitMs?: number;
}

export interface JsonRequest {
  method?: 'GET' | 'POST';
  /** A path under the base URL, or an absolute URL on the same origin (a helpdesk's "next page" link). */
  path: string;
  query?: Readonly<Record<string, string | number>>;
  body?: unknown;
  /** Aborts the request and any wait (the source was stopped). */
  signal?: AbortSignal;
}

/**
 * The one way connectors talk to helpdesks: within the rate budget, with a timeout, honouring 429
 * Retry-After plus jitter, and turning every kind of trouble into an HttpFailureError whose text holds no
 * secret. Answers are parsed as JSON and validated against the caller's schema.
 */
export class PoliteClient {
  private readonly origin: string;

  constructor(private readonly options: PoliteClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  get label(): string {
    return this.options.label;
  }

  async json<S extends z.ZodType>(schema: S, request: JsonRequest): Promise<z.infer<S>> {
    const data = await this.send(request);
    const parsed = schema.safeParse(data);
    if (!parsed.success) this.fail({ kind: 'unexpected', issues: describeIssues(parsed.error.issues) });
    return parsed.data;
  }

  private async send(request: JsonRequest): Promise<unknown> {
    const url = this.urlFor(request);
    const { clock, budget, random } = this.options;
    const maxRetries = this.options.maxRetries ?? 3;
    const maxWaitMs = this.options.maxWaitMs ?? 120_000;
    for (let attempt = 0; ; attempt++) {
      // The budget counts on the monotonic clock (a wall-clock step must not spend or free a window);
      // what the helpdesk says in wall time (reset, Retry-After) enters it as the wait from now.
      const wait = budget.waitMs(monotonicNow(clock));
      if (wait > 0) {
        this.options.logger.debug(`${this.label}: waiting for the rate budget`, { waitMs: Math.round(wait) });
        await this.options.sleep(wait, request.signal);
      }
      if (request.signal?.aborted) this.fail({ kind: 'stopped' });
      budget.spend(monotonicNow(clock));
      const response = await this.fetchOnce(url, request);
      const now = clock.now();
      const steady = monotonicNow(clock);
      const info = this.options.readRateInfo(response.headers, now);
      budget.observe(info.resetAt === undefined ? info : { ...info, resetAt: info.resetAt - now + steady }, steady);
      if (response.status === 429) {
        const base = retryAfterAt(response.headers, now) ?? info.resetAt ?? now + 1000 * 2 ** attempt;
        const retryAt = base + random() * (1000 + (base - now) * 0.1);
        budget.pauseUntil(retryAt - now + steady);
        if (attempt >= maxRetries || retryAt - now > maxWaitMs) this.fail({ kind: 'rate-limited', retryAt });
        this.options.logger.warn(`${this.label} answered 429; retrying after the wait it asked for`, { waitMs: Math.round(retryAt - now) });
        await this.options.sleep(retryAt - now, request.signal);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        // Only a refusal (4xx) is the caller's to fix, and worth the helpdesk's words; a 5xx is its own trouble.
        const detail = response.status < 500 ? this.errorDetail(response.text) : undefined;
        this.fail({ kind: 'status', status: response.status, ...(detail ? { detail } : {}) });
      }
      return this.parse(response.text);
    }
  }

  private async fetchOnce(url: string, request: JsonRequest): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await this.options.fetch(url, {
        method: request.method ?? 'GET',
        headers: { accept: 'application/json', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...this.options.headers },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal,
        redirect: 'error',
      });
      // The body is read under the same deadline: a server that stalls mid-body times out too.
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      if (request.signal?.aborted) this.fail({ kind: 'stopped' });
      if (controller.signal.aborted) this.fail({ kind: 'timeout', ms: this.options.timeoutMs });
      this.fail({ kind: 'network', message: networkMessage(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private errorDetail(text: string): string | undefined {
    if (!this.options.errorDetail) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
    // Kept short: it travels in a log line and a tile's reason.
    return this.options.errorDetail(body)?.slice(0, 200);
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      this.fail({ kind: 'malformed', message: (error as Error).message });
    }
  }

  private urlFor(request: JsonRequest): string {
    const url = /^https?:\/\//.test(request.path) ? new URL(request.path) : new URL(this.options.baseUrl.replace(/\/$/, '') + request.path);
    // Credentials go only to the configured helpdesk, whatever a "next page" link says.
    if (url.origin !== this.origin) this.fail({ kind: 'refused-url', url: url.origin });
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private fail(failure: HttpFailure): never {
    const clean: HttpFailure =
      failure.kind === 'network' || failure.kind === 'malformed'
        ? { ...failure, message: redact(failure.message, this.options.secrets) }
        : failure.kind === 'unexpected'
          ? { ...failure, issues: failure.issues.map((i) => redact(i, this.options.secrets)) }
          : failure.kind === 'status' && failure.detail
            ? { ...failure, detail: redact(failure.detail, this.options.secrets) }
            : failure;
    throw new HttpFailureError(clean, this.label);
  }
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
