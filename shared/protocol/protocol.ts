import { z } from 'zod';
import { BroadcastSchema } from './broadcast-protocol';
import { METRIC_IDS, MetricIdSchema, MetricValuesSchema } from '../metrics';
import { OfficeSchema, QueueGroupSchema, QueueSchema, SlugSchema } from '../model';
import { StaffingOutlookSchema } from './staffing-outlook';
import { UsualInflowSchema } from './usual-inflow';
import { STORE_REFUSAL_CODES } from './store-refusals';

/**
 * The socket.io protocol between the gateway and every screen, defined once.
 * Bump PROTOCOL_VERSION on any change a peer of the previous version could misread;
 * the gateway refuses a handshake with another version and says which one it speaks.
 */
export const PROTOCOL_VERSION = 6;
// 4: CSAT (every metrics object carries csat and csatRatings), and the snapshot's optional office and queue
//    `names` per language, a queue's percentile `windows` and its `ungraded` metrics. A protocol-3 screen
//    would refuse metrics objects with fields it does not know; a protocol-4 screen needs csat.
// 3: the slaBreached metric (every metrics object carries it), queue groups in the snapshot, and the
//    handshake's `encoding` (compact updates). A protocol-2 screen would drop the new metric and refuse
//    alerts on it, and a protocol-3 screen would refuse a protocol-2 snapshot without it: both sides move.

/** The largest message, either way, the gateway takes: above it the connection is closed unanswered (engine.io's limit). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const LevelSchema = z.enum(['ok', 'warning', 'critical']);
const epochMs = z.number().int().nonnegative();

export const QUEUE_STATUSES = ['ok', 'warning', 'critical', 'no-data', 'stale'] as const;

export const StaleSchema = z.object({
  /**
   * `no-recent-data`: nothing arrived for longer than the queue's limit; `source-down`: its source said so;
   * `rate-limited`: the helpdesk asked the gateway to wait (the message says until when).
   */
  reason: z.enum(['no-recent-data', 'source-down', 'rate-limited']),
  /** A sentence for people, e.g. "Zendesk answered 503 three times in a row". */
  message: z.string().max(500),
  /** The status the queue had before it went stale, shown greyed as "last known". */
  lastStatus: z.enum(['ok', 'warning', 'critical', 'no-data']),
});

export const AtRiskSchema = z.object({
  /** The metric projected to reach critical first. */
  metric: MetricIdSchema,
  /** Whole minutes until it does at the current pace. */
  minutes: z.number().int().min(0),
});

export const QueueHealthSchema = z.object({
  status: z.enum(QUEUE_STATUSES),
  /** The debounced level of each graded metric that has a value. */
  metrics: z.partialRecord(MetricIdSchema, LevelSchema),
  /** Set exactly when status is `stale`. */
  stale: StaleSchema.nullable(),
  /** A breach projected within the gateway's horizon, or null. */
  atRisk: AtRiskSchema.nullable(),
});
export type QueueHealthMessage = z.infer<typeof QueueHealthSchema>;

/** `volume`: inflow against the usual for the time (the graded inflowVsUsual), opened and resolved like a threshold. */
export const ALERT_KINDS = ['threshold', 'at-risk', 'volume'] as const;

