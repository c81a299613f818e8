import type { TicketEvent } from '../../../shared/ingest';
import { FRESHDESK_SOLVED, type StatsTicket } from './freshdesk-api';

/**
 * Turns tickets with their stats into ticket events with Freshdesk's own timestamps: created, first reply
 * (first_responded_at), reopened and resolved (resolved_at, or closed_at), and moves between configured
 * groups. Ids come from ticket, type and time, so a ticket read again yields the same events.
 */
export class FreshdeskTicketTracker {
  /**
   * Per ticket: its queue, the event ids already reported (so a re-read reports only what is new) and
   * whether it has had its first response.
   */
  private readonly known = new Map<number, { queueId: string; sent: Set<string>; answered: boolean }>();

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
    if (stats.reopened_at && (solvedAt === null || stats.reopened_at < solvedAt)) {
      events.push(event(ticket.id, 'reopened', stats.reopened_at, queueId ?? before));
    }
    if (solvedAt !== null) events.push(event(ticket.id, 'solved', solvedAt));
    const sent = known?.sent ?? new Set<string>();
    const fresh = events.filter((e) => !sent.has(e.eventId));
    for (const e of fresh) sent.add(e.eventId);
    this.known.delete(ticket.id);
    this.known.set(ticket.id, { queueId: queueId ?? before!, sent, answered: (known?.answered ?? false) || !!stats.first_responded_at });
    if (this.known.size > this.maxTickets) this.known.delete(this.known.keys().next().value as number);
    return fresh;
  }
}

function event(ticketId: number, type: TicketEvent['type'], at: number, queueId?: string): TicketEvent {
  return { eventId: `freshdesk-${ticketId}-${type}-${at}`, type, ticketId: `freshdesk-${ticketId}`, at, ...(queueId ? { queueId } : {}) };
}
