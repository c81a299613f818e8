import { createTranslator, type Language, type Translator } from '../../../shared/i18n/translator';
import type { Clock } from '../../runtime/clock';
import { jsonBody, signedHeaders } from '../formats/json-format';
import { slackBody } from '../formats/slack-format';
import { teamsBody } from '../formats/teams-format';
import { messageView, type FloorNames } from '../message-view';
import type { OutboundEvent } from '../outbound-event';
import type { ResolvedWebhookTarget } from '../webhook-targets';
import { retryAfterMs } from './backoff';

/** One delivery attempt's outcome: delivered, worth another try (429, 5xx, timeout, no connection), or refused for good. */
export type AttemptResult =
  | { ok: true; status: number }
  | { ok: false; permanent: boolean; retryAfterMs: number | null; error: string };

export type SendAttempt = (target: ResolvedWebhookTarget, event: OutboundEvent) => Promise<AttemptResult>;

export interface SenderOptions {
  fetch: typeof fetch;
  clock: Clock;
  timeoutMs: number;
  floor: FloorNames;
}

/** Answers that say "later", not "never": timeouts, too early, too many, and the server's own trouble. */
const RETRYABLE = new Set([408, 425, 429]);
const ERROR_BODY_CHARS = 200;

/** Sends one event to one target in its format; never throws, and no error text carries the URL or the secret. */
export function createSender(options: SenderOptions): SendAttempt {
  const translators = new Map<Language, Translator>();
  const translator = (language: Language) => {
    let t = translators.get(language);
    if (!t) translators.set(language, (t = createTranslator(language)));
    return t;
  };
  return async (target, event) => {
    let rendered: { body: string; headers: Record<string, string> };
    try {
      rendered = render(target, event, translator(target.language), options);
    } catch (error) {
      // A message that cannot be built now never will be: kept for a person, not retried.
      return { ok: false, permanent: true, retryAfterMs: null, error: scrub(`could not build the ${target.format} message: ${(error as Error).message}`, target) };
    }
    const { body, headers } = rendered;
    try {
      const response = await options.fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Queueboard-Webhooks/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = scrub((await response.text().catch(() => '')).slice(0, ERROR_BODY_CHARS).trim(), target);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      const retry = RETRYABLE.has(response.status) || response.status >= 500;
      return {
        ok: false,
        permanent: !retry,
        retryAfterMs: retry ? retryAfterMs(response.headers.get('retry-after'), options.clock.now()) : null,
        error: `HTTP ${response.status}${text ? `: ${text}` : ''}`,
      };
    } catch (error) {
      return { ok: false, permanent: false, retryAfterMs: null, error: scrub(networkError(error, options.timeoutMs), target) };
    }
  };
}

function render(target: ResolvedWebhookTarget, event: OutboundEvent, t: Translator, options: SenderOptions): { body: string; headers: Record<string, string> } {
  if (target.format === 'json') {
    const body = jsonBody(event);
    return { body, headers: signedHeaders(target.secret!, event.id, body, new Date(options.clock.now())) };
  }
  const view = messageView(event, t, options.floor);
  const product = t.t('webhooks.product');
  return { body: target.format === 'slack' ? slackBody(view, product) : teamsBody(view, product), headers: {} };
}

function networkError(error: unknown, timeoutMs: number): string {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return `could not connect: ${cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)}`;
}

/** Takes out anything of the target's credential a receiver or the network stack may echo back. */
export function scrub(text: string, target: Pick<ResolvedWebhookTarget, 'url' | 'secret'>): string {
  let out = text;
  const secrets = [target.url, target.secret, pathAndQuery(target.url)].filter((s): s is string => !!s && s.length > 1);
  for (const secret of secrets) out = out.split(secret).join('…');
  return out;
}

function pathAndQuery(url: string): string | null {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname}${parsed.search}`;
    return rest === '/' ? null : rest;
  } catch {
    return null;
  }
}
