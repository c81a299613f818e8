import type Database from 'better-sqlite3';

export type HistoryMetrics = Readonly<Record<string, number | null>>;
/** What to read: only these queues (all when absent), and at most this many rows. */
export interface HistoryRead {
  queueIds?: readonly string[];
  maxRows?: number;
}
export interface HistoryPoint {
  at: number;
  metrics: HistoryMetrics;
}

/** One value per queue per minute; the gateway keeps 24 hours of it. */
export class MetricHistory {
  private readonly upsert;
  private readonly writeMinute;
  private readonly readAll;
  private readonly readQueues;

  constructor(private readonly db: Database.Database) {
    // Metrics are stored as JSON: the catalogue grows without a migration, and a point is read whole.
    this.upsert = db.prepare(
      `INSERT INTO metric_history (queue_id, minute, metrics) VALUES (?, ?, ?)
       ON CONFLICT (queue_id, minute) DO UPDATE SET metrics = excluded.metrics`,
    );
    this.readAll = db.prepare('SELECT queue_id, minute, metrics FROM metric_history WHERE minute >= ? ORDER BY queue_id, minute LIMIT ?');
    // The list travels as one JSON parameter: one prepared statement whatever its length, on the (queue_id, minute) key.
    this.readQueues = db.prepare(
      'SELECT queue_id, minute, metrics FROM metric_history WHERE minute >= ? AND queue_id IN (SELECT value FROM json_each(?)) ORDER BY queue_id, minute LIMIT ?',
    );
    this.writeMinute = db.transaction((minute: number, entries: ReadonlyArray<{ queueId: string; metrics: HistoryMetrics }>) => {
      for (const { queueId, metrics } of entries) this.upsert.run(queueId, minute, JSON.stringify(metrics));
    });
  }

  /** Writes every queue's values for one minute in one transaction; the last write in a minute wins. */
  recordMinute(minuteStartMs: number, entries: ReadonlyArray<{ queueId: string; metrics: HistoryMetrics }>): void {
    this.writeMinute(minuteStartMs, entries);
  }

  /**
   * Points from `cutoffMs` on, by queue: only the queues asked for when `queueIds` is given (narrowed in the
   * SQL, so other queues' rows are never read), and at most `maxRows` rows (in queue, then minute order).
   */
  since(cutoffMs: number, { queueIds, maxRows }: HistoryRead = {}): Map<string, HistoryPoint[]> {
    const limit = maxRows ?? -1; // SQLite: a negative LIMIT is no limit
    const rows = (queueIds ? this.readQueues.all(cutoffMs, JSON.stringify(queueIds), limit) : this.readAll.all(cutoffMs, limit)) as Array<{ queue_id: string; minute: number; metrics: string }>;
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
