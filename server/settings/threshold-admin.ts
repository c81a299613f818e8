import { ThresholdOverrideSchema, type HealthSettings, type ThresholdOverride } from '../../shared/health/threshold-model';
import {
  sameThresholdValue,
  thresholdKeyId,
  thresholdKeyOf,
  thresholdRecordOf,
  thresholdValueOf,
  type ThresholdValue,
} from '../../shared/health/threshold-record';
import {
  THRESHOLD_FILE_FORMAT,
  ThresholdFileSchema,
  type AdminResult,
  type AuditEntryMessage,
  type ThresholdChange,
  type ThresholdFile,
  type ThresholdKey,
  type ThresholdState,
} from '../../shared/protocol/admin-protocol';
import { describeIssues } from '../../shared/protocol/validation';
import type { Clock } from '../runtime/clock';
import type { AuditEntry } from '../store/audit-log';
import { ConflictError, type ThresholdRow } from '../store/threshold-store';

/** The parts of the store threshold administration needs. */
export interface ThresholdPersistence {
  thresholds: {
    list(): ThresholdRow[];
    current(key: ThresholdKey): ThresholdRow | null;
    revision(): number;
    applyBatch(changes: ReadonlyArray<{ key: ThresholdKey; value: ThresholdValue | null; expectedVersion: number | null }>, actor: string, at: number, action: string): void;
  };
  audit: { list(options: { limit: number; beforeId?: number }): AuditEntry[]; get(id: number): AuditEntry | null };
}

export interface ThresholdAdminOptions {
  /** Null when the gateway runs without a database: thresholds then cannot be changed. */
  store: ThresholdPersistence | null;
  health: HealthSettings;
  offices: ReadonlySet<string>;
  queues: ReadonlySet<string>;
  clock: Clock;
  /** Called with the overrides in force after every change, so health is judged by them at once. */
  applied: (overrides: readonly ThresholdOverride[], state: ThresholdState) => void;
}

type Failure = Extract<AdminResult, { ok: false }>;
const REVERTIBLE = /^threshold\./;

/**
 * What managers do to thresholds: save a set of changes, import or export a file, read the audit and
 * revert a change. Everything is validated before anything is written, written in one transaction with
 * its audit entries, and checked against the version the manager started from.
 */
export class ThresholdAdmin {
  constructor(private readonly options: ThresholdAdminOptions) {}

  state(): ThresholdState {
    const { store, health } = this.options;
    return {
      revision: store?.thresholds.revision() ?? 0,
      overrides: store?.thresholds.list() ?? [],
      profiles: health.profiles,
      pendingSeconds: health.pendingSeconds,
      recoverySeconds: health.recoverySeconds,
    };
  }

  save(changes: readonly ThresholdChange[], actor: string): AdminResult {
    const issues = changes.flatMap((change, i) => this.validate(change.key, change.value, `changes[${i}]`));
    const seen = new Set<string>();
    changes.forEach((change, i) => {
      const id = thresholdKeyId(change.key);
      if (seen.has(id)) issues.push(`changes[${i}].key: changes the same threshold as an earlier change`);
      seen.add(id);
    });
    if (issues.length > 0) return { ok: false, code: 'invalid', issues };
    return this.apply(changes, actor, 'threshold.put');
  }

  exportFile(): ThresholdFile {
    return {
      format: THRESHOLD_FILE_FORMAT,
      version: 1,
      exportedAt: new Date(this.options.clock.now()).toISOString(),
      overrides: this.state().overrides.map(thresholdRecordOf),
    };
  }

  /** Replaces every override with the file's. The whole file is checked first; nothing is applied on any problem. */
  importFile(file: unknown, expectedRevision: number, actor: string): AdminResult {
    const store = this.options.store;
    if (!store) return unavailable();
    const parsed = ThresholdFileSchema.safeParse(file);
    if (!parsed.success) return { ok: false, code: 'invalid', issues: describeIssues(parsed.error.issues).map((i) => `file.${i}`) };
    const issues = parsed.data.overrides.flatMap((o, i) => this.checkScope(o, `file.overrides[${i}]`));
    const wanted = new Map<string, ThresholdOverride>();
    parsed.data.overrides.forEach((o, i) => {
      if (wanted.has(thresholdKeyId(o))) issues.push(`file.overrides[${i}]: sets the same threshold as an earlier entry`);
      wanted.set(thresholdKeyId(o), o);
    });
    if (issues.length > 0) return { ok: false, code: 'invalid', issues };
    const revision = store.thresholds.revision();
    if (revision !== expectedRevision) return conflict(`thresholds changed since you loaded them (revision ${expectedRevision}, now ${revision}); reload and import again`);

    const current = new Map(store.thresholds.list().map((row) => [thresholdKeyId(row), row]));
    const changes: ThresholdChange[] = [];
    for (const [id, o] of wanted) {
      const row = current.get(id);
      const value = thresholdValueOf(o);
      if (row && sameThresholdValue(row, value)) continue;
      changes.push({ key: thresholdKeyOf(o), value, expectedVersion: row?.version ?? null });
    }
    for (const [id, row] of current) if (!wanted.has(id)) changes.push({ key: thresholdKeyOf(row), value: null, expectedVersion: row.version });
    if (changes.length === 0) return { ok: true, revision, applied: 0 };
    return this.apply(changes, actor, 'threshold.import');
  }

