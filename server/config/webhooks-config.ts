import { z } from 'zod';
import { NAME_LANGUAGES, SlugSchema } from '../../shared/model';
import { hhMmSchema } from '../../shared/time/hh-mm';
import { OUTBOUND_KINDS, SeveritySchema } from '../notify/outbound-event';

export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Secrets are named, never written: the file says which environment variable holds one. */
const EnvNameSchema = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'must be the name of an environment variable: A-Z, 0-9 and "_", not starting with a digit');

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** Which events one target takes: a route lets an event through when every condition it names holds. */
export const WebhookRouteSchema = z
  .object({
    /** Queue groups (the configuration's `groups` ids): events about a queue in one of them. Absent: every queue. */
    groups: z.array(SlugSchema).min(1, 'must name at least one group (or leave groups out for every queue)').optional(),
    /** Absent: every kind (alert, forecast, broadcast, incident). */
    kinds: z.array(z.enum(OUTBOUND_KINDS)).min(1, 'must name at least one kind (or leave kinds out for every kind)').optional(),
    /** The least severe event sent: `warning` sends warnings and criticals. */
    minSeverity: SeveritySchema.default('critical'),
  })
  .strict();
export type WebhookRoute = z.infer<typeof WebhookRouteSchema>;

/** Local time of day in an office's time zone; the start is inside, the end is not; 22:00 to 07:00 spans midnight. */
export const WebhookQuietHoursSchema = z
  .object({
    start: hhMmSchema(),
    end: hhMmSchema(),
    /** The office whose time zone the hours are in; may be left out when there is one office. */
    officeId: SlugSchema.optional(),
  })
  .strict()
  .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ (they would cover no time, or all of it)', path: ['end'] });

export const WebhookTargetSchema = z
  .object({
    id: SlugSchema,
    format: z.enum(WEBHOOK_FORMATS),
    /** A generic JSON receiver's address (its secret is separate). Slack and Teams put their credential in the URL: use urlEnv. */
    url: HttpUrlSchema.optional(),
    /** The environment variable holding the URL. */
    urlEnv: EnvNameSchema.optional(),
    /** json only: the environment variable holding the Standard Webhooks secret (whsec_ + base64). */
    secretEnv: EnvNameSchema.optional(),
    /** The language of the words in Slack and Teams messages. */
    language: z.enum(NAME_LANGUAGES).default('en'),
    routes: z.array(WebhookRouteSchema).min(1, 'must list at least one route'),
    /** During these hours only critical events are sent; the others are dropped (counted), not saved up. */
    quietHours: WebhookQuietHoursSchema.optional(),
    /** Events waiting for this target at most; past that the oldest waiting one goes to the dead-letter list. */
    queueSize: z.number().int().min(1).max(10_000).default(500),
  })
  .strict()
  .superRefine((target, ctx) => {
    if (target.format !== 'json' && target.url !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `must not be in the file: a ${target.format} webhook URL is its credential; name the environment variable that holds it as urlEnv` });
    } else if ((target.url === undefined) === (target.urlEnv === undefined)) {
      ctx.addIssue({ code: 'custom', path: [target.format === 'json' ? 'url' : 'urlEnv'], message: target.format === 'json' ? 'give exactly one of url and urlEnv' : 'is required: the environment variable holding the webhook URL' });
    }
    if (target.format === 'json' && target.secretEnv === undefined) {
      ctx.addIssue({ code: 'custom', path: ['secretEnv'], message: 'is required for json: the environment variable holding the signing secret (whsec_ + base64)' });
    }
    if (target.format !== 'json' && target.secretEnv !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['secretEnv'], message: `is for json targets only: ${target.format} messages are not signed (the URL is the credential)` });
    }
  });
export type WebhookTargetConfig = z.infer<typeof WebhookTargetSchema>;

export const WebhookRetrySchema = z
  .object({
    /** Tries per event, the first included; then it goes to the dead-letter list. */
    maxAttempts: z.number().int().min(1).max(30).default(8),
    /** The backoff's first ceiling: a retry waits a random time up to initial × 2^(attempt − 1), capped by maxDelaySeconds. */
    initialDelaySeconds: z.number().min(0.01).max(600).default(1),
    maxDelaySeconds: z.number().min(0.01).max(24 * 3600).default(300),
  })
  .strict()
  .refine((retry) => retry.maxDelaySeconds >= retry.initialDelaySeconds, { message: 'must be at least initialDelaySeconds', path: ['maxDelaySeconds'] });

export const WebhooksSettingsSchema = z
  .object({
    targets: z.array(WebhookTargetSchema).default([]),
    retry: WebhookRetrySchema.default(WebhookRetrySchema.parse({})),
    /** How long one delivery may take before it counts as failed (and is retried). */
    timeoutSeconds: z.number().min(0.1).max(120).default(10),
    /** Failed deliveries kept for a manager to see, retry or delete; the oldest go first. */
    deadLetterLimit: z.number().int().min(1).max(10_000).default(200),
  })
  .strict();
export type WebhooksSettings = z.infer<typeof WebhooksSettingsSchema>;

/** Names every duplicate target, unknown group and unknown or missing office of the webhooks section. */
export function checkWebhooks(
  webhooks: WebhooksSettings,
  known: { groupIds: readonly string[]; officeIds: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  webhooks.targets.forEach((target, index) => {
    const at = (...path: (string | number)[]) => ['webhooks', 'targets', index, ...path];
    if (seen.has(target.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicates id "${target.id}"` });
    seen.add(target.id);
    target.routes.forEach((route, r) => {
      route.groups?.forEach((groupId, g) => {
        if (!known.groupIds.includes(groupId)) {
          ctx.addIssue({ code: 'custom', path: at('routes', r, 'groups', g), message: `names group "${groupId}", which is not among the groups (${known.groupIds.join(', ') || 'none configured'})` });
        }
      });
    });
    const officeId = target.quietHours?.officeId;
    if (officeId !== undefined && !known.officeIds.includes(officeId)) {
      ctx.addIssue({ code: 'custom', path: at('quietHours', 'officeId'), message: `names office "${officeId}", which is not among the offices (${known.officeIds.join(', ')})` });
    }
    if (target.quietHours && officeId === undefined && known.officeIds.length > 1) {
      ctx.addIssue({ code: 'custom', path: at('quietHours', 'officeId'), message: `is required with more than one office: whose time zone are the hours in? (${known.officeIds.join(', ')})` });
    }
  });
}
