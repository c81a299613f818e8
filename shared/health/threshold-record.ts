import { z } from 'zod';
import { MetricIdSchema } from '../metrics';
import { SlugSchema } from '../model';

/**
 * The threshold record, written once: which threshold (the key) and what it sets (the value). The
 * override schema, the socket messages, the store, the admin service and the settings pane all build on it.
 */
export const THRESHOLD_SCOPES = ['default', 'office', 'queue'] as const;
export type ThresholdScope = (typeof THRESHOLD_SCOPES)[number];

/** An id or "", with one message saying both (a union would answer "Invalid input" or only the slug rule). */
function slugOrEmpty(rule: string) {
  const message = `${rule} (a lowercase slug: a-z, 0-9 and "-", up to 63 characters)`;
  return z
    .string({ error: message })
    .refine((value) => value === '' || SlugSchema.safeParse(value).success, message)
    .meta({ description: message });
}

/** A metric's levels for every queue (`default`), an office or a queue, always or in a time-of-day profile. */
export const ThresholdKeySchema = z
  .object({
    scope: z.enum(THRESHOLD_SCOPES),
    /** The office or queue id; '' for the default scope. */
    scopeId: slugOrEmpty('must be "" for the default scope, or an office or queue id'),
    metric: MetricIdSchema,
    /** A profile id, or '' for always. */
    profile: slugOrEmpty('must be "" for no profile, or a profile id').default(''),
  })
  .strict();
export type ThresholdKey = z.output<typeof ThresholdKeySchema>;

/**
 * What a threshold sets, as it travels in a save: plain numbers here; their rules (range, order, whole
 * seconds) are the override schema's, checked together with the key so each problem names its field.
 * A null period means the gateway's default.
 */
export const ThresholdValueSchema = z
  .object({
    warning: z.number(),
    critical: z.number(),
    pendingSeconds: z.number().nullable().default(null),
    recoverySeconds: z.number().nullable().default(null),
  })
  .strict();
export type ThresholdValue = z.output<typeof ThresholdValueSchema>;

export type ThresholdRecord = ThresholdKey & ThresholdValue;

export function thresholdKeyOf(o: ThresholdKey): ThresholdKey {
  return { scope: o.scope, scopeId: o.scopeId, metric: o.metric, profile: o.profile };
}

export function thresholdValueOf(o: ThresholdValue): ThresholdValue {
  return { warning: o.warning, critical: o.critical, pendingSeconds: o.pendingSeconds, recoverySeconds: o.recoverySeconds };
}

/** The key and value of anything that carries them (a stored row, a file entry), without the rest. */
export function thresholdRecordOf(o: ThresholdRecord): ThresholdRecord {
  return { ...thresholdKeyOf(o), ...thresholdValueOf(o) };
}

/** One string per key, for maps. */
export function thresholdKeyId(key: ThresholdKey): string {
  return `${key.scope}|${key.scopeId}|${key.metric}|${key.profile}`;
}

export function sameThresholdValue(a: ThresholdValue, b: ThresholdValue): boolean {
  return a.warning === b.warning && a.critical === b.critical && a.pendingSeconds === b.pendingSeconds && a.recoverySeconds === b.recoverySeconds;
}
