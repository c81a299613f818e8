import { createHash, timingSafeEqual } from 'node:crypto';

export interface IngestKey {
  /** The source the key speaks for: events are idempotent per source and counted by it. */
  sourceId: string;
  /** sha256 of the key, hex: the gateway never needs the key itself. */
  sha256: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Returns the source a bearer token belongs to, or null; compares digests in constant time. */
export function createKeyVerifier(keys: readonly IngestKey[]) {
  const digests = keys.map((key) => ({ sourceId: key.sourceId, digest: Buffer.from(key.sha256, 'hex') }));
  return (authorization: string | undefined): string | null => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    const presented = Buffer.from(hashKey(match[1]!), 'hex');
    let found: string | null = null;
    for (const { sourceId, digest } of digests) {
      if (digest.length === presented.length && timingSafeEqual(digest, presented)) found = sourceId;
    }
    return found;
  };
}
