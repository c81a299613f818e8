import type Database from 'better-sqlite3';
import type { Alert } from '../../shared/protocol/protocol';
import type { AuditLog } from './audit-log';

interface Row {
  id: string;
  queue_id: string;
  kind: Alert['kind'];
  metric: Alert['metric'];
  level: Alert['level'];
  value: number | null;
  threshold: number | null;
  projected_minutes: number | null;
  opened_at: number;
  resolved_at: number | null;
  resolution: Alert['resolution'];
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  ack_note: string | null;
  snoozed_until: number | null;
  snoozed_by: string | null;
  snoozed_at: number | null;
  incident_id: string | null;
}

/**
 * Alerts and what people did about them. What a person does (acknowledge, snooze) is audited in the same
 * transaction; what the gateway does (open, escalate, resolve) is the alert's own history.
 */
export class AlertStore {
  private readonly upsert;
  private readonly select;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditLog,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO alerts (id, queue_id, kind, metric, level, value, threshold, projected_minutes, opened_at, resolved_at, resolution,
         acknowledged_by, acknowledged_at, ack_note, snoozed_until, snoozed_by, snoozed_at, incident_id)
       VALUES (@id, @queue_id, @kind, @metric, @level, @value, @threshold, @projected_minutes, @opened_at, @resolved_at, @resolution,
         @acknowledged_by, @acknowledged_at, @ack_note, @snoozed_until, @snoozed_by, @snoozed_at, @incident_id)
       ON CONFLICT (id) DO UPDATE SET level = excluded.level, resolved_at = excluded.resolved_at, resolution = excluded.resolution,
         acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at, ack_note = excluded.ack_note,
         snoozed_until = excluded.snoozed_until, snoozed_by = excluded.snoozed_by, snoozed_at = excluded.snoozed_at`,
    );
    this.select = db.prepare('SELECT * FROM alerts WHERE id = ?');
  }

  /** Records an alert as the gateway sees it now (opened, escalated, resolved). */
  save(alert: Alert): void {
    this.upsert.run(toRow(alert));
  }

  /** Records what a person did to an alert, with the audit entry, in one transaction. */
  saveByPerson(alert: Alert, actor: string, action: string, at: number): void {
    this.db.transaction(() => {
      const before = this.get(alert.id);
      this.upsert.run(toRow(alert));
      this.audit.append({ at, actor, action, subject: `alert ${alert.id} (${alert.queueId}/${alert.metric})`, before, after: alert });
    })();
  }

  listOpen(): Alert[] {
    return (this.db.prepare('SELECT * FROM alerts WHERE resolved_at IS NULL ORDER BY opened_at, id').all() as Row[]).map(toAlert);
  }

  /** Most recent first, resolved ones included: the alert history. */
  listRecent(limit: number): Alert[] {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY opened_at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toAlert);
  }

  get(id: string): Alert | null {
    const row = this.select.get(id) as Row | undefined;
    return row ? toAlert(row) : null;
  }
}

function toRow(a: Alert): Row {
  return {
    id: a.id,
    queue_id: a.queueId,
    kind: a.kind,
    metric: a.metric,
    level: a.level,
    value: a.value,
    threshold: a.threshold,
    projected_minutes: a.projectedMinutes,
    opened_at: a.openedAt,
    resolved_at: a.resolvedAt,
    resolution: a.resolution,
    acknowledged_by: a.acknowledged?.by ?? null,
    acknowledged_at: a.acknowledged?.at ?? null,
    ack_note: a.acknowledged?.note ?? null,
    snoozed_until: a.snoozed?.until ?? null,
    snoozed_by: a.snoozed?.by ?? null,
    snoozed_at: a.snoozed?.at ?? null,
    incident_id: a.incidentId ?? null,
  };
}

function toAlert(r: Row): Alert {
  return {
    id: r.id,
    queueId: r.queue_id,
    kind: r.kind,
    metric: r.metric,
    level: r.level,
    value: r.value,
    threshold: r.threshold,
    projectedMinutes: r.projected_minutes,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    acknowledged: r.acknowledged_by !== null && r.acknowledged_at !== null ? { by: r.acknowledged_by, at: r.acknowledged_at, note: r.ack_note } : null,
    snoozed: r.snoozed_until !== null && r.snoozed_by !== null ? { by: r.snoozed_by, at: r.snoozed_at ?? r.snoozed_until, until: r.snoozed_until } : null,
    ...(r.incident_id === null ? {} : { incidentId: r.incident_id }),
  };
}
