import type Database from 'better-sqlite3';
import type { BroadcastContent, BroadcastPersistence, BroadcastRecord, EndReason } from '../broadcasts/broadcast-record';
import type { AuditLog } from './audit-log';

interface Row {
  id: string;
  content: string;
  posted_by: string;
  posted_at: number;
  edited_by: string | null;
  edited_at: number | null;
}

/**
 * Broadcasts (migration 7). Posting, editing and ending by a person are audited in the same transaction
 * (who, when, before, after); an expiry only marks the row, so the timeline of an incident can still read it.
 */
export class BroadcastStore implements BroadcastPersistence {
  private readonly insert;
  private readonly update;
  private readonly finish;
  private readonly selectOpen;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditLog,
  ) {
    this.insert = db.prepare('INSERT INTO broadcasts (id, content, posted_by, posted_at) VALUES (@id, @content, @posted_by, @posted_at)');
    this.update = db.prepare('UPDATE broadcasts SET content = @content, edited_by = @edited_by, edited_at = @edited_at WHERE id = @id AND ended_at IS NULL');
    this.finish = db.prepare('UPDATE broadcasts SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
    this.selectOpen = db.prepare('SELECT id, content, posted_by, posted_at, edited_by, edited_at FROM broadcasts WHERE ended_at IS NULL ORDER BY posted_at, id');
  }

  open(): BroadcastRecord[] {
    return (this.selectOpen.all() as Row[]).map((row) => ({
      id: row.id,
      content: JSON.parse(row.content) as BroadcastContent,
      postedBy: row.posted_by,
      postedAt: row.posted_at,
      edited: row.edited_by === null || row.edited_at === null ? null : { by: row.edited_by, at: row.edited_at },
    }));
  }

  post(record: BroadcastRecord, actor: string, at: number): void {
    this.db.transaction(() => {
      this.insert.run({ id: record.id, content: JSON.stringify(record.content), posted_by: record.postedBy, posted_at: record.postedAt });
      this.audit.append({ at, actor, action: 'broadcast.post', subject: subject(record), before: null, after: record.content });
    })();
  }

  edit(before: BroadcastRecord, after: BroadcastRecord, actor: string, at: number): void {
    this.db.transaction(() => {
      this.update.run({ id: after.id, content: JSON.stringify(after.content), edited_by: actor, edited_at: at });
      this.audit.append({ at, actor, action: 'broadcast.edit', subject: subject(after), before: before.content, after: after.content });
    })();
  }

  end(record: BroadcastRecord, reason: EndReason, actor: string | null, at: number): void {
    this.db.transaction(() => {
      this.finish.run(at, actor, reason, record.id);
      if (actor !== null) {
        this.audit.append({ at, actor, action: 'broadcast.end', subject: subject(record), before: record.content, after: { ...record.content, endedAt: at } });
      }
    })();
  }
}

function subject(record: BroadcastRecord): string {
  return `broadcast ${record.id}`;
}