  auditList(limit: number, beforeId?: number): AuditEntryMessage[] {
    return (this.options.store?.audit.list({ limit, beforeId }) ?? []).map((entry) => ({ ...entry, revertible: REVERTIBLE.test(entry.action) }));
  }

  /** Puts a threshold back as it was before an audited change, if nobody changed it since. */
  revert(auditId: number, actor: string): AdminResult {
    const store = this.options.store;
    if (!store) return unavailable();
    const entry = store.audit.get(auditId);
    if (!entry) return { ok: false, code: 'not-found', issues: [`auditId: no audit entry ${auditId}`] };
    if (!REVERTIBLE.test(entry.action)) return { ok: false, code: 'invalid', issues: [`auditId: entry ${auditId} is "${entry.action}", which cannot be reverted`] };
    const before = entry.before as ThresholdRow | null;
    const after = entry.after as ThresholdRow | null;
    const key = thresholdKeyOf((after ?? before)!);
    const current = store.thresholds.current(key);
    if ((current?.version ?? null) !== (after?.version ?? null)) {
      return conflict(`${entry.subject} was changed again after entry ${auditId}; revert the later change first`);
    }
    // Entries written before recovery periods existed have none: the gateway's default.
    const value: ThresholdValue | null = before && thresholdValueOf({ ...before, recoverySeconds: before.recoverySeconds ?? null });
    if (!value && !current) return { ok: true, revision: store.thresholds.revision(), applied: 0 };
    return this.apply([{ key, value, expectedVersion: current?.version ?? null }], actor, 'threshold.revert');
  }

  private apply(changes: readonly ThresholdChange[], actor: string, action: string): AdminResult {
    const store = this.options.store;
    if (!store) return unavailable();
    try {
      store.thresholds.applyBatch(changes, actor, this.options.clock.now(), action);
    } catch (error) {
      if (error instanceof ConflictError) return conflict(error.message);
      throw error;
    }
    const state = this.state();
    this.options.applied(state.overrides.map((o) => ThresholdOverrideSchema.parse(thresholdRecordOf(o))), state);
    return { ok: true, revision: state.revision, applied: changes.length };
  }

  private validate(key: ThresholdKey, value: ThresholdChange['value'], path: string): string[] {
    if (!value) return this.checkScope(key, `${path}.key`);
    const parsed = ThresholdOverrideSchema.safeParse({ ...key, ...value });
    const issues = parsed.success ? [] : describeIssues(parsed.error.issues).map((i) => `${path}.value.${i}`);
    return [...issues, ...this.checkScope(key, `${path}.key`)];
  }

  private checkScope(key: Pick<ThresholdKey, 'scope' | 'scopeId' | 'profile'>, path: string): string[] {
    const issues: string[] = [];
    const known = key.scope === 'office' ? this.options.offices : key.scope === 'queue' ? this.options.queues : null;
    if (known && !known.has(key.scopeId)) issues.push(`${path}.scopeId: "${key.scopeId}" is not a configured ${key.scope}`);
    const profiles = this.options.health.profiles.map((p) => p.id);
    if (key.profile && !profiles.includes(key.profile)) {
      issues.push(`${path}.profile: "${key.profile}" is not a configured profile (${profiles.join(', ') || 'none configured'})`);
    }
    return issues;
  }
}

function conflict(issue: string): Failure {
  return { ok: false, code: 'conflict', issues: [issue] };
}

function unavailable(): Failure {
  return { ok: false, code: 'unavailable', issues: ['this gateway runs without a database, so thresholds cannot be changed'] };
}
