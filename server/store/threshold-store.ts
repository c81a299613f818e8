import type Database from 'better-sqlite3';
import type { AuditLog } from './audit-log';

export type ThresholdScope = 'default' | 'office' | 'queue';

export interface ThresholdKey {
  scope: ThresholdScope;
  /** The office or queue id; empty for the default scope. */
  scopeId: string;
  metric: string;
}

export interface ThresholdRow extends ThresholdKey {
  warning: number;
  critical: number;
  pendingSeconds: number | null;
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
  metric: string;
  warning: number;
  critical: number;
  pending_seconds: number | null;
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
    this.select = db.prepare('SELECT * FROM thresholds WHERE scope = ? AND scope_id = ? AND metric = ?');
    this.upsert = db.prepare(
      `INSERT INTO thresholds (scope, scope_id, metric, warning, critical, pending_seconds, version, updated_at, updated_by)
       VALUES (@scope, @scopeId, @metric, @warning, @critical, @pendingSeconds, @version, @updatedAt, @updatedBy)
       ON CONFLICT (scope, scope_id, metric) DO UPDATE SET warning = excluded.warning, critical = excluded.critical,
         pending_seconds = excluded.pending_seconds, version = excluded.version, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
    this.delete = db.prepare('DELETE FROM thresholds WHERE scope = ? AND scope_id = ? AND metric = ?');
  }

  list(): ThresholdRow[] {
    return (this.db.prepare('SELECT * FROM thresholds ORDER BY scope, scope_id, metric').all() as Row[]).map(toRow);
  }

  /** Creates (expectedVersion null) or changes a threshold; throws ConflictError on a stale version. */
  put(
    value: ThresholdKey & { warning: number; critical: number; pendingSeconds: number | null },
    expectedVersion: number | null,
    actor: string,
    at: number,
  ): ThresholdRow {
    return this.db.transaction(() => {
      const current = this.current(value);
      if ((current?.version ?? null) !== expectedVersion) throw new ConflictError(value, current?.version ?? null);
      const next: ThresholdRow = { ...value, version: (current?.version ?? 0) + 1, updatedAt: at, updatedBy: actor };
      this.upsert.run(next);
      this.audit.append({ at, actor, action: 'threshold.put', subject: describe(value), before: current, after: next });
      return next;
    })();
  }

  remove(key: ThresholdKey, expectedVersion: number, actor: string, at: number): void {
    this.db.transaction(() => {
      const current = this.current(key);
      if (!current || current.version !== expectedVersion) throw new ConflictError(key, current?.version ?? null);
      this.delete.run(key.scope, key.scopeId, key.metric);
      this.audit.append({ at, actor, action: 'threshold.remove', subject: describe(key), before: current, after: null });
    })();
  }

  private current(key: ThresholdKey): ThresholdRow | null {
    const row = this.select.get(key.scope, key.scopeId, key.metric) as Row | undefined;
    return row ? toRow(row) : null;
  }
}

function describe(key: ThresholdKey): string {
  return `threshold ${key.scope}${key.scopeId ? `:${key.scopeId}` : ''}/${key.metric}`;
}

function toRow(row: Row): ThresholdRow {
  return {
    scope: row.scope,
    scopeId: row.scope_id,
    metric: row.metric,
    warning: row.warning,
    critical: row.critical,
    pendingSeconds: row.pending_seconds,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
