import type Database from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  before: string | null;
  after: string | null;
}

/** Who changed what and when, old → new. Other stores append inside their own transactions. */
export class AuditLog {
  private readonly insert;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  }

  append(entry: NewAuditEntry): number {
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    return Number(this.insert.run(entry.at, entry.actor, entry.action, entry.subject, json(entry.before), json(entry.after)).lastInsertRowid);
  }

  /** Newest first; `beforeId` pages back. */
  list(options: { limit: number; beforeId?: number }): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(options.beforeId ?? Number.MAX_SAFE_INTEGER, options.limit) as AuditRow[];
    return rows.map(toEntry);
  }

  get(id: number): AuditEntry | null {
    const row = this.db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as AuditRow | undefined;
    return row ? toEntry(row) : null;
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}
