import { z } from 'zod';
import { metricValueSchema } from './metrics';
import { SlugSchema } from './model';

/**
 * What sources report: ticket lifecycle events and/or queue readings. The HTTP ingest API takes exactly
 * these (POST /api/v1/events, POST /api/v1/queues/{id}/readings); the demo and the helpdesk connectors
 * produce the same shapes in process.
 */
export const TICKET_EVENT_TYPES = ['created', 'queued', 'first-reply', 'solved', 'reopened', 'rated'] as const;
export const TicketEventTypeSchema = z.enum(TICKET_EVENT_TYPES);
export type TicketEventType = z.infer<typeof TicketEventTypeSchema>;

/** An instant: ISO 8601 with a zone (2026-11-22T14:03:00Z) or epoch milliseconds. Stored as epoch ms. */
const INSTANT_RULE = 'must be an ISO 8601 time with a zone (e.g. 2026-11-22T14:03:00Z) or epoch milliseconds';
export const InstantSchema = z.union(
  [
    z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
    z
      .number()
      .int('must be whole epoch milliseconds')
      .min(946_684_800_000, 'must be after the year 2000')
      .max(4_102_444_800_000, 'must be before the year 2100'),
  ],
  { error: INSTANT_RULE },
);

const IdSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const TicketEventSchema = z
  .object({
    /** Unique per source: a retried batch with the same ids is not counted twice. */
    eventId: IdSchema,
    type: TicketEventTypeSchema,
    ticketId: IdSchema,
    /**
     * The queue the ticket is in after this event. Required for created, queued (a move) and reopened;
     * optional for first-reply and solved, which apply to the ticket wherever it is. Required for rated:
     * customers rate after the ticket is solved, when the gateway no longer holds it.
     */
    queueId: SlugSchema.optional(),
    at: InstantSchema,
    /** A rated event's answer: whether the customer was satisfied (the source maps its scale: good/bad, 4–5 of 5). */
    satisfied: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if ((event.type === 'created' || event.type === 'queued' || event.type === 'reopened' || event.type === 'rated') && !event.queueId) {
      ctx.addIssue({ code: 'custom', path: ['queueId'], message: `is required for a ${event.type} event` });
    }
    if (event.type === 'rated' && event.satisfied === undefined) {
      ctx.addIssue({ code: 'custom', path: ['satisfied'], message: 'is required for a rated event (true or false)' });
    }
    if (event.type !== 'rated' && event.satisfied !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['satisfied'], message: `is only for a rated event, not a ${event.type} event` });
    }
  });
export type TicketEventInput = z.input<typeof TicketEventSchema>;
/** A validated event; `at` is epoch ms. */
export type TicketEvent = z.output<typeof TicketEventSchema>;

export const MAX_EVENTS_PER_BATCH = 5000;

export const EventBatchSchema = z
  .object({
    events: z.array(TicketEventSchema).min(1, 'must hold at least one event').max(MAX_EVENTS_PER_BATCH, `must hold at most ${MAX_EVENTS_PER_BATCH} events`),
  })
  .strict();

const READING_FIELDS = ['backlog', 'agentsOnline', 'oldestWaitingSeconds', 'slaBreached', 'handleTimeSeconds'] as const;

/** The longest average handle time a reading may give: past it a unit is wrong (minutes as seconds would be 10 h for 10 min). */
export const MAX_HANDLE_TIME_SECONDS = 8 * 3600;
/**
 * An average handle time in seconds (talk or chat plus wrap-up), as a phone ACD or a helpdesk reports it; the
 * staffing gap reads it (server/forecast/staffing-inputs.ts). The same rule as the per-queue setting.
 */
export const HandleTimeSecondsSchema = z
  .number({ error: 'must be a number of seconds' })
  .min(1, 'must be at least 1 second')
  .max(MAX_HANDLE_TIME_SECONDS, `must be at most ${MAX_HANDLE_TIME_SECONDS} seconds (8 hours)`);

/** A queue-level reading, for sources that know counts rather than tickets (a helpdesk search count, a phone ACD). */
export const QueueReadingInputSchema = z
  .object({
    /** Optional; when given, a retried reading with the same id is ignored. */
    readingId: IdSchema.optional(),
    at: InstantSchema,
    backlog: metricValueSchema('backlog').optional(),
    agentsOnline: metricValueSchema('agentsOnline').optional(),
    oldestWaitingSeconds: metricValueSchema('oldestWaitingSeconds').optional(),
    /** Open tickets in breach of an SLA target now, by the helpdesk's own SLA policies. */
    slaBreached: metricValueSchema('slaBreached').optional(),
    /** The queue's current average handle time, in seconds. */
    handleTimeSeconds: HandleTimeSecondsSchema.optional(),
  })
  .strict()
  .refine((r) => READING_FIELDS.some((field) => r[field] !== undefined), {
    message: `must report at least one of ${READING_FIELDS.join(', ')}`,
  });
export type QueueReadingInput = z.output<typeof QueueReadingInputSchema>;
