import type Database from 'better-sqlite3';
import type { DeadLetter, DeadLetterList, NewDeadLetter } from './dead-letters';
import type { OutboundEvent } from './outbound-event';

interface Row {
  id: number;
  target_id: string;
  event: string;
  attempts: number;
  last_error: string;
  failed_at: number;
}

/** The dead-letter list in SQLite (table webhook_dead_letters, store migration 9): it survives a restart. */
export class DeadLetterStore implements DeadLetterList {
  private readonly insert;
  private readonly trim;
  private readonly byId;
  private readonly remove;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO webhook_dead_letters (target_id, event_id, kind, event, attempts, last_error, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.trim = db.prepare('DELETE FROM webhook_dead_letters WHERE id <= (SELECT id FROM webhook_dead_letters ORDER BY id DESC LIMIT 1 OFFSET ?)');
    this.byId = db.prepare('SELECT * FROM webhook_dead_letters WHERE id = ?');
    this.remove = db.prepare('DELETE FROM webhook_dead_letters WHERE id = ?');
  }

  add(entry: NewDeadLetter, limit: number): number {
    return this.db.transaction(() => {
      const id = Number(this.insert.run(entry.targetId, entry.event.id, entry.event.kind, JSON.stringify(entry.event), entry.attempts, entry.lastError, entry.failedAt).lastInsertRowid);
      this.trim.run(limit);
      return id;
    })();
  }

  list(limit: number): DeadLetter[] {
    return (this.db.prepare('SELECT * FROM webhook_dead_letters ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toDeadLetter);
  }

  get(id: number): DeadLetter | null {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toDeadLetter(row) : null;
  }

  take(id: number): DeadLetter | null {
    return this.db.transaction(() => {
      const row = this.byId.get(id) as Row | undefined;
      if (!row) return null;
      this.remove.run(id);
      return toDeadLetter(row);
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM webhook_dead_letters').get() as { n: number }).n;
  }
}

function toDeadLetter(row: Row): DeadLetter {
  // Written from a validated event by this class only.
  const event = JSON.parse(row.event) as OutboundEvent;
  return { id: row.id, targetId: row.target_id, event, attempts: row.attempts, lastError: row.last_error, failedAt: row.failed_at };
}
