import type Database from 'better-sqlite3';

export type HistoryMetrics = Readonly<Record<string, number | null>>;
export interface HistoryPoint {
  at: number;
  metrics: HistoryMetrics;
}

/** One value per queue per minute; the gateway keeps 24 hours of it. */
export class MetricHistory {
  private readonly upsert;
  private readonly writeMinute;

  constructor(private readonly db: Database.Database) {
    // Metrics are stored as JSON: the catalogue grows without a migration, and a point is read whole.
    this.upsert = db.prepare(
      `INSERT INTO metric_history (queue_id, minute, metrics) VALUES (?, ?, ?)
       ON CONFLICT (queue_id, minute) DO UPDATE SET metrics = excluded.metrics`,
    );
    this.writeMinute = db.transaction((minute: number, entries: ReadonlyArray<{ queueId: string; metrics: HistoryMetrics }>) => {
      for (const { queueId, metrics } of entries) this.upsert.run(queueId, minute, JSON.stringify(metrics));
    });
  }

  /** Writes every queue's values for one minute in one transaction; the last write in a minute wins. */
  recordMinute(minuteStartMs: number, entries: ReadonlyArray<{ queueId: string; metrics: HistoryMetrics }>): void {
    this.writeMinute(minuteStartMs, entries);
  }

  since(cutoffMs: number): Map<string, HistoryPoint[]> {
    const rows = this.db
      .prepare('SELECT queue_id, minute, metrics FROM metric_history WHERE minute >= ? ORDER BY queue_id, minute')
      .all(cutoffMs) as Array<{ queue_id: string; minute: number; metrics: string }>;
    const byQueue = new Map<string, HistoryPoint[]>();
    for (const row of rows) {
      const points = byQueue.get(row.queue_id) ?? [];
      points.push({ at: row.minute, metrics: JSON.parse(row.metrics) as HistoryMetrics });
      byQueue.set(row.queue_id, points);
    }
    return byQueue;
  }

  prune(cutoffMs: number): number {
    return this.db.prepare('DELETE FROM metric_history WHERE minute < ?').run(cutoffMs).changes;
  }
}
