import { z } from 'zod';
import { HealthSettingsSchema } from '../../shared/health/threshold-model';
import { MAX_DURATION_SECONDS } from '../../shared/metrics';
import { OfficeSchema, QueueSchema, SlugSchema } from '../../shared/model';
import { HISTORY_REQUESTS_PER_MINUTE } from '../../shared/protocol/protocol';
import { checkConnectorReferences, ConnectorConnectionSchema } from '../sources/connector-config';
import { trustedProxyProblem } from '../auth/client-address';
import { checkQueueGroups, QueueGroupConfigSchema } from './queue-groups';
import { checkWebhooks, WebhooksSettingsSchema } from './webhooks-config';
import { ConfiguredNameSchema, ConfiguredQueueWindowsSchema, ConfiguredTeamSchema, resolveQueueWindows, splitName } from './localized-config';
import { DEFAULT_MAX_FUTURE_SKEW_SECONDS } from '../ingest/future-skew';
import { DEFAULT_INGEST_LIMITS } from '../ingest/ingest-limits';
import { MAX_EVENTS_PER_BATCH } from '../../shared/ingest';
import { FreshdeskQueueSourceSchema } from '../sources/freshdesk/freshdesk-config';
import { IntercomQueueSourceSchema } from '../sources/intercom/intercom-config';
import { ZendeskQueueSourceSchema } from '../sources/zendesk/zendesk-config';
import { QueueStaffingSchema, staffingSettingsProblem } from '../forecast/staffing-config';

export const CONFIG_VERSION = 1;

export const DemoSettingsSchema = z
  .object({
    /** Same seed, same start time → the same tickets: demos and tests are repeatable. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    /** Real milliseconds between demo steps. */
    tickMs: z.number().int().min(100).max(60_000).default(1000),
  })
  .strict();
export type DemoSettings = z.infer<typeof DemoSettingsSchema>;

const seconds = z.number().positive('must be more than 0 seconds').max(MAX_DURATION_SECONDS, 'must be at most a year, in seconds');

export const QueueTargetsSchema = z
  .object({
    /** The first-response promise: SLA attainment is the share of first replies within it. */
    firstResponseSeconds: seconds,
  })
  .strict();

/** Where a queue's data comes from. Helpdesk connectors add their kinds here. */
export const QueueSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z.object({ kind: z.literal('push') }).strict(),
  ZendeskQueueSourceSchema,
  FreshdeskQueueSourceSchema,
  IntercomQueueSourceSchema,
]);

export const ConfiguredQueueSchema = QueueSchema.extend({
  name: ConfiguredNameSchema,
  team: ConfiguredTeamSchema,
  /** Percentile windows of its own; by default they follow its channel. */
  windows: ConfiguredQueueWindowsSchema.optional(),
  targets: QueueTargetsSchema.optional(),
  /** Handle time and patience for the staffing gap (server/forecast/staffing-config.ts). */
  staffing: QueueStaffingSchema.optional(),
  source: QueueSourceSchema.optional(),
  /** Data older than this makes the queue stale; by default three times its source's update interval. */
  staleAfterSeconds: z.number().int().min(5, 'must be at least 5 seconds').max(7 * 24 * 3600, 'must be at most 7 days').optional(),
})
  .strict()
  .transform(({ name, names, windows, ...queue }) => ({ ...queue, ...splitName(name, names), ownWindows: windows }));
/** A queue as parsed, before its windows are resolved against the file's (see the config's transform). */
export type ConfiguredQueue = Omit<z.infer<typeof ConfiguredQueueSchema>, 'ownWindows'>;

/** A local date, YYYY-MM-DD: an office's holiday, which the inflow baseline does not learn from. */
const HolidaySchema = z.iso.date({ error: 'must be a date as YYYY-MM-DD, e.g. 2026-12-25' });

export const ConfiguredOfficeSchema = OfficeSchema.extend({
  name: ConfiguredNameSchema,
  /** Days whose traffic is not usual (public holidays, closures): the baseline leaves them out. */
  holidays: z.array(HolidaySchema).max(1000).default([]),
})
  .strict()
  .transform(({ name, names, ...office }) => ({ ...office, ...splitName(name, names) }));

