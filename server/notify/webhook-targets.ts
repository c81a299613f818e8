import type { WebhookFormat, WebhookRoute, WebhooksSettings } from '../config/webhooks-config';
import type { Language } from '../../shared/i18n/translator';

/** A target as delivery runs it: its URL and secret read from the environment once, at start. */
export interface ResolvedWebhookTarget {
  readonly id: string;
  readonly format: WebhookFormat;
  readonly url: string;
  /** json only: the Standard Webhooks secret as given (whsec_ + base64). Never logged. */
  readonly secret: string | null;
  readonly language: Language;
  readonly routes: readonly WebhookRoute[];
  readonly quietHours: { start: string; end: string; officeId: string | undefined } | null;
  readonly queueSize: number;
}

/** Standard Webhooks: a secret of 24 to 64 random bytes, base64, usually prefixed whsec_. */
const SECRET_BYTES = { min: 24, max: 64 };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads every target's URL and secret from `env`. Problems name the field and the variable, never a
 * value, so the message can go to a log or a terminal as it is.
 */
export function resolveWebhookTargets(settings: WebhooksSettings, env: Readonly<Record<string, string | undefined>>): { targets: ResolvedWebhookTarget[]; problems: string[] } {
  const problems: string[] = [];
  const targets = settings.targets.map((target, index): ResolvedWebhookTarget => {
    const field = (name: string) => `webhooks.targets[${index}].${name}`;
    let url = target.url ?? '';
    if (target.urlEnv !== undefined) {
      const value = env[target.urlEnv]?.trim();
      if (!value) problems.push(`${field('urlEnv')}: the environment variable ${target.urlEnv} is not set (it must hold the ${target.format} webhook URL)`);
      else if (!isHttpUrl(value)) problems.push(`${field('urlEnv')}: the environment variable ${target.urlEnv} does not hold an http:// or https:// URL`);
      else url = value;
    }
    let secret: string | null = null;
    if (target.secretEnv !== undefined) {
      const value = env[target.secretEnv]?.trim();
      const problem = value ? secretProblem(value) : 'is not set';
      if (problem) problems.push(`${field('secretEnv')}: the environment variable ${target.secretEnv} ${problem}`);
      else secret = value!;
    }
    return {
      id: target.id,
      format: target.format,
      url,
      secret,
      language: target.language,
      routes: target.routes,
      quietHours: target.quietHours ? { start: target.quietHours.start, end: target.quietHours.end, officeId: target.quietHours.officeId } : null,
      queueSize: target.queueSize,
    };
  });
  return { targets, problems };
}

function secretProblem(value: string): string | null {
  const encoded = value.startsWith('whsec_') ? value.slice('whsec_'.length) : value;
  if (!BASE64.test(encoded)) return 'must hold whsec_ followed by base64 (e.g. whsec_ and 32 random bytes in base64)';
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < SECRET_BYTES.min || bytes > SECRET_BYTES.max) return `must hold ${SECRET_BYTES.min} to ${SECRET_BYTES.max} bytes of secret (it holds ${bytes})`;
  return null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** How a target's address may appear in a log or on a screen: scheme and host only (Slack and Teams keep their token in the path and query). */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}
