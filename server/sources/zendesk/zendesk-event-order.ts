import type { TicketEvent } from '../../../shared/ingest';
import type { MetricEvent } from './zendesk-api';

/**
 * Zendesk delivers a ticket and its first reply from two exports read one after the other: the ticket
 * export can show a ticket solved before the metric-event export has shown its first reply, and the engine
 * forgets a ticket once it is solved. So a ticket's `solved` (and what follows it) waits until the metric
 * events have been read past the time it was solved: by then any first reply it had has gone first.
 * Bounded: past `max` tickets waiting, the one waiting longest goes as it is.
 */
export class SolvedAfterReplies {
  private covered = -Infinity;
  /** Per ticket, its events held back, in order; the first is a `solved` not yet covered. */
  private readonly waiting = new Map<string, TicketEvent[]>();

  constructor(private readonly max = 100_000) {}

  /** The events that may go now, in the order given; the rest wait for `coveredUntil`. */
  pass(events: readonly TicketEvent[]): TicketEvent[] {
    const out: TicketEvent[] = [];
    for (const e of events) {
      const held = this.waiting.get(e.ticketId);
      // A first reply is older than the solve it waits behind: it goes at once.
      if (held && e.type !== 'first-reply') held.push(e);
      else if (!held && e.type === 'solved' && e.at > this.covered) this.hold(e, out);
      else out.push(e);
    }
    return out;
  }

  /** The metric events have been read up to `at` (epoch ms): the solves before then go, with what followed them. */
  coveredUntil(at: number): TicketEvent[] {
    this.covered = Math.max(this.covered, at);
    const out: TicketEvent[] = [];
    for (const [ticketId, held] of this.waiting) {
      let ready = 0;
      while (ready < held.length && !(held[ready]!.type === 'solved' && held[ready]!.at > this.covered)) ready++;
      out.push(...held.splice(0, ready));
      if (held.length === 0) this.waiting.delete(ticketId);
    }
    return out;
  }

  /** How far the metric events have been read (epoch ms). */
  get coveredAt(): number {
    return this.covered;
  }

  /** The time coverage must reach for everything held now to have gone: the latest held solve (-Infinity: none). */
  holdsUntil(): number {
    let latest = -Infinity;
    for (const held of this.waiting.values()) latest = Math.max(latest, held[0]!.at);
    return latest;
  }

  private hold(solved: TicketEvent, out: TicketEvent[]): void {
    this.waiting.set(solved.ticketId, [solved]);
    if (this.waiting.size <= this.max) return;
    const [oldest, events] = this.waiting.entries().next().value as [string, TicketEvent[]];
    this.waiting.delete(oldest);
    out.push(...events);
  }
}

/**
 * Metric events for tickets the ticket export has not shown yet (it leaves out the last minute, and reads
 * page by page): kept per ticket and given back when the ticket arrives. Bounded: the ticket waiting longest
 * is let go first, counted in `dropped`.
 */
export class EarlyMetricEvents {
  private readonly byTicket = new Map<number, MetricEvent[]>();
  dropped = 0;

  constructor(private readonly maxTickets = 50_000) {}

  keep(metric: MetricEvent): void {
    const kept = this.byTicket.get(metric.ticket_id);
    if (kept) return void kept.push(metric);
    this.byTicket.set(metric.ticket_id, [metric]);
    if (this.byTicket.size <= this.maxTickets) return;
    const oldest = this.byTicket.keys().next().value as number;
    this.dropped += this.byTicket.get(oldest)!.length;
    this.byTicket.delete(oldest);
  }

  /** The ticket's kept events, in the order they came; forgotten here. */
  take(ticketId: number): MetricEvent[] {
    const kept = this.byTicket.get(ticketId) ?? [];
    this.byTicket.delete(ticketId);
    return kept;
  }
}
