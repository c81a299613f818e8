import type Database from 'better-sqlite3';
import type { ThresholdKey, ThresholdRecord, ThresholdScope, ThresholdValue } from '../../shared/health/threshold-record';
import type { MetricId } from '../../shared/metrics';
import type { AuditLog } from './audit-log';

/** A stored override: its key and value (shared/health/threshold-record.ts) and who changed it last. */
export interface ThresholdRow extends ThresholdRecord {
  version: number;
  updatedAt: number;
  updatedBy: string;
}

export class ConflictError extends Error {
  constructor(
    readonly key: ThresholdKey,
    readonly currentVersion: number | null,
  ) {
    super(
      `${describe(key)} was changed by someone else (now version ${currentVersion ?? 'deleted'}); reload it and apply your change again`,
    );
    this.name = 'ConflictError';
  }
}

interface Row {
  scope: ThresholdScope;
  scope_id: string;
  /** Written only after validation, so always a metric id. */
  metric: MetricId;
  profile: string;
  warning: number;
  critical: number;
  pending_seconds: number | null;
  recovery_seconds: number | null;
  version: number;
  updated_at: number;
  updated_by: string;
}

/**
 * Threshold overrides with optimistic concurrency: a change names the version it was based on and is
 * refused if someone else saved in between. Every change is audited in the same transaction.
 */
export class ThresholdStore {
  private readonly select;
  private readonly upsert;
  private readonly delete;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditLog,
  ) {
    this.select = db.prepare('SELECT * FROM thresholds WHERE scope = ? AND scope_id = ? AND metric = ? AND profile = ?');
    this.upsert = db.prepare(
      `INSERT INTO thresholds (scope, scope_id, metric, profile, warning, critical, pending_seconds, recovery_seconds, version, updated_at, updated_by)
       VALUES (@scope, @scopeId, @metric, @profile, @warning, @critical, @pendingSeconds, @recoverySeconds, @version, @updatedAt, @updatedBy)
       ON CONFLICT (scope, scope_id, metric, profile) DO UPDATE SET warning = excluded.warning, critical = excluded.critical,
         pending_seconds = excluded.pending_seconds, recovery_seconds = excluded.recovery_seconds, version = excluded.version,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    this.delete = db.prepare('DELETE FROM thresholds WHERE scope = ? AND scope_id = ? AND metric = ? AND profile = ?');
  }

  list(): ThresholdRow[] {
    return (this.db.prepare('SELECT * FROM thresholds ORDER BY scope, scope_id, metric, profile').all() as Row[]).map(toRow);
  }

  /** Creates (expectedVersion null) or changes a threshold; throws ConflictError on a stale version. */
  put(
    value: ThresholdKey & ThresholdValue,
    expectedVersion: number | null,
    actor: string,
    at: number,
    action = 'threshold.put',
  ): ThresholdRow {
    return this.db.transaction(() => {
      const current = this.current(value);
      if ((current?.version ?? null) !== expectedVersion) throw new ConflictError(value, current?.version ?? null);
      const next: ThresholdRow = { ...value, version: (current?.version ?? 0) + 1, updatedAt: at, updatedBy: actor };
      this.upsert.run(next);
      this.audit.append({ at, actor, action, subject: describe(value), before: current, after: next });
      return next;
    })();
  }

  remove(key: ThresholdKey, expectedVersion: number, actor: string, at: number, action = 'threshold.remove'): void {
    this.db.transaction(() => {
      const current = this.current(key);
      if (!current || current.version !== expectedVersion) throw new ConflictError(key, current?.version ?? null);
      this.delete.run(key.scope, key.scopeId, key.metric, key.profile);
      this.audit.append({ at, actor, action, subject: describe(key), before: current, after: null });
    })();
  }

  /**
   * Applies several changes in one transaction, all or nothing: the first conflict rolls back the rest.
   * `value: null` removes the override. Each change is audited under `action`.
   */
  applyBatch(
    changes: ReadonlyArray<{ key: ThresholdKey; value: ThresholdValue | null; expectedVersion: number | null }>,
    actor: string,
    at: number,
    action: string,
  ): void {
    this.db.transaction(() => {
      for (const { key, value, expectedVersion } of changes) {
        if (value) this.put({ ...key, ...value }, expectedVersion, actor, at, action);
        else if (expectedVersion === null) throw new ConflictError(key, this.current(key)?.version ?? null);
        else this.remove(key, expectedVersion, actor, at, action);
      }
    })();
  }

  /** Where threshold changes are in the audit: its highest entry id, a revision that only goes up. */
  revision(): number {
    const row = this.db.prepare("SELECT MAX(id) AS id FROM audit_log WHERE action LIKE 'threshold.%'").get() as { id: number | null };
    return row.id ?? 0;
  }

  current(key: ThresholdKey): ThresholdRow | null {
    const row = this.select.get(key.scope, key.scopeId, key.metric, key.profile) as Row | undefined;
    return row ? toRow(row) : null;
  }
}

function describe(key: ThresholdKey): string {
  return `threshold ${key.scope}${key.scopeId ? `:${key.scopeId}` : ''}/${key.metric}${key.profile ? ` (${key.profile})` : ''}`;
}

function toRow(row: Row): ThresholdRow {
  return {
    scope: row.scope,
    scopeId: row.scope_id,
    metric: row.metric,
    profile: row.profile,
    warning: row.warning,
    critical: row.critical,
    pendingSeconds: row.pending_seconds,
    recoverySeconds: row.recovery_seconds,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
