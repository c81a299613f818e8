import type Database from 'better-sqlite3';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { Clock } from '../runtime/clock';

interface EventRow {
  source_id: string;
  event_id: string;
  type: TicketEvent['type'];
  ticket_id: string;
  queue_id: string | null;
  at: number;
  /** 1 or 0 on a rated event, null on every other. */
  satisfied: number | null;
}

interface ReadingRow {
  source_id: string;
  queue_id: string;
  at: number;
  backlog: number | null;
  agents_online: number | null;
  oldest_waiting_seconds: number | null;
  sla_breached: number | null;
}

interface CheckpointRow {
  taken_at: number;
  events_upto: number;
  readings_upto: number;
  state: string;
}

/** The latest checkpoint of the engine: its state (JSON) and what it covers. */
export interface Checkpoint {
  takenAt: number;
  state: string;
}

/**
 * The durable record of pushed input: the latest checkpoint of the engine's state plus the tail of input
 * since it. A batch is one transaction, idempotent on (source, event id) through `input_keys`, which keeps
 * every key for a horizon after arrival even once a checkpoint has absorbed the event itself. Restoring the
 * checkpoint and replaying the tail in arrival order rebuilds the metric engine exactly as it was.
 */
export class EventLog {
  private readonly insertKey;
  private readonly insertEvent;
  private readonly insertReading;
  private readonly appendAll;
  private readonly writeCheckpoint;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.insertKey = db.prepare('INSERT OR IGNORE INTO input_keys (source_id, kind, input_id, received_at) VALUES (?, ?, ?, ?)');
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO events (source_id, event_id, type, ticket_id, queue_id, at, satisfied) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertReading = db.prepare(
      `INSERT OR IGNORE INTO readings (source_id, reading_id, queue_id, at, backlog, agents_online, oldest_waiting_seconds, sla_breached)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.appendAll = db.transaction((sourceId: string, events: readonly TicketEvent[]) => {
      const accepted: TicketEvent[] = [];
      const now = this.clock.now();
      for (const event of events) {
        if (this.insertKey.run(sourceId, 'event', event.eventId, now).changes === 0) continue;
        const satisfied = event.satisfied === undefined ? null : Number(event.satisfied);
        const inserted = this.insertEvent.run(sourceId, event.eventId, event.type, event.ticketId, event.queueId ?? null, event.at, satisfied);
        if (inserted.changes === 1) accepted.push(event);
      }
      return accepted;
    });
    this.writeCheckpoint = db.transaction((state: string, takenAt: number, deleteCovered: boolean) => {
      const eventsUpto = this.maxSeq('events');
      const readingsUpto = this.maxSeq('readings');
      db.prepare(
        `INSERT INTO engine_checkpoint (id, taken_at, events_upto, readings_upto, state) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET taken_at = excluded.taken_at, events_upto = excluded.events_upto,
           readings_upto = excluded.readings_upto, state = excluded.state`,
      ).run(takenAt, eventsUpto, readingsUpto, state);
      if (!deleteCovered) return { events: 0, readings: 0 };
      const events = db.prepare('DELETE FROM events WHERE seq <= ?').run(eventsUpto).changes;
      const readings = db.prepare('DELETE FROM readings WHERE seq <= ?').run(readingsUpto).changes;
      return { events, readings };
    });
  }

  appendBatch(sourceId: string, events: readonly TicketEvent[]): { accepted: TicketEvent[]; duplicates: number } {
    const accepted = this.appendAll(sourceId, events);
    return { accepted, duplicates: events.length - accepted.length };
  }

  appendReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean } {
    if (reading.readingId !== undefined && this.insertKey.run(sourceId, 'reading', reading.readingId, this.clock.now()).changes === 0) {
      return { accepted: false };
    }
    const result = this.insertReading.run(
      sourceId,
      reading.readingId ?? null,
      queueId,
      reading.at,
      reading.backlog ?? null,
      reading.agentsOnline ?? null,
      reading.oldestWaitingSeconds ?? null,
      reading.slaBreached ?? null,
    );
    return { accepted: result.changes === 1 };
  }

  /** The latest checkpoint, or null before the first one. */
  checkpoint(): Checkpoint | null {
    const row = this.db.prepare('SELECT taken_at, events_upto, readings_upto, state FROM engine_checkpoint WHERE id = 1').get() as CheckpointRow | undefined;
    return row ? { takenAt: row.taken_at, state: row.state } : null;
  }

  /**
   * Writes `state` as the checkpoint of everything appended so far and deletes the input it covers, in one
   * transaction: the caller passes the state of an engine that has applied exactly that input.
   */
  compact(state: string, options: { deleteCovered?: boolean } = {}): { events: number; readings: number } {
    return this.writeCheckpoint(state, this.clock.now(), options.deleteCovered ?? true);
  }

  /**
   * Deletes at most `limit` rows of input the checkpoint covers (left by `compact(state, { deleteCovered:
   * false })`), oldest first, in one short transaction; returns how many went. Replay skips such rows, so
   * a gateway stopped before they are all gone restarts right.
   */
  deleteCovered(limit: number): number {
    const row = this.db.prepare('SELECT events_upto, readings_upto FROM engine_checkpoint WHERE id = 1').get() as Pick<CheckpointRow, 'events_upto' | 'readings_upto'> | undefined;
    if (!row) return 0;
    return this.db.transaction(() => {
      const events = this.db.prepare('DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE seq <= ? ORDER BY seq LIMIT ?)').run(row.events_upto, limit).changes;
      const readings = this.db.prepare('DELETE FROM readings WHERE seq IN (SELECT seq FROM readings WHERE seq <= ? ORDER BY seq LIMIT ?)').run(row.readings_upto, limit).changes;
      return events + readings;
    })();
  }

  /** Forgets idempotency keys that arrived before `cutoff`: a batch retried after that counts again. */
  pruneKeys(cutoff: number): number {
    return this.db.prepare('DELETE FROM input_keys WHERE received_at < ?').run(cutoff).changes;
  }

  /** Events after the checkpoint, in the order they were accepted. */
  *replay(): Iterable<{ sourceId: string; event: TicketEvent }> {
    const rows = this.db
      .prepare('SELECT source_id, event_id, type, ticket_id, queue_id, at, satisfied FROM events WHERE seq > ? ORDER BY seq')
      .iterate(this.covered('events_upto')) as Iterable<EventRow>;
    for (const row of rows) {
      const event: TicketEvent = { eventId: row.event_id, type: row.type, ticketId: row.ticket_id, at: row.at };
      if (row.queue_id !== null) event.queueId = row.queue_id;
      if (row.satisfied !== null) event.satisfied = row.satisfied === 1;
      yield { sourceId: row.source_id, event };
    }
  }

  /** Readings after the checkpoint, in the order they were accepted. */
  *replayReadings(): Iterable<{ sourceId: string; queueId: string; reading: QueueReadingInput }> {
    const rows = this.db
      .prepare('SELECT source_id, queue_id, at, backlog, agents_online, oldest_waiting_seconds, sla_breached FROM readings WHERE seq > ? ORDER BY seq')
      .iterate(this.covered('readings_upto')) as Iterable<ReadingRow>;
    for (const row of rows) {
      const reading: QueueReadingInput = { at: row.at };
      if (row.backlog !== null) reading.backlog = row.backlog;
      if (row.agents_online !== null) reading.agentsOnline = row.agents_online;
      if (row.oldest_waiting_seconds !== null) reading.oldestWaitingSeconds = row.oldest_waiting_seconds;
      if (row.sla_breached !== null) reading.slaBreached = row.sla_breached;
      yield { sourceId: row.source_id, queueId: row.queue_id, reading };
    }
  }

  counts(): { events: number; readings: number; keys: number } {
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { events: count('events'), readings: count('readings'), keys: count('input_keys') };
  }

  /** The last seq of a table the checkpoint covers (0 before the first): rows up to it are not replayed. */
  private covered(column: 'events_upto' | 'readings_upto'): number {
    const row = this.db.prepare(`SELECT ${column} AS n FROM engine_checkpoint WHERE id = 1`).get() as { n: number } | undefined;
    return row?.n ?? 0;
  }

  private maxSeq(table: 'events' | 'readings'): number {
    return (this.db.prepare(`SELECT COALESCE(MAX(seq), 0) AS n FROM ${table}`).get() as { n: number }).n;
  }
}
