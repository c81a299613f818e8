import type { SolvedAfterReplies } from './zendesk-event-order';

/**
 * Which ticket-export cursor may be saved. A page's events can be held back (a solve waits for the metric events,
 * zendesk-event-order.ts): its cursor is saved only once everything held when it was read has been sent, so a
 * gateway that dies meanwhile resumes before that page and reads the held solves again.
 */
export class ZendeskCursorPoint {
  /** Cursors read and not saved yet, oldest first, each with the coverage its held events wait for. */
  private readonly pending: Array<{ cursor: string; until: number }> = [];

  constructor(private readonly order: SolvedAfterReplies) {}

  /** A page was read and its events passed through `order`: `cursor` follows it. */
  read(cursor: string): void {
    this.pending.push({ cursor, until: this.order.holdsUntil() });
  }

  /** The latest cursor whose page's events have all been sent (null: none new); forgotten here with the older ones. */
  take(): string | null {
    let taken: string | null = null;
    while (this.pending.length > 0 && this.pending[0]!.until <= this.order.coveredAt) taken = this.pending.shift()!.cursor;
    return taken;
  }

  /** Forgets what was read: the export starts over from another point. */
  clear(): void {
    this.pending.length = 0;
  }
}
