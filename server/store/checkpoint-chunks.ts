import type Database from 'better-sqlite3';

/**
 * Characters of checkpoint text per stored chunk: one INSERT of it takes a few milliseconds on 2 shared
 * cores, where a flood's whole checkpoint (57 MB) took 617 ms in one statement.
 */
export const CHECKPOINT_CHUNK_CHARS = 256 * 1024;

/** A checkpoint being written a chunk at a time: it covers the input up to these sequence numbers. */
export interface PendingCheckpoint {
  readonly generation: number;
  readonly eventsUpto: number;
  readonly readingsUpto: number;
  chunks: number;
}

/**
 * The checkpoint's text as numbered chunks of a generation (migration 10), so that writing it is many short
 * statements with the event loop running between them. A generation counts only once `engine_checkpoint`
 * names it, in one short transaction; until then the previous checkpoint stays the one read, so a gateway
 * killed half-way restarts from the previous checkpoint and its tail. Chunks of any other generation (the
 * one replaced, one left half-written) are deleted a few at a time afterwards.
 */
export class CheckpointChunks {
  private readonly insert;
  private readonly select;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO engine_checkpoint_chunks (generation, idx, text) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT text FROM engine_checkpoint_chunks WHERE generation = ? ORDER BY idx').pluck();
  }

  /** A new generation covering everything appended so far (the caller holds input until this returns). */
  start(): PendingCheckpoint {
    const max = (sql: string) => (this.db.prepare(sql).pluck().get() as number | null) ?? 0;
    const generation = Math.max(max('SELECT MAX(generation) FROM engine_checkpoint_chunks'), max('SELECT MAX(generation) FROM engine_checkpoint')) + 1;
    return {
      generation,
      eventsUpto: max('SELECT MAX(seq) FROM events'),
      readingsUpto: max('SELECT MAX(seq) FROM readings'),
      chunks: 0,
    };
  }

  /** Stores the next chunk of the pending checkpoint's text (its own short transaction). */
  write(pending: PendingCheckpoint, text: string): void {
    this.insert.run(pending.generation, pending.chunks, text);
    pending.chunks++;
  }

  /** The whole text of a generation, its chunks in order. */
  read(generation: number): string {
    return (this.select.all(generation) as string[]).join('');
  }

  /** Deletes at most `limit` chunks not of `current` (null: a checkpoint kept in one row); returns how many went. */
  deleteStale(current: number | null, limit: number): number {
    return this.db
      .prepare('DELETE FROM engine_checkpoint_chunks WHERE rowid IN (SELECT rowid FROM engine_checkpoint_chunks WHERE generation IS NOT ? LIMIT ?)')
      .run(current, limit).changes;
  }
}

/**
 * `text` cut into pieces of `size` characters (one more or less where needed), never between the two halves of a surrogate pair
 * (an emoji in a ticket id), which would not survive the conversion to UTF-8 on its own.
 */
export function* chunksOf(text: string, size = CHECKPOINT_CHUNK_CHARS): Generator<string> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + size);
    const last = text.charCodeAt(to - 1);
    // Cut before the pair, or after it when it would be the whole piece.
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to += to - 1 > from ? -1 : 1;
    yield text.slice(from, to);
    from = to;
  }
}
