import type Database from 'better-sqlite3';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';

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

/**
 * The durable record of pushed input. A batch is one transaction, idempotent on (source, event id);
 * replaying the log in arrival order rebuilds the metric engine exactly as it was.
 */
export class EventLog {
  private readonly insertEvent;
  private readonly openTicket;
  private readonly closeTicket;
  private readonly insertReading;
  private readonly appendAll;

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO events (source_id, event_id, type, ticket_id, queue_id, at, satisfied) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.openTicket = db.prepare(
      `INSERT INTO open_tickets (ticket_id, queue_id, opened_at) VALUES (?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET queue_id = excluded.queue_id`,
    );
    this.closeTicket = db.prepare('DELETE FROM open_tickets WHERE ticket_id = ?');
    this.insertReading = db.prepare(
      `INSERT OR IGNORE INTO readings (source_id, reading_id, queue_id, at, backlog, agents_online, oldest_waiting_seconds, sla_breached)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.appendAll = db.transaction((sourceId: string, events: readonly TicketEvent[]) => {
      const accepted: TicketEvent[] = [];
      for (const event of events) {
        const satisfied = event.satisfied === undefined ? null : Number(event.satisfied);
        const inserted = this.insertEvent.run(sourceId, event.eventId, event.type, event.ticketId, event.queueId ?? null, event.at, satisfied);
        if (inserted.changes === 0) continue;
        accepted.push(event);
        // A rating neither opens nor closes a ticket.
        if (event.type === 'rated') continue;
        if (event.type === 'solved') this.closeTicket.run(event.ticketId);
        else if (event.queueId !== undefined) this.openTicket.run(event.ticketId, event.queueId, event.at);
      }
      return accepted;
    });
  }

  appendBatch(sourceId: string, events: readonly TicketEvent[]): { accepted: TicketEvent[]; duplicates: number } {
    const accepted = this.appendAll(sourceId, events);
    return { accepted, duplicates: events.length - accepted.length };
  }

  appendReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean } {
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

  /** Retained events in the order they were accepted. */
  *replay(): Iterable<{ sourceId: string; event: TicketEvent }> {
    const rows = this.db.prepare('SELECT source_id, event_id, type, ticket_id, queue_id, at, satisfied FROM events ORDER BY seq').iterate() as Iterable<EventRow>;
    for (const row of rows) {
      const event: TicketEvent = { eventId: row.event_id, type: row.type, ticketId: row.ticket_id, at: row.at };
      if (row.queue_id !== null) event.queueId = row.queue_id;
      if (row.satisfied !== null) event.satisfied = row.satisfied === 1;
      yield { sourceId: row.source_id, event };
    }
  }

  /** Retained readings in the order they were accepted. */
  *replayReadings(): Iterable<{ sourceId: string; queueId: string; reading: QueueReadingInput }> {
    const rows = this.db
      .prepare('SELECT source_id, queue_id, at, backlog, agents_online, oldest_waiting_seconds, sla_breached FROM readings ORDER BY seq')
      .iterate() as Iterable<ReadingRow>;
    for (const row of rows) {
      const reading: QueueReadingInput = { at: row.at };
      if (row.backlog !== null) reading.backlog = row.backlog;
      if (row.agents_online !== null) reading.agentsOnline = row.agents_online;
      if (row.oldest_waiting_seconds !== null) reading.oldestWaitingSeconds = row.oldest_waiting_seconds;
      if (row.sla_breached !== null) reading.slaBreached = row.sla_breached;
      yield { sourceId: row.source_id, queueId: row.queue_id, reading };
    }
  }

  /**
   * Deletes events older than `cutoff`, except those of tickets still open (a ticket open for a week is
   * still rebuilt after a restart) and ratings since `ratingsCutoff` (the CSAT window outlasts the others),
   * and readings older than `cutoff` except each queue's latest value of each field.
   */
  prune(cutoff: number, ratingsCutoff = cutoff): { events: number; readings: number } {
    const events = this.db
      .prepare("DELETE FROM events WHERE at < ? AND ticket_id NOT IN (SELECT ticket_id FROM open_tickets) AND NOT (type = 'rated' AND at >= ?)")
      .run(cutoff, ratingsCutoff).changes;
    const readings = this.db
      .prepare(
        `DELETE FROM readings WHERE at < ? AND seq NOT IN (
           SELECT MAX(seq) FROM readings WHERE backlog IS NOT NULL GROUP BY queue_id
           UNION SELECT MAX(seq) FROM readings WHERE agents_online IS NOT NULL GROUP BY queue_id
           UNION SELECT MAX(seq) FROM readings WHERE oldest_waiting_seconds IS NOT NULL GROUP BY queue_id
           UNION SELECT MAX(seq) FROM readings WHERE sla_breached IS NOT NULL GROUP BY queue_id)`,
      )
      .run(cutoff).changes;
    return { events, readings };
  }

  counts(): { events: number; openTickets: number; readings: number } {
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { events: count('events'), openTickets: count('open_tickets'), readings: count('readings') };
  }
}
