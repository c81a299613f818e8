import type { z } from 'zod';
import type { Logger } from '../../runtime/logger';
import { resolveToken, type ConnectionSettings } from '../http/connection-config';
import { PoliteClient, type PoliteClientOptions } from '../http/polite-client';
import { RateBudget } from '../http/rate-budget';
import { redactingLogger } from '../http/redact';
import type { ConnectorCapabilities } from './connector-capabilities';
import { createPolledSource, type PolledSource, type PolledSourceOptions } from './polled-source';
import { validItems, type SkipCounter } from './valid-items';

/** How a helpdesk wants its token presented. */
export interface Credentials {
  /** Sent with every request: Authorization, and any other header the helpdesk requires. */
  headers: Readonly<Record<string, string>>;
  /** Encoded forms of the token that travel in those headers (Basic credentials): masked like the token. */
  encoded?: readonly string[];
}

export interface ConnectorKitOptions {
  /** The helpdesk's name in messages and reasons: "Zendesk". */
  label: string;
  connection: ConnectionSettings;
  /** The queues this connection feeds: reported down and up together. */
  queueIds: readonly string[];
  baseUrl: string;
  credentials: (token: string) => Credentials;
  /** The per-minute limit assumed until the helpdesk's headers state it (rateLimitPerMinute overrides it). */
  defaultLimitPerMinute: number;
  /** The window the helpdesk's stated limit counts over (Intercom's X-RateLimit-Limit: 10 s); a minute by default. */
  rateWindowMs?: number;
  readRateInfo: PoliteClientOptions['readRateInfo'];
  errorDetail?: PoliteClientOptions['errorDetail'];
  capabilities: ConnectorCapabilities;
}

/** What every connector starts from: one token, a logger that masks it, one polite client within one rate budget. */
export interface ConnectorKit {
  client: PoliteClient;
  logger: Logger;
  /** Validates a page's items one by one (see validItems), counted in this connection's skipped items. */
  validItems<S extends z.ZodType>(schema: S, items: readonly unknown[], list: string): z.infer<S>[];
  /** The connection as a polled source for its queues: one poll loop, one up/down state. */
  polledSource(poll: PolledSourceOptions['poll'], resume?: PolledSourceOptions['resume']): PolledSource;
}

/**
 * The prologue and the end every connector shares: resolves the token, masks it (and its encoded forms)
 * in every log line and failure, builds the one client the connection talks through, and wraps the
 * connector's poll in a polled source with the same logger, secrets and skip counter.
 */
export function createConnectorKit(options: ConnectorKitOptions): ConnectorKit {
  const { label, connection, capabilities } = options;
  const token = resolveToken(connection, capabilities.env);
  const { headers, encoded = [] } = options.credentials(token);
  const secrets = [token, ...encoded];
  const windowMs = options.rateWindowMs ?? 60_000;
  const logger = redactingLogger(capabilities.logger, secrets);
  const counter: SkipCounter = { skipped: 0 };
  const client = new PoliteClient({
    label,
    baseUrl: options.baseUrl,
    headers,
    secrets,
    budget: new RateBudget({ share: connection.maxBudgetShare, defaultLimit: perWindow(connection.rateLimitPerMinute ?? options.defaultLimitPerMinute, windowMs), windowMs }),
    readRateInfo: options.readRateInfo,
    ...(options.errorDetail ? { errorDetail: options.errorDetail } : {}),
    fetch: capabilities.fetch,
    clock: capabilities.clock,
    sleep: capabilities.sleep,
    random: capabilities.random,
    logger,
    timeoutMs: connection.timeoutMs,
  });
  return {
    client,
    logger,
    validItems: (schema, items, list) => validItems(schema, items, { label, list, logger, counter }),
    polledSource: (poll, resume) =>
      createPolledSource({
        id: connection.id,
        label,
        queueIds: options.queueIds,
        pollMs: connection.pollSeconds * 1000,
        clock: capabilities.clock,
        scheduler: capabilities.scheduler,
        random: capabilities.random,
        logger,
        secrets,
        skipped: counter,
        poll,
        ...(resume ? { resume } : {}),
      }),
  };
}

/** A per-minute limit as the share of it that falls in one budget window (at least 1). */
function perWindow(perMinute: number, windowMs: number): number {
  return Math.max(1, Math.floor((perMinute * windowMs) / 60_000));
}
