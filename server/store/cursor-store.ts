import type Database from 'better-sqlite3';

/** A connector's cursor as it was saved: the helpdesk's own value and when it was saved (epoch ms). */
export interface SavedCursor {
  readonly value: string;
  readonly savedAt: number;
}

/** What a connector reads its cursors from at start and saves them through (tests pass a Map-backed one). */
export interface CursorPersistence {
  read(sourceId: string, name: string): SavedCursor | null;
  save(sourceId: string, name: string, value: string, savedAt: number): void;
}

/**
 * Connector cursors (migration 11): per connection and cursor name, where the helpdesk was read up to. In the
 * store, so a restarted gateway, or the one taking the lease (the table is shipped to PostgreSQL and loaded
 * with the rest), resumes there instead of re-reading its backfill window.
 */
export class CursorStore implements CursorPersistence {
  private readonly select;
  private readonly upsert;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT value, saved_at AS savedAt FROM connector_cursors WHERE source_id = ? AND name = ?');
    this.upsert = db.prepare(
      'INSERT INTO connector_cursors (source_id, name, value, saved_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (source_id, name) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at',
    );
  }

  read(sourceId: string, name: string): SavedCursor | null {
    return (this.select.get(sourceId, name) as SavedCursor | undefined) ?? null;
  }

  save(sourceId: string, name: string, value: string, savedAt: number): void {
    this.upsert.run(sourceId, name, value, savedAt);
  }
}