export const IngestSettingsSchema = z
  .object({
    keys: z
      .array(
        z
          .object({
            sourceId: SlugSchema,
            sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex sha256 of the key (64 characters 0-9a-f)'),
            /** Queue ids the key may write; a queue fed by a helpdesk or the demo must be named here. */
            queues: z.array(SlugSchema).min(1, 'must name at least one queue (or leave queues out)').optional(),
            /** Teams whose push-fed queues the key may write. */
            teams: z.array(z.string().min(1)).min(1, 'must name at least one team (or leave teams out)').optional(),
          })
          .strict(),
      )
      .default([]),
    maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    /**
     * How often pushing systems report each of their queues (send a reading as a heartbeat when nothing
     * else happens); a push queue with nothing newer than the staleness factor times this is stale.
     */
    expectedIntervalSeconds: z.number().int().min(1).max(24 * 3600).default(60),
    /** How far ahead of the gateway's clock an `at` may lie: a reading dated ahead would keep its queue fresh. */
    maxFutureSkewSeconds: z.number().int().min(0).max(24 * 3600).default(DEFAULT_MAX_FUTURE_SKEW_SECONDS),
  })
  .strict();

export const AuthSettingsSchema = z
  .object({
    /**
     * The role of a screen that presents no token: `display` lets a browser on the floor show the wall
     * with nothing to log in to (and nothing to expire); `none` requires a token everywhere.
     */
    anonymous: z.enum(['display', 'none']).default('display'),
    tokens: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(80),
            role: z.enum(['display', 'lead', 'manager']),
            sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex sha256 of the token (64 characters 0-9a-f)'),
            revoked: z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
    /**
     * Failed attempts allowed per presented credential, and per address, within the failure window; past
     * that, unknown credentials are refused until the window ends (valid ones never are).
     */
    maxFailuresPerMinute: z.number().int().min(1).max(1000).default(10),
    /** How long failures are counted, in seconds: a minute unless set. */
    failureWindowSeconds: z.number().int().min(1).max(3600).default(60),
    /**
     * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or loopback, linklocal,
     * uniquelocal); none by default, so every peer is its own socket address.
     */
    trustedProxies: z.array(z.string().superRefine((entry, ctx) => {
      const problem = trustedProxyProblem(entry);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })).default([]),
  })
  .strict();

/** Caps on what one client may cost the gateway. */
export const LimitSettingsSchema = z
  .object({
    /** Open sockets per client address; the next is refused until one closes. */
    connectionsPerAddress: z.number().int().min(1).max(100_000).default(50),
    /** Refused messages a socket may send per minute before it is disconnected. */
    rejectedMessagesPerMinute: z.number().int().min(1).max(100_000).default(120),
    /** `history` requests one socket may send per minute; more are answered `too-often`. */
    historyRequestsPerMinute: z.number().int().min(1).max(100_000).default(HISTORY_REQUESTS_PER_MINUTE),
    /** Per ingest key (its source): past either, 429 with Retry-After (server/ingest/ingest-limits.ts). */
    ingest: z
      .object({
        requestsPerSecond: z.number().int().min(1).max(100_000).default(DEFAULT_INGEST_LIMITS.requestsPerSecond),
        // Counted over ten seconds: 500 a second lets the largest batch (5,000 events) through.
        eventsPerSecond: z.number().int().min(MAX_EVENTS_PER_BATCH / 10, `must be at least ${MAX_EVENTS_PER_BATCH / 10} (a full batch of ${MAX_EVENTS_PER_BATCH} events must fit in ten seconds)`).max(1_000_000).default(DEFAULT_INGEST_LIMITS.eventsPerSecond),
      })
      .strict()
      .default(DEFAULT_INGEST_LIMITS),
  })
  .strict();

