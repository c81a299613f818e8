import type Database from 'better-sqlite3';
import type { AuditLog } from './audit-log';

export interface StoredAlert {
  id: string;
  queueId: string;
  metric: string;
  level: string;
  value: number | null;
  threshold: number | null;
  openedAt: number;
  resolvedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  ackNote: string | null;
  snoozedUntil: number | null;
  snoozedBy: string | null;
}

export type NewAlert = Pick<StoredAlert, 'id' | 'queueId' | 'metric' | 'level' | 'value' | 'threshold' | 'openedAt'>;

type Row = { [K in keyof StoredAlert as SnakeCase<K & string>]: StoredAlert[K] };
type SnakeCase<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}` : S;

/** Alerts and what people did about them; acknowledgements and snoozes are audited in the same transaction. */
export class AlertStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditLog,
  ) {}

  open(alert: NewAlert): StoredAlert {
    this.db
      .prepare(
        `INSERT INTO alerts (id, queue_id, metric, level, value, threshold, opened_at)
         VALUES (@id, @queueId, @metric, @level, @value, @threshold, @openedAt)`,
      )
      .run(alert);
    return this.get(alert.id)!;
  }

  acknowledge(id: string, by: string, note: string | null, at: number): StoredAlert {
    return this.change(id, by, at, 'alert.acknowledge', 'UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ?, ack_note = ? WHERE id = ?', [by, at, note, id]);
  }

  snooze(id: string, until: number, by: string, at: number): StoredAlert {
    return this.change(id, by, at, 'alert.snooze', 'UPDATE alerts SET snoozed_until = ?, snoozed_by = ? WHERE id = ?', [until, by, id]);
  }

  resolve(id: string, at: number): StoredAlert {
    return this.change(id, 'gateway', at, 'alert.resolve', 'UPDATE alerts SET resolved_at = ? WHERE id = ?', [at, id]);
  }

  listOpen(): StoredAlert[] {
    return (this.db.prepare('SELECT * FROM alerts WHERE resolved_at IS NULL ORDER BY opened_at').all() as Row[]).map(toAlert);
  }

  get(id: string): StoredAlert | null {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
    return row ? toAlert(row) : null;
  }

  private change(id: string, actor: string, at: number, action: string, sql: string, params: unknown[]): StoredAlert {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw new Error(`No alert with id "${id}"`);
      this.db.prepare(sql).run(...params);
      const after = this.get(id)!;
      this.audit.append({ at, actor, action, subject: `alert ${id} (${before.queueId}/${before.metric})`, before, after });
      return after;
    })();
  }
}

function toAlert(row: Row): StoredAlert {
  return {
    id: row.id,
    queueId: row.queue_id,
    metric: row.metric,
    level: row.level,
    value: row.value,
    threshold: row.threshold,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    ackNote: row.ack_note,
    snoozedUntil: row.snoozed_until,
    snoozedBy: row.snoozed_by,
  };
}
