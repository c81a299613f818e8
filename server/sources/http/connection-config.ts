import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { SlugSchema } from '../../../shared/model';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a URL's host is this machine: 127.0.0.0/8 (also IPv4-mapped), [::1] or localhost. */
function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** A token sent over plain http can be read on the way; only a helpdesk on this machine (tests, a local proxy) may go without TLS. */
function isHttpsOrLoopback(text: string): boolean {
  // Not a URL at all: the url check has named that already.
  if (!URL.canParse(text)) return true;
  const url = new URL(text);
  return url.protocol === 'https:' || isLoopbackUrl(url);
}

/** Fields every helpdesk connection has (connectors: in the configuration file). */
export const connectionFields = {
  id: SlugSchema,
  /** Overrides the helpdesk's host: a self-hosted proxy, or a local test server. */
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine(isHttpsOrLoopback, 'must use https:// (http:// is allowed only for loopback addresses such as 127.0.0.1 or localhost)')
    .optional(),
  /** Name of the environment variable that holds the token (preferred: keeps it out of the file). */
  tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as ZENDESK_TOKEN').optional(),
  /** The token itself; prefer tokenEnv. */
  token: z.string().min(8, 'must be at least 8 characters').optional(),
  pollSeconds: z.number().int('must be a whole number').min(10, 'must be at least 10 seconds').max(3600, 'must be at most 3600 seconds').default(60),
  /** Largest share of the account's per-minute rate limit this connection may spend. */
  maxBudgetShare: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1').default(0.5),
  timeoutMs: z.number().int('must be a whole number').min(100, 'must be at least 100').max(120_000, 'must be at most 120000').default(10_000),
  /** The per-minute limit assumed until the helpdesk's headers state it. */
  rateLimitPerMinute: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).optional(),
};

/** A validated connection's fields every connector reads. */
export type ConnectionSettings = z.infer<z.ZodObject<typeof connectionFields>>;

/** How far back the first poll reads (Zendesk and Freshdesk keep a change history to read from). */
export const backfillHoursField = z.number().int().min(0).max(7 * 24).default(24);

/**
 * An account named under the helpdesk's own domain (acme for https://acme.zendesk.com): the name is
 * required unless baseUrl gives the host instead.
 */
export function hostedAccount(field: string, domain: string) {
  return {
    field: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, `must be the account ${field}, e.g. acme for acme.${domain}`).optional(),
    check(name: string | undefined, connection: { baseUrl?: string | undefined }, ctx: z.RefinementCtx): void {
      if (!name && !connection.baseUrl) ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or give baseUrl)' });
    },
    baseUrl: (name: string | undefined, connection: { baseUrl?: string | undefined }): string => connection.baseUrl ?? `https://${name}.${domain}`,
  };
}

/** Exactly one of token and tokenEnv, and a named variable must be set when the file is loaded. */
export function checkToken(
  connection: { token?: string | undefined; tokenEnv?: string | undefined },
  ctx: z.RefinementCtx,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  if (connection.token === undefined && connection.tokenEnv === undefined) {
    ctx.addIssue({ code: 'custom', path: ['tokenEnv'], message: 'is required: name the environment variable holding the API token (or give token)' });
  } else if (connection.token !== undefined && connection.tokenEnv !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['token'], message: 'give token or tokenEnv, not both' });
  } else if (connection.tokenEnv !== undefined && !env[connection.tokenEnv]) {
    ctx.addIssue({ code: 'custom', path: ['tokenEnv'], message: `environment variable ${connection.tokenEnv} is not set` });
  }
}

/** The token of a validated connection. */
export function resolveToken(connection: { token?: string | undefined; tokenEnv?: string | undefined }, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const token = connection.token ?? (connection.tokenEnv ? env[connection.tokenEnv] : undefined);
  if (!token) throw new Error(`environment variable ${connection.tokenEnv ?? '(none)'} is not set`);
  return token;
}