export const WindowSettingsSchema = z
  .object({
    firstResponseMinutes: z.number().int().min(1).max(24 * 60).default(60),
    resolutionHours: z.number().int().min(1).max(24 * 7).default(24),
    flowMinutes: z.number().int().min(1).max(24 * 60).default(60),
    /** CSAT's rolling window: ratings given in the last this many days. */
    csatDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();

export const GatewayConfigSchema = z
  .object({
    version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}` }),
    offices: z.array(ConfiguredOfficeSchema).min(1, 'must list at least one office'),
    queues: z.array(ConfiguredQueueSchema).min(1, 'must list at least one queue'),
    /** Named sets of queues a wall can show alone (`?group=ID`, `--group=ID`). */
    groups: z.array(QueueGroupConfigSchema).default([]),
    /** Simulated traffic for the queues whose source is demo (or that name no source while this is set). */
    demo: DemoSettingsSchema.optional(),
    ingest: IngestSettingsSchema.default(IngestSettingsSchema.parse({})),
    /** Who may do what: role tokens (stored hashed) and what a screen without a token may see. */
    auth: AuthSettingsSchema.default(AuthSettingsSchema.parse({})),
    limits: LimitSettingsSchema.default(LimitSettingsSchema.parse({})),
    /** Pending and recovery periods, staleness, the at-risk horizon and time-of-day profiles. */
    health: HealthSettingsSchema.default(HealthSettingsSchema.parse({})),
    windows: WindowSettingsSchema.default({ firstResponseMinutes: 60, resolutionHours: 24, flowMinutes: 60, csatDays: 7 }),
    /** Helpdesk accounts polled by the gateway; queues name one as source.connection. */
    connectors: z.array(ConnectorConnectionSchema).default([]),
    /** Outbound notifications: webhook targets, their routes and quiet hours (server/config/webhooks-config.ts). */
    webhooks: WebhooksSettingsSchema.default(WebhooksSettingsSchema.parse({})),
  })
  .strict()
  .superRefine((config, ctx) => {
    reportDuplicates(config.offices.map((o) => o.id), 'offices', ctx);
    reportDuplicates(config.queues.map((q) => q.id), 'queues', ctx);
    reportDuplicates(config.ingest.keys.map((k) => k.sha256), 'ingest.keys', ctx, 'sha256');
    reportDuplicates(config.auth.tokens.map((t) => t.sha256), 'auth.tokens', ctx, 'sha256');
    checkConnectorReferences(config, ctx);
    checkIngestGrants(config, ctx);
    checkQueueGroups(config.groups, config.queues, ctx, config.auth.tokens);
    checkWebhooks(config.webhooks, { groupIds: config.groups.map((g) => g.id), officeIds: config.offices.map((o) => o.id) }, ctx);
    const officeIds = new Set(config.offices.map((o) => o.id));
    config.health.profiles.forEach((profile, index) => {
      profile.officeIds?.forEach((officeId, i) => {
        if (!officeIds.has(officeId)) {
          ctx.addIssue({ code: 'custom', path: ['health', 'profiles', index, 'officeIds', i], message: `names office "${officeId}", which is not among the offices (${[...officeIds].join(', ')})` });
        }
      });
    });
    config.queues.forEach((queue, index) => {
      if (!officeIds.has(queue.officeId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', index, 'officeId'],
          message: `names office "${queue.officeId}", which is not among the offices (${[...officeIds].join(', ')})`,
        });
      }
      const staffing = staffingSettingsProblem(queue.channel, queue.staffing);
      if (staffing) ctx.addIssue({ code: 'custom', path: ['queues', index, 'staffing', 'patienceSeconds'], message: staffing });
      if (queue.source?.kind === 'demo' && !config.demo) {
        ctx.addIssue({ code: 'custom', path: ['queues', index, 'source'], message: 'is demo, but the file has no demo section' });
      }
    });
  })
  // Every queue names its source once the file is read: one that names none is fed by the demo when the file
  // has a demo section, else through the HTTP ingest API. Nothing downstream defaults it again.
  .transform((config) => {
    const fallback = config.demo ? ('demo' as const) : ('push' as const);
    return {
      ...config,
      queues: config.queues.map(({ ownWindows, ...queue }) => ({
        ...queue,
        source: queue.source ?? { kind: fallback },
        windows: resolveQueueWindows(queue.channel, ownWindows, config.windows),
      })),
    };
  });
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof GatewayConfigSchema>;
/** A queue as the gateway runs it: its source always named. */
export type ResolvedQueue = GatewayConfig['queues'][number];

function reportDuplicates(values: string[], list: string, ctx: z.RefinementCtx, field = 'id'): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message: `duplicates ${field} "${value}"` });
    seen.add(value);
  });
}

function checkIngestGrants(config: { queues: readonly ConfiguredQueue[]; ingest: { keys: ReadonlyArray<{ queues?: string[]; teams?: string[] }> } }, ctx: z.RefinementCtx): void {
  const queueIds = new Set(config.queues.map((q) => q.id));
  const teams = new Set(config.queues.map((q) => q.team.name));
  config.ingest.keys.forEach((key, index) => {
    key.queues?.forEach((queueId, i) => {
      if (!queueIds.has(queueId)) ctx.addIssue({ code: 'custom', path: ['ingest', 'keys', index, 'queues', i], message: `names queue "${queueId}", which is not among the queues` });
    });
    key.teams?.forEach((team, i) => {
      if (!teams.has(team)) ctx.addIssue({ code: 'custom', path: ['ingest', 'keys', index, 'teams', i], message: `names team "${team}", which no queue belongs to (${[...teams].join(', ')})` });
    });
  });
}
