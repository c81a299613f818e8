import { createHash, timingSafeEqual } from 'node:crypto';
import type { GatewayConfig } from '../config/config-schema';

export interface IngestKey {
  /** The source the key speaks for: events are idempotent per source and counted by it. */
  sourceId: string;
  /** sha256 of the key, hex: the gateway never needs the key itself. */
  sha256: string;
  /** Queue ids the key may write, whatever feeds them. */
  queues?: readonly string[];
  /** Teams whose push-fed queues the key may write. */
  teams?: readonly string[];
}

/** What the grant check needs to know of a queue: its team and whether HTTP push is what feeds it. */
export interface QueueFeed {
  id: string;
  team: string;
  pushFed: boolean;
}

/** The source behind a key and the queues it may write. */
export interface IngestGrant {
  sourceId: string;
  /** The key's sha256 (hex), as the configuration holds it: another gateway of the cluster finds the same grant by it. */
  keyId: string;
  mayWrite(queueId: string): boolean;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A key that names neither queues nor teams: it keeps working, for push-fed queues only, with a warning at start. */
export function isUnscoped(key: IngestKey): boolean {
  return key.queues === undefined && key.teams === undefined;
}

/** Each queue's team and whether HTTP push feeds it (a queue naming no source is the demo's while there is a demo). */
export function queueFeeds(config: GatewayConfig): QueueFeed[] {
  return config.queues.map((queue) => ({ id: queue.id, team: queue.team.name, pushFed: (queue.source?.kind ?? (config.demo ? 'demo' : 'push')) === 'push' }));
}

/** The start-up warning for each key of the configuration that is not scoped yet. */
export function unscopedKeyWarnings(config: GatewayConfig): string[] {
  return config.ingest.keys.flatMap((key, index) =>
    isUnscoped(key)
      ? [`ingest.keys[${index}] (source "${key.sourceId}") names no queues or teams: it may write only push-fed queues, never one fed by a helpdesk or the demo. Scope it with queues: [...] or teams: [...] (README, "Sending data").`]
      : [],
  );
}

/**
 * Returns the grant of a bearer key, or null; compares digests in constant time. A queue fed by a helpdesk
 * or the demo is written only by a key that names it: a team grant, or an unscoped key, covers push-fed queues.
 */
export function createKeyVerifier(keys: readonly IngestKey[], queues: readonly QueueFeed[]) {
  return createKeyGrants(keys, queues).verify;
}

/** The key verifier, and the grants by key id: what a gateway that evaluates applies for a key checked on another. */
export function createKeyGrants(keys: readonly IngestKey[], queues: readonly QueueFeed[]) {
  const byId = new Map(queues.map((queue) => [queue.id, queue]));
  const grants = keys.map((key) => {
    const named = new Set(key.queues ?? []);
    const teams = new Set(key.teams ?? []);
    const unscoped = isUnscoped(key);
    const mayWrite = (queueId: string) => {
      const queue = byId.get(queueId);
      if (!queue) return false;
      return named.has(queueId) || (queue.pushFed && (unscoped || teams.has(queue.team)));
    };
    return { grant: { sourceId: key.sourceId, keyId: key.sha256, mayWrite }, digest: Buffer.from(key.sha256, 'hex') };
  });
  const byKeyId = new Map(grants.map(({ grant }) => [grant.keyId, grant]));
  const verify = (authorization: string | undefined): IngestGrant | null => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    const presented = Buffer.from(hashKey(match[1]!), 'hex');
    let found: IngestGrant | null = null;
    for (const { grant, digest } of grants) {
      if (digest.length === presented.length && timingSafeEqual(digest, presented)) found = grant;
    }
    return found;
  };
  return { verify, byKeyId: (keyId: string): IngestGrant | null => byKeyId.get(keyId) ?? null };
}
