import type { Logger, LogFields } from '../../runtime/logger';

const MASK = '[redacted]';

/** Replaces every occurrence of each secret (and its URL-encoded form) with a mask. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(MASK);
  }
  return out;
}

/**
 * A logger that masks the connection's secrets in the message and every string field, so an error text
 * that happens to echo a header or a URL cannot leak a token into the logs.
 */
export function redactingLogger(logger: Logger, secrets: readonly string[]): Logger {
  const clean = (fields?: LogFields): LogFields | undefined =>
    fields && Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? redact(value, secrets) : value]));
  return {
    debug: (message, fields) => logger.debug(redact(message, secrets), clean(fields)),
    info: (message, fields) => logger.info(redact(message, secrets), clean(fields)),
    warn: (message, fields) => logger.warn(redact(message, secrets), clean(fields)),
    error: (message, fields) => logger.error(redact(message, secrets), clean(fields)),
  };
}