/** An alert: opened by a transition to warning, critical or at risk; acknowledged, snoozed; resolved on recovery. */
export const AlertSchema = z.object({
  id: z.string().min(1).max(100),
  queueId: SlugSchema,
  kind: z.enum(ALERT_KINDS),
  metric: MetricIdSchema,
  /** The metric's level now (at-risk alerts are warnings). A worse level opens a new alert. */
  level: z.enum(['warning', 'critical']),
  /** The metric's value when the alert opened, and the threshold it reached (critical for at-risk). */
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  /** For at-risk alerts: minutes to the projected breach when it opened. */
  projectedMinutes: z.number().int().min(0).nullable(),
  openedAt: epochMs,
  resolvedAt: epochMs.nullable(),
  /** Why it ended: the metric recovered, a worse level replaced it, or the rule behind it went away. */
  resolution: z.enum(['recovered', 'escalated', 'breached', 'rule-removed']).nullable(),
  acknowledged: z.object({ by: z.string().max(120), at: epochMs, note: z.string().max(500).nullable() }).nullable(),
  snoozed: z.object({ by: z.string().max(120), at: epochMs, until: epochMs }).nullable(),
  /** The incident it opened under (its queue was affected, the incident open); absent or null otherwise. */
  incidentId: z.string().min(1).max(100).nullable().optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** Everything a screen knows about one queue's current state. */
export const QueueStateSchema = z.object({
  queueId: SlugSchema,
  metrics: MetricValuesSchema,
  health: QueueHealthSchema,
  /** When the source last reported this queue (gateway clock, epoch ms); null before the first report. */
  updatedAt: epochMs.nullable(),
  /** Agents needed against agents online, and the SLA outlook (shared/protocol/staffing-outlook.ts); null with nothing to go on. */
  staffing: StaffingOutlookSchema.nullable().optional(),
  /** The usual inflow for now and the learning state (absent from gateways before it); null: no baseline. */
  usual: UsualInflowSchema.nullable().optional(),
});
export type QueueState = z.infer<typeof QueueStateSchema>;

/** Only what changed since the previous update; absent fields are unchanged. */
export const QueueStatePatchSchema = z.object({
  queueId: SlugSchema,
  metrics: MetricValuesSchema.partial().optional(),
  health: QueueHealthSchema.optional(),
  updatedAt: epochMs.nullable().optional(),
  staffing: StaffingOutlookSchema.nullable().optional(),
  usual: UsualInflowSchema.nullable().optional(),
});
export type QueueStatePatch = z.infer<typeof QueueStatePatchSchema>;

export const SnapshotSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Gateway clock when the snapshot was taken; screens use it to correct their own clock skew. */
  serverTime: epochMs,
  /** Sequence number of the last update folded into this snapshot; the next update carries seq + 1. */
  seq: z.number().int().nonnegative(),
  offices: z.array(OfficeSchema),
  queues: z.array(QueueSchema),
  /** Named sets of queues a wall can show alone (`?group=ID`); absent from gateways before groups existed. */
  groups: z.array(QueueGroupSchema).optional(),
  states: z.array(QueueStateSchema),
  /** Every alert not yet resolved. */
  alerts: z.array(AlertSchema),
  /** Every broadcast not yet ended (then the `broadcasts` event); absent from gateways before broadcasts. */
  broadcasts: z.array(BroadcastSchema).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const UpdateSchema = z.object({
  serverTime: epochMs,
  /** Increases by one per update; a screen that sees a gap asks for a fresh snapshot with `resync`. */
  seq: z.number().int().positive(),
  changes: z.array(QueueStatePatchSchema),
  /** Alerts opened, changed or resolved since the previous update (a resolved one is sent once, then forgotten). */
  alerts: z.array(AlertSchema).optional(),
}).refine((u) => u.changes.length > 0 || (u.alerts?.length ?? 0) > 0, { message: 'must carry at least one change or alert' });
export type Update = z.infer<typeof UpdateSchema>;

/**
 * Sent when a second has passed with nothing else to send: a screen that hears nothing at all for
 * SILENCE_LIMIT_MS knows its gateway or network has gone silent, even if no socket closed.
 */
export const HeartbeatSchema = z.object({ serverTime: epochMs });
export type Heartbeat = z.infer<typeof HeartbeatSchema>;
export const HEARTBEAT_EVERY_MS = 1000;
export const SILENCE_LIMIT_MS = 3000;

/** Sent by the gateway when it refused something a client sent; `issues` name the field and the rule. */
export const RejectionSchema = z.object({
  event: z.string(),
  issues: z.array(z.string()),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const CLIENT_KINDS = ['wall', 'desk', 'settings', 'web'] as const;

/**
 * How the gateway sends `update` to this screen: `json`, the readable form above (the default), or
 * `compact` (shared/protocol/compact-update.ts), the same update with queues and metrics as indices.
 * Screens asking for `compact` still accept a readable update.
 */
export const UPDATE_ENCODINGS = ['json', 'compact'] as const;
export type UpdateEncoding = (typeof UPDATE_ENCODINGS)[number];

/** socket.io handshake `auth` payload. */
export const HandshakeSchema = z.object({
  protocol: z.number().int(),
  client: z.enum(CLIENT_KINDS),
  /** The screen's token: its role (display, lead, manager) and the name its actions are recorded under. */
  token: z.string().min(1).max(512).optional(),
  encoding: z.enum(UPDATE_ENCODINGS, { error: `must be one of ${UPDATE_ENCODINGS.map((e) => `"${e}"`).join(', ')} (default "json")` }).optional(),
});
export type Handshake = z.infer<typeof HandshakeSchema>;

/** The error `data` the gateway attaches when it refuses a handshake. */
export const HandshakeRefusalSchema = z.object({
  code: z.enum(['protocol-mismatch', 'bad-handshake', 'unauthorized', 'bad-token', 'revoked-token', 'too-many-attempts']),
  message: z.string(),
  serverProtocol: z.number().int(),
  /** With too-many-attempts: seconds until the screen may try again (it waits, counts down and retries). */
  retryAfter: z.number().int().min(0).max(86_400).optional(),
});
export type HandshakeRefusal = z.infer<typeof HandshakeRefusalSchema>;

export const HISTORY_RESOLUTION_MS = 60_000;
export const HISTORY_MAX_SPAN_MS = 24 * 3_600_000;

/** A screen's request for recent history (e.g. for sparklines after a reconnect). */
export const HistoryRequestSchema = z
  .object({
    /** How far back, in ms: one minute to 24 h. */
    spanMs: z.number().int().min(HISTORY_RESOLUTION_MS, 'must be at least 60000 (one minute, in ms)').max(HISTORY_MAX_SPAN_MS, 'must be at most 24 h in ms'),
    metrics: z.array(MetricIdSchema).min(1).max(METRIC_IDS.length),
    /** Only these queues; absent means every queue. */
    queueIds: z.array(SlugSchema).max(1000).optional(),
  })
  .strict();
export type HistoryRequest = z.infer<typeof HistoryRequestSchema>;

/** One value per minute per metric, in columns: `at[i]` is the start of the minute of each `values[m][i]`. */
export const QueueHistorySchema = z.object({
  queueId: SlugSchema,
  at: z.array(epochMs),
  values: z.partialRecord(MetricIdSchema, z.array(z.number().nullable())),
});
export type QueueHistory = z.infer<typeof QueueHistorySchema>;

/** The largest `history` answer the gateway sends: well inside a screen's 4 MiB send allowance, and an hour of one metric for ~400 queues. */
export const HISTORY_MAX_ANSWER_BYTES = 512 * 1024;
/** `history` requests one connection may send per minute by default (`limits.historyRequestsPerMinute`); a screen asks once per connection. */
export const HISTORY_REQUESTS_PER_MINUTE = 10;

/**
 * Why a `history` request was refused: `invalid` (a field broke its rule), `too-large` (the answer would be
 * over HISTORY_MAX_ANSWER_BYTES: ask for fewer queues, metrics or a shorter span), `too-often` (more than
 * the gateway's `limits.historyRequestsPerMinute` in a minute on this connection; `retryAfter` says when to ask again),
 * `unavailable` (the store could not be read just now; try again).
 */
export const HISTORY_REFUSAL_CODES = ['invalid', 'too-large', 'too-often', 'unavailable'] as const;

export const HistoryResponseSchema = z.union([
  z.object({ ok: z.literal(true), resolutionMs: z.literal(HISTORY_RESOLUTION_MS), queues: z.array(QueueHistorySchema) }),
  z.object({
    ok: z.literal(false),
    code: z.enum(HISTORY_REFUSAL_CODES),
    issues: z.array(z.string()),
    /** With `too-often`: whole seconds until this connection may ask again. */
    retryAfter: z.number().int().min(0).max(3600).optional(),
  }),
]);
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

const NOTE_MAX = 500;
/** Longest snooze: a week. Longer silences belong in the thresholds, where they are audited as such. */
export const MAX_SNOOZE_MS = 7 * 24 * 3_600_000;

export const AcknowledgeRequestSchema = z
  .object({
    alertId: z.string().min(1).max(100),
    note: z.string().trim().max(NOTE_MAX, `must be at most ${NOTE_MAX} characters`).optional(),
  })
  .strict();
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequestSchema>;

export const SnoozeRequestSchema = z
  .object({
    alertId: z.string().min(1).max(100),
    /** Epoch ms, gateway clock; in the future and at most a week ahead. */
    until: epochMs,
  })
  .strict();
export type SnoozeRequest = z.infer<typeof SnoozeRequestSchema>;

export const COMMAND_ERROR_CODES = ['invalid', 'not-found', 'already-resolved', 'forbidden', 'conflict', 'unavailable', ...STORE_REFUSAL_CODES] as const;

/** The answer to every command, through the acknowledgement callback. */
export const CommandResultSchema = z.union([
  z.object({ ok: z.literal(true), alert: AlertSchema.optional() }),
  z.object({ ok: z.literal(false), code: z.enum(COMMAND_ERROR_CODES), issues: z.array(z.string()) }),
]);
export type CommandResult = z.infer<typeof CommandResultSchema>;
