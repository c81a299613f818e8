import { z } from 'zod';
import { METRIC_IDS, MetricIdSchema, MetricValuesSchema } from '../metrics';
import { OfficeSchema, QueueSchema, SlugSchema } from '../model';

/**
 * The socket.io protocol between the gateway and every screen, defined once.
 * Bump PROTOCOL_VERSION on any change a peer of the previous version could misread;
 * the gateway refuses a handshake with another version and says which one it speaks.
 */
export const PROTOCOL_VERSION = 1;

const LevelSchema = z.enum(['ok', 'warning', 'critical']);

export const QueueHealthSchema = z.object({
  status: z.enum(['ok', 'warning', 'critical', 'no-data']),
  /** The level of each graded metric that has a value. */
  metrics: z.partialRecord(MetricIdSchema, LevelSchema),
});

const epochMs = z.number().int().nonnegative();

/** Everything a screen knows about one queue's current state. */
export const QueueStateSchema = z.object({
  queueId: SlugSchema,
  metrics: MetricValuesSchema,
  health: QueueHealthSchema,
  /** When the source last reported this queue (gateway clock, epoch ms); null before the first report. */
  updatedAt: epochMs.nullable(),
});
export type QueueState = z.infer<typeof QueueStateSchema>;

/** Only what changed since the previous update; absent fields are unchanged. */
export const QueueStatePatchSchema = z.object({
  queueId: SlugSchema,
  metrics: MetricValuesSchema.partial().optional(),
  health: QueueHealthSchema.optional(),
  updatedAt: epochMs.nullable().optional(),
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
  states: z.array(QueueStateSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const UpdateSchema = z.object({
  serverTime: epochMs,
  /** Increases by one per update; a screen that sees a gap asks for a fresh snapshot with `resync`. */
  seq: z.number().int().positive(),
  changes: z.array(QueueStatePatchSchema).min(1),
});
export type Update = z.infer<typeof UpdateSchema>;

/** Sent by the gateway when it refused something a client sent; `issues` name the field and the rule. */
export const RejectionSchema = z.object({
  event: z.string(),
  issues: z.array(z.string()),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const CLIENT_KINDS = ['wall', 'desk', 'settings', 'web'] as const;

/** socket.io handshake `auth` payload. */
export const HandshakeSchema = z.object({
  protocol: z.number().int(),
  client: z.enum(CLIENT_KINDS),
  /** Role tokens arrive with the roles issue; accepted and ignored until then. */
  token: z.string().max(512).optional(),
});
export type Handshake = z.infer<typeof HandshakeSchema>;

/** The error `data` the gateway attaches when it refuses a handshake. */
export const HandshakeRefusalSchema = z.object({
  code: z.enum(['protocol-mismatch', 'bad-handshake']),
  message: z.string(),
  serverProtocol: z.number().int(),
});
export type HandshakeRefusal = z.infer<typeof HandshakeRefusalSchema>;

export const HISTORY_RESOLUTION_MS = 60_000;
export const HISTORY_MAX_SPAN_MS = 24 * 3_600_000;

/** A screen's request for recent history (e.g. for sparklines after a reconnect). */
export const HistoryRequestSchema = z
  .object({
    /** How far back, at most 24 h. */
    spanMs: z.number().int().min(HISTORY_RESOLUTION_MS).max(HISTORY_MAX_SPAN_MS, 'must be at most 24 h in ms'),
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

export const HistoryResponseSchema = z.union([
  z.object({ ok: z.literal(true), resolutionMs: z.literal(HISTORY_RESOLUTION_MS), queues: z.array(QueueHistorySchema) }),
  z.object({ ok: z.literal(false), issues: z.array(z.string()) }),
]);
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  update: (update: Update) => void;
  rejected: (rejection: Rejection) => void;
}

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (after a sequence gap or a long sleep). */
  resync: () => void;
  /** Minute history from the gateway's store; answered through the acknowledgement callback. */
  history: (request: HistoryRequest, reply: (response: HistoryResponse) => void) => void;
}
