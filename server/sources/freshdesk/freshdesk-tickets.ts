import type { TicketEvent } from '../../../shared/ingest';
import { FRESHDESK_SOLVED, type StatsTicket } from './freshdesk-api';

/**
 * Turns tickets with their stats into ticket events with Freshdesk's own timestamps: created, first reply
 * (first_responded_at), reopened and resolved (resolved_at, or closed_at), and moves between configured
 * groups. Ids come from ticket, type and time, so a ticket read again yields the same events.
 */
export class FreshdeskTicketTracker {
  /**
   * Per ticket: its queue, the event ids already reported (so a re-read reports only what is new),
   * whether it has had its first response and whether the last state reported was solved.
   */
  private readonly known = new Map<number, { queueId: string; sent: Set<string>; answered: boolean; solved: boolean }>();

  constructor(
    private readonly queueByGroup: ReadonlyMap<number, string>,
    private readonly maxTickets = 200_000,
  ) {}

  /** Whether the ticket is known to have had its first response (a ticket not seen since the backfill: no). */
  answered(ticketId: number): boolean {
    return this.known.get(ticketId)?.answered ?? false;
  }

  eventsFor(ticket: StatsTicket): TicketEvent[] {
    const queueId = ticket.group_id === null ? undefined : this.queueByGroup.get(ticket.group_id);
    const known = this.known.get(ticket.id);
    const before = known?.queueId;
    if (!queueId && !before) return [];
    const events: TicketEvent[] = [];
    const { stats } = ticket;
    if (!before) events.push(event(ticket.id, 'created', ticket.created_at, queueId));
    else if (queueId && queueId !== before) events.push(event(ticket.id, 'queued', ticket.updated_at, queueId));
    if (stats.first_responded_at) events.push(event(ticket.id, 'first-reply', stats.first_responded_at));
    const solvedAt = FRESHDESK_SOLVED.has(ticket.status) ? (stats.resolved_at ?? stats.closed_at ?? ticket.updated_at) : null;
    const sent = known?.sent ?? new Set<string>();
    const reopenedAt = stats.reopened_at && (solvedAt === null || stats.reopened_at < solvedAt) ? stats.reopened_at : null;
    if (reopenedAt !== null) {
      const reopened = event(ticket.id, 'reopened', reopenedAt, queueId ?? before);
      // A reopen is one only of a solved ticket: seen first (or last seen open), it is solved first. An Open ticket
      // keeps its earlier resolved_at; a solved-again one holds only the last, so then it was solved by the reopen.
      const earlier = stats.resolved_at ?? stats.closed_at;
      if (!sent.has(reopened.eventId) && !known?.solved) events.push(event(ticket.id, 'solved', earlier != null && earlier <= reopenedAt ? earlier : reopenedAt));
      events.push(reopened);
    }
    if (solvedAt !== null) events.push(event(ticket.id, 'solved', solvedAt));
    const fresh = events.filter((e) => !sent.has(e.eventId));
    for (const e of fresh) sent.add(e.eventId);
    const solved = fresh.length > 0 ? fresh.at(-1)!.type === 'solved' : (known?.solved ?? false);
    this.known.delete(ticket.id);
    this.known.set(ticket.id, { queueId: queueId ?? before!, sent, answered: (known?.answered ?? false) || !!stats.first_responded_at, solved });
    if (this.known.size > this.maxTickets) this.known.delete(this.known.keys().next().value as number);
    return fresh;
  }
}

function event(ticketId: number, type: TicketEvent['type'], at: number, queueId?: string): TicketEvent {
  return { eventId: `freshdesk-${ticketId}-${type}-${at}`, type, ticketId: `freshdesk-${ticketId}`, at, ...(queueId ? { queueId } : {}) };
}
