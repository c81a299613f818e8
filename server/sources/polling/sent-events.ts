import type { TicketEvent } from '../../../shared/ingest';

/**
 * Remembers the ids of events already reported, so a connector that reads the same items every poll (open
 * conversations) reports each event once. Bounded: the oldest ids are forgotten first; an event reported
 * again after that is still counted once, by the event log's idempotency.
 */
export class SentEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 500_000) {}

  fresh(events: readonly TicketEvent[]): TicketEvent[] {
    const fresh = events.filter((e) => !this.ids.has(e.eventId));
    for (const e of fresh) {
      this.ids.add(e.eventId);
      if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    }
    return fresh;
  }
}
