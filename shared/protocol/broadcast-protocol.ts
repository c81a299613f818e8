import { z } from 'zod';
import { SlugSchema } from '../model';
import { STORE_REFUSAL_CODES } from './store-refusals';

/**
 * Broadcasts: a banner a lead or manager posts to the walls (issue 20). The commands' requests and answers
 * and the `broadcasts` event are defined here; shared/protocol/commands.ts maps the commands to roles.
 */

export const BROADCAST_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type BroadcastSeverity = (typeof BROADCAST_SEVERITIES)[number];

export const BROADCAST_LANGUAGES = ['en', 'pt', 'nl'] as const;
export type BroadcastLanguage = (typeof BROADCAST_LANGUAGES)[number];

/** Two lines of a wall banner read from five metres: longer is a memo, not a banner. */
export const MAX_BROADCAST_TEXT = 160;
/** How far ahead a broadcast may start or end: a week, so a forgotten one cannot sit on the walls for months. */
export const MAX_BROADCAST_AHEAD_MS = 7 * 24 * 3_600_000;
/** A start this little before the gateway's clock counts as "now" (the desk's clock and the trip over the network). */
export const BROADCAST_START_SLACK_MS = 60_000;
export const MAX_LINKED_QUEUES = 20;

const epochMs = z.number().int().nonnegative();
const line = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_BROADCAST_TEXT, `must be at most ${MAX_BROADCAST_TEXT} characters (a banner is read from five metres)`);

/** One text for every screen, or one per language (a screen shows its own, else English, else any given). */
export const BroadcastTextSchema = z.union([
  line,
  z
    .strictObject({ en: line.optional(), pt: line.optional(), nl: line.optional() }, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `names a language this board does not speak (${issue.keys.join(', ')}); it speaks en, pt, nl` : undefined),
    })
    .refine((text) => BROADCAST_LANGUAGES.some((l) => text[l] !== undefined), { message: 'must give the text in at least one of en, pt, nl' }),
], { error: 'must be a text, or an object with one text per language (en, pt, nl)' });
export type BroadcastText = z.infer<typeof BroadcastTextSchema>;

const ids = (what: string) => z.array(SlugSchema).min(1, `must name at least one ${what}`).max(100);

/** Who sees it: every screen, the screens of some offices, or the screens showing some queue groups. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('offices'), officeIds: ids('office') }).strict(),
  z.object({ kind: z.literal('groups'), groupIds: ids('queue group') }).strict(),
], { error: 'must be { kind: "all" }, { kind: "offices", officeIds } or { kind: "groups", groupIds }' });
export type Audience = z.infer<typeof AudienceSchema>;

const severity = z.enum(BROADCAST_SEVERITIES, { error: 'must be one of "info", "warning", "critical"' });
const linkedQueueIds = z.array(SlugSchema).max(MAX_LINKED_QUEUES, `must link at most ${MAX_LINKED_QUEUES} queues`);

export const PostBroadcastRequestSchema = z
  .object({
    text: BroadcastTextSchema,
    severity,
    audience: AudienceSchema,
    /** Gateway-clock epoch ms; absent: now. */
    startsAt: epochMs.optional(),
    endsAt: epochMs,
    linkedQueueIds: linkedQueueIds.default([]),
  })
  .strict();
export type PostBroadcastRequest = z.infer<typeof PostBroadcastRequestSchema>;

/** What changes; the rest stays. The result is checked as a whole, as a new post would be. */
export const EditBroadcastRequestSchema = z
  .object({
    broadcastId: z.string().min(1).max(64),
    text: BroadcastTextSchema.optional(),
    severity: severity.optional(),
    audience: AudienceSchema.optional(),
    startsAt: epochMs.optional(),
    endsAt: epochMs.optional(),
    linkedQueueIds: linkedQueueIds.optional(),
  })
  .strict();
export type EditBroadcastRequest = z.infer<typeof EditBroadcastRequestSchema>;

export const EndBroadcastRequestSchema = z.object({ broadcastId: z.string().min(1).max(64) }).strict();

export const BROADCAST_STATES = ['scheduled', 'active', 'ended'] as const;

export const BroadcastSchema = z.object({
  id: z.string().min(1).max(64),
  text: BroadcastTextSchema,
  severity,
  audience: AudienceSchema,
  startsAt: epochMs,
  endsAt: epochMs,
  linkedQueueIds: z.array(SlugSchema),
  /** The queues whose screens it reaches, resolved by the gateway from the audience (every queue for `all`). */
  queueIds: z.array(SlugSchema),
  postedBy: z.string(),
  postedAt: epochMs,
  edited: z.object({ by: z.string(), at: epochMs }).nullable(),
  /** On the gateway's clock: walls show an active one; a scheduled one is listed on desks; `ended` only in the answer to `broadcast:end`. */
  state: z.enum(BROADCAST_STATES),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

/** Every broadcast not yet ended, sent whenever one is posted, edited, starts or ends. */
export const BroadcastListSchema = z.object({ serverTime: epochMs, broadcasts: z.array(BroadcastSchema) });
export type BroadcastList = z.infer<typeof BroadcastListSchema>;

export const BroadcastResultSchema = z.union([
  z.object({ ok: z.literal(true), broadcast: BroadcastSchema }),
  z.object({ ok: z.literal(false), code: z.enum(['invalid', 'forbidden', 'not-found', 'unavailable', ...STORE_REFUSAL_CODES]), issues: z.array(z.string()) }),
]);
export type BroadcastResult = z.infer<typeof BroadcastResultSchema>;
