import type { SolvedAfterReplies } from './zendesk-event-order';

/**
 * Which ticket-export cursor may be saved. A page's events can be held back (a solve waits for the metric events,
 * zendesk-event-order.ts): its cursor is saved only once everything held when it was read has been sent, so a
 * gateway that dies meanwhile resumes before that page and reads the held solves again.
 */
export class ZendeskCursorPoint {
  /** Cursors read and not saved yet, oldest first, each with the coverage its held events wait for. */
  private readonly pending: Array<{ cursor: string; until: number; exportedUntil: number | null }> = [];

  constructor(private readonly order: SolvedAfterReplies) {}

  /**
   * A page was read and its events passed through `order`: `cursor` follows it; every change before `exportedUntil`
   * (the time the export had last reached the end of its stream, null: not yet) has been read.
   */
  read(cursor: string, exportedUntil: number | null): void {
    this.pending.push({ cursor, until: this.order.holdsUntil(), exportedUntil });
  }

  /** The latest cursor whose page's events have all been sent (null: none new), with its export time; forgotten here with the older ones. */
  take(): { cursor: string; exportedUntil: number | null } | null {
    let taken: { cursor: string; exportedUntil: number | null } | null = null;
    while (this.pending.length > 0 && this.pending[0]!.until <= this.order.coveredAt) taken = this.pending.shift()!;
    return taken && { cursor: taken.cursor, exportedUntil: taken.exportedUntil };
  }

  /** Forgets what was read: the export starts over from another point. */
  clear(): void {
    this.pending.length = 0;
  }
}
