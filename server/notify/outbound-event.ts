import { z } from 'zod';
import { MetricIdSchema } from '../../shared/metrics';
import { NAME_LANGUAGES, SlugSchema } from '../../shared/model';
import { OUTBOUND_KINDS, SEVERITIES } from '../../shared/protocol/webhook-protocol';

/**
 * What the gateway tells the world outside its screens (webhooks: generic JSON, Slack, Teams), defined once.
 * Every emitter (alerts and forecasts here; broadcasts and incidents in their own services) hands one of
 * these to `notify(event)`; the notifier validates it, routes it per queue group and severity, applies quiet
 * hours and queues it for each target. The JSON format sends exactly this object as `data`, so the shape
 * is also the contract with receivers: add fields, never rename or remove one.
 */
export { OUTBOUND_KINDS, SEVERITIES };
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/** Ranked: a route's minimum severity lets through its own and every worse one. */
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

const epochMs = z.number().int().nonnegative();
const personName = z.string().min(1).max(120);
/** Text for people: one for every language, or one per language (the target's language is chosen, else English). */
export const OutboundTextSchema = z.union([
  z.string().min(1).max(2000),
  z.partialRecord(z.enum(NAME_LANGUAGES), z.string().min(1).max(2000)).refine((texts) => Object.keys(texts).length > 0, 'must give the text in at least one language'),
]);
export type OutboundText = z.infer<typeof OutboundTextSchema>;

const common = {
  /** Unique per event; the JSON format sends it as `webhook-id`, the same on every retry, so receivers can drop duplicates. */
  id: z.string().min(1).max(100),
  severity: SeveritySchema,
  /** When it happened, on the gateway's wall clock. */
  at: epochMs,
  /** The queues it concerns: routes by queue group match on them. None (and no groups) means the whole floor. */
  queueIds: z.array(SlugSchema).max(1000).default([]),
  /** Queue groups it was addressed to directly (a broadcast's audience), matched by routes as well. */
  groupIds: z.array(SlugSchema).max(100).default([]),
};

export const OutboundEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('alert'),
    alert: z.object({
      id: z.string().min(1).max(100),
      queueId: SlugSchema,
      /** The alert's own kind: `threshold`, `volume`, … Routes and formats treat every kind alike. */
      alertKind: z.string().min(1).max(40),
      metric: MetricIdSchema,
      level: z.enum(['warning', 'critical']),
      value: z.number().nullable(),
      threshold: z.number().nullable(),
    }).strict(),
  }).strict(),
  z.object({
    ...common,
    kind: z.literal('forecast'),
    /** A breach projected at the current pace (the at-risk alert's time-to-breach projection). */
    forecast: z.object({
      alertId: z.string().min(1).max(100),
      queueId: SlugSchema,
      metric: MetricIdSchema,
      minutesToBreach: z.number().int().min(0),
      value: z.number().nullable(),
      critical: z.number().nullable(),
    }).strict(),
  }).strict(),
  z.object({
    ...common,
    kind: z.literal('broadcast'),
    broadcast: z.object({
      id: z.string().min(1).max(100),
      action: z.enum(['posted', 'edited', 'ended']),
      text: OutboundTextSchema,
      by: personName,
      endsAt: epochMs.nullable(),
    }).strict(),
  }).strict(),
  z.object({
    ...common,
    kind: z.literal('incident'),
    incident: z.object({
      id: z.string().min(1).max(100),
      action: z.enum(['opened', 'closed']),
      title: z.string().min(1).max(200),
      by: personName,
    }).strict(),
  }).strict(),
]);

/** An event as delivered (defaults applied). */
export type OutboundEvent = z.output<typeof OutboundEventSchema>;
/** An event as an emitter builds it (`queueIds`, `groupIds` may be left out). */
export type OutboundEventInput = z.input<typeof OutboundEventSchema>;

/** The one call every emitter makes. Never throws: a bad event is logged naming the field and dropped. */
export type Notify = (event: OutboundEventInput) => void;
