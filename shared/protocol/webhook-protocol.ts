import { z } from 'zod';
import { SlugSchema } from '../model';
import { STORE_REFUSAL_CODES } from './store-refusals';

/** Outbound event kinds and severities, ranked (server/notify/outbound-event.ts defines the events themselves). */
export const OUTBOUND_KINDS = ['alert', 'forecast', 'broadcast', 'incident'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;

const epochMs = z.number().int().nonnegative();

/** A webhook delivery that failed for good, as the settings pane lists it. */
export const DeadLetterMessageSchema = z.object({
  id: z.number().int().positive(),
  targetId: SlugSchema,
  eventId: z.string().min(1).max(100),
  kind: z.enum(OUTBOUND_KINDS),
  severity: z.enum(SEVERITIES),
  queueIds: z.array(SlugSchema),
  /** An incident's title, a broadcast's text: what the event says besides its queues. */
  subject: z.string().max(2000).nullable(),
  attempts: z.number().int().nonnegative(),
  /** What the target last answered (status and the start of its body), or the network error; never the URL or secret. */
  lastError: z.string().max(1000),
  failedAt: epochMs,
});
export type DeadLetterMessage = z.infer<typeof DeadLetterMessageSchema>;

export const DeadLetterListRequestSchema = z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict();
export const DeadLetterIdRequestSchema = z.object({ id: z.number().int().positive() }).strict();

const refusal = z.object({ ok: z.literal(false), code: z.enum(['invalid', 'forbidden', 'unavailable', 'not-found', ...STORE_REFUSAL_CODES]), issues: z.array(z.string()) });

export const DeadLetterListResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.array(DeadLetterMessageSchema), total: z.number().int().nonnegative() }),
  refusal,
]);
export type DeadLetterListResult = z.infer<typeof DeadLetterListResultSchema>;

export const DeadLetterActionResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), targetId: SlugSchema }), refusal]);
export type DeadLetterActionResult = z.infer<typeof DeadLetterActionResultSchema>;
