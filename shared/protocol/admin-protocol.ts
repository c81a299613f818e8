import { z } from 'zod';
import { DEFAULT_HEALTH_SETTINGS, HealthProfileSchema, ThresholdOverrideSchema } from '../health/threshold-model';
import { ThresholdKeySchema, ThresholdValueSchema } from '../health/threshold-record';
import { STORE_REFUSAL_CODES } from './store-refusals';

/**
 * Roles, threshold administration and the audit trail: the part of the socket protocol the settings pane
 * speaks. Who may do what is decided by the gateway from the token behind each connection.
 */
export const ROLES = ['display', 'lead', 'manager'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const RANK: Readonly<Record<Role, number>> = { display: 0, lead: 1, manager: 2 };
/** Whether `role` may do what needs `needed`: a manager may do what a lead may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

const epochMs = z.number().int().nonnegative();

/** Who this connection is, sent once after the handshake. */
export const SessionSchema = z.object({ role: RoleSchema, name: z.string() });
export type Session = z.infer<typeof SessionSchema>;

export { ThresholdKeySchema, type ThresholdKey } from '../health/threshold-record';

/** A stored override with who last changed it; `version` goes up by one per change. */
export const StoredOverrideSchema = z.object({
  ...ThresholdKeySchema.shape,
  ...ThresholdValueSchema.shape,
  version: z.number().int().positive(),
  updatedAt: epochMs,
  updatedBy: z.string(),
});
export type StoredOverride = z.infer<typeof StoredOverrideSchema>;

/** Everything the settings pane needs; sent to every screen on connect and after each change. */
export const ThresholdStateSchema = z.object({
  /** Goes up with every saved change, import or revert. */
  revision: z.number().int().nonnegative(),
  overrides: z.array(StoredOverrideSchema),
  profiles: z.array(HealthProfileSchema),
  pendingSeconds: z.number(),
  recoverySeconds: z.number(),
});
export type ThresholdState = z.infer<typeof ThresholdStateSchema>;

/**
 * One change in a save: set the levels for a key, or remove its override (`value: null`). `expectedVersion`
 * is the version the editor started from (null for a new override): a concurrent edit makes it a conflict.
 */
export const ThresholdChangeSchema = z
  .object({
    key: ThresholdKeySchema,
    value: ThresholdValueSchema.nullable(),
    expectedVersion: z.number().int().positive().nullable(),
  })
  .strict();
export type ThresholdChange = z.output<typeof ThresholdChangeSchema>;
export type ThresholdChangeInput = z.input<typeof ThresholdChangeSchema>;

export const SaveThresholdsRequestSchema = z
  .object({
    changes: z.array(ThresholdChangeSchema).min(1, 'must hold at least one change').max(2000, 'must hold at most 2000 changes'),
  })
  .strict();
export type SaveThresholdsRequest = z.input<typeof SaveThresholdsRequestSchema>;

/** The file format of an export, and what an import takes. */
export const THRESHOLD_FILE_FORMAT = 'queueboard-thresholds';
export const ThresholdFileSchema = z
  .object({
    format: z.literal(THRESHOLD_FILE_FORMAT, { error: `must be "${THRESHOLD_FILE_FORMAT}"` }),
    version: z.literal(1, { error: 'must be 1' }),
    exportedAt: z.string().optional(),
    overrides: z.array(ThresholdOverrideSchema).max(10_000),
  })
  .strict();
export type ThresholdFile = z.input<typeof ThresholdFileSchema>;

export const ImportThresholdsRequestSchema = z
  .object({
    file: z.unknown(),
    /** The revision the importer looked at: an import over someone else's newer change is a conflict. */
    expectedRevision: z.number().int().nonnegative(),
  })
  .strict();

export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: epochMs,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Whether "revert" can undo it (threshold changes). */
  revertible: z.boolean(),
});
export type AuditEntryMessage = z.infer<typeof AuditEntrySchema>;

export const AuditListRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    beforeId: z.number().int().positive().optional(),
  })
  .strict();

export const RevertRequestSchema = z.object({ auditId: z.number().int().positive() }).strict();

export const AdminResultSchema = z.union([
  z.object({ ok: z.literal(true), revision: z.number().int().nonnegative(), applied: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    code: z.enum(['invalid', 'forbidden', 'conflict', 'not-found', 'unavailable', ...STORE_REFUSAL_CODES]),
    issues: z.array(z.string()),
  }),
]);
export type AdminResult = z.infer<typeof AdminResultSchema>;

export const AuditListResultSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.array(AuditEntrySchema) }),
  z.object({ ok: z.literal(false), code: z.enum(['invalid', 'forbidden', 'unavailable', ...STORE_REFUSAL_CODES]), issues: z.array(z.string()) }),
]);
export type AuditListResult = z.infer<typeof AuditListResultSchema>;

export const ExportResultSchema = z.union([
  z.object({ ok: z.literal(true), file: ThresholdFileSchema }),
  z.object({ ok: z.literal(false), code: z.string(), issues: z.array(z.string()) }),
]);
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const DEFAULT_THRESHOLD_STATE: ThresholdState = {
  revision: 0,
  overrides: [],
  profiles: [],
  pendingSeconds: DEFAULT_HEALTH_SETTINGS.pendingSeconds,
  recoverySeconds: DEFAULT_HEALTH_SETTINGS.recoverySeconds,
};
