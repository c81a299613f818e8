import type Database from 'better-sqlite3';

/** Fifteen minutes: the resolution of the weeks-long history and of the baseline's slots. */
export const QUARTER_MS = 15 * 60_000;
/** Eight weeks of slots, and the day of slack a slot's week-old twin needs: the baseline learns from 8 weeks. */
export const QUARTER_RETENTION_MS = (8 * 7 + 1) * 24 * 3_600_000;
/** How many rows one queue may hold at most: the size bound of the table is this times the number of queues. */
export const QUARTERS_PER_QUEUE = QUARTER_RETENTION_MS / QUARTER_MS;

/** One queue's quarter hour: arrivals and departures within it, backlog and agents online as it ended. */
export interface QuarterRow {
  readonly queueId: string;
  /** The slot's start, epoch ms, a multiple of QUARTER_MS. */
  readonly slot: number;
  readonly inflow: number;
  readonly outflow: number;
  readonly backlog: number | null;
  readonly agentsOnline: number | null;
}

interface StoredRow {
  queue_id: string;
  slot: number;
  inflow: number;
  outflow: number;
  backlog: number | null;
  agents_online: number | null;
}

/** The quarter-hour history in SQLite: written a slot at a time by the loop, read whole by the baseline at start. */
export class QuarterHistory {
  private readonly upsert;
  private readonly writeRows;
  private readonly readSince;
  private readonly deleteBefore;
  private readonly countRows;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO quarter_history (queue_id, slot, inflow, outflow, backlog, agents_online) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (queue_id, slot) DO UPDATE SET inflow = excluded.inflow, outflow = excluded.outflow,
         backlog = excluded.backlog, agents_online = excluded.agents_online`,
    );
    this.readSince = db.prepare('SELECT queue_id, slot, inflow, outflow, backlog, agents_online FROM quarter_history WHERE slot >= ? ORDER BY queue_id, slot');
    this.deleteBefore = db.prepare('DELETE FROM quarter_history WHERE slot < ?');
    this.countRows = db.prepare('SELECT COUNT(*) AS n FROM quarter_history');
    this.writeRows = db.transaction((rows: readonly QuarterRow[]) => {
      for (const r of rows) this.upsert.run(r.queueId, r.slot, r.inflow, r.outflow, r.backlog, r.agentsOnline);
    });
  }

  /** Writes rows in one transaction; a slot written again (a replayed past) replaces the earlier row. */
  record(rows: readonly QuarterRow[]): void {
    if (rows.length > 0) this.writeRows(rows);
  }

  /** Rows from `cutoffMs` on, in queue then slot order. */
  since(cutoffMs: number): QuarterRow[] {
    return (this.readSince.all(cutoffMs) as StoredRow[]).map((r) => ({
      queueId: r.queue_id,
      slot: r.slot,
      inflow: r.inflow,
      outflow: r.outflow,
      backlog: r.backlog,
      agentsOnline: r.agents_online,
    }));
  }

  /** Deletes slots before `cutoffMs`; returns how many rows went. */
  prune(cutoffMs: number): number {
    return this.deleteBefore.run(cutoffMs).changes;
  }

  size(): number {
    return (this.countRows.get() as { n: number }).n;
  }
}

/** The start of the slot holding `at`. */
export function slotOf(at: number): number {
  return Math.floor(at / QUARTER_MS) * QUARTER_MS;
}
