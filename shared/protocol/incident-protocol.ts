import { z } from 'zod';
import { MetricIdSchema } from '../metrics';
import { SlugSchema } from '../model';
import { ALERT_KINDS } from './protocol';
import { STORE_REFUSAL_CODES } from './store-refusals';

/**
 * Incidents (issue 20): a lead or manager names the affected queues and a short title; alerts opened on
 * those queues while it is open carry its id; closing it ends its timeline, exported as text or JSON.
 */

/**
 * A headline, read from five metres on every affected tile: on the narrowest tile (eight queues to a 1080p
 * wall) "Incident: " and 32 characters take two lines at most beside the tile's other notes.
 */
export const INCIDENT_TITLE_MAX = 32;
/** Enough for an outage across a whole office's queues; a floor-wide one is still one incident. */
export const INCIDENT_QUEUES_MAX = 50;

const epochMs = z.number().int().nonnegative();
const IncidentIdSchema = z.string().min(1).max(100);

export const IncidentSchema = z.object({
  id: IncidentIdSchema,
  title: z.string().min(1).max(INCIDENT_TITLE_MAX),
  queueIds: z.array(SlugSchema).min(1).max(INCIDENT_QUEUES_MAX),
  openedAt: epochMs,
  openedBy: z.string().max(120),
  closedAt: epochMs.nullable(),
  closedBy: z.string().max(120).nullable(),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** Sent on connect and after every change: the incidents now open (a closed one leaves the list). */
export const IncidentsMessageSchema = z.object({ open: z.array(IncidentSchema).max(1000) });
export type IncidentsMessage = z.infer<typeof IncidentsMessageSchema>;

export const TIMELINE_KINDS = ['opened', 'alert', 'acknowledged', 'broadcast', 'closed'] as const;

/** One line of an incident's timeline: what happened, when, who did it (the gateway for alerts). */
export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), at: epochMs, actor: z.string(), title: z.string(), queueIds: z.array(SlugSchema) }),
  z.object({
    kind: z.literal('alert'),
    at: epochMs,
    alertId: z.string(),
    queueId: SlugSchema,
    alertKind: z.enum(ALERT_KINDS),
    metric: MetricIdSchema,
    level: z.enum(['warning', 'critical']),
    value: z.number().nullable(),
    threshold: z.number().nullable(),
  }),
  z.object({ kind: z.literal('acknowledged'), at: epochMs, actor: z.string(), alertId: z.string(), queueId: SlugSchema, note: z.string().nullable() }),
  z.object({ kind: z.literal('broadcast'), at: epochMs, actor: z.string(), broadcastId: z.string(), text: z.string(), severity: z.string() }),
  z.object({ kind: z.literal('closed'), at: epochMs, actor: z.string() }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** The export: the incident and its timeline in order. `format` names this shape for readers of saved files. */
export const TIMELINE_FORMAT = 'queueboard-incident-timeline/1';
export const IncidentTimelineSchema = z.object({
  format: z.literal(TIMELINE_FORMAT),
  incident: IncidentSchema,
  entries: z.array(TimelineEntrySchema),
});
export type IncidentTimeline = z.infer<typeof IncidentTimelineSchema>;

export const OpenIncidentRequestSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(INCIDENT_TITLE_MAX, `must be at most ${INCIDENT_TITLE_MAX} characters (it is shown on the wall tiles)`),
    queueIds: z
      .array(SlugSchema)
      .min(1, 'must name at least one affected queue')
      .max(INCIDENT_QUEUES_MAX, `must name at most ${INCIDENT_QUEUES_MAX} queues`),
  })
  .strict();
export type OpenIncidentRequest = z.infer<typeof OpenIncidentRequestSchema>;

export const CloseIncidentRequestSchema = z.object({ incidentId: IncidentIdSchema }).strict();
export type CloseIncidentRequest = z.infer<typeof CloseIncidentRequestSchema>;

export const TIMELINE_LANGUAGES = ['en', 'pt', 'nl'] as const;
export const TimelineRequestSchema = z
  .object({
    incidentId: IncidentIdSchema,
    /** The language of the text form (the JSON form is the same in every language). */
    language: z.enum(TIMELINE_LANGUAGES).default('en'),
  })
  .strict();
export type TimelineRequest = z.infer<typeof TimelineRequestSchema>;

export const INCIDENT_ERROR_CODES = ['invalid', 'not-found', 'forbidden', 'conflict', 'unavailable', ...STORE_REFUSAL_CODES] as const;
const IncidentFailureSchema = z.object({ ok: z.literal(false), code: z.enum(INCIDENT_ERROR_CODES), issues: z.array(z.string()) });
export type IncidentFailure = z.infer<typeof IncidentFailureSchema>;

export const IncidentResultSchema = z.union([z.object({ ok: z.literal(true), incident: IncidentSchema }), IncidentFailureSchema]);
export type IncidentResult = z.infer<typeof IncidentResultSchema>;

export const TimelineResultSchema = z.union([
  z.object({ ok: z.literal(true), timeline: IncidentTimelineSchema, text: z.string() }),
  IncidentFailureSchema,
]);
export type TimelineResult = z.infer<typeof TimelineResultSchema>;
