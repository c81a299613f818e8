import type { TicketEvent } from '../../../shared/ingest';
import type { OpenTicketView } from '../source';
import { FRESHDESK_SOLVED, type StatsTicket } from './freshdesk-api';

/** Per ticket: its queue, the event ids already reported (a re-read reports only what is new), its first response, and whether the last state reported was solved. */
interface Known {
  queueId: string;
  sent: Set<string>;
  answered: boolean;
  solved: boolean;
}

/** What the connector was resumed with: the time its saved cursor had reached, and the engine's open tickets. */
interface Resumed {
  /** The last run had read every change before this time (epoch ms; the saved updated_since). */
  at: number | null;
  openTicket: (ticketId: string) => OpenTicketView | null;
}

/**
 * Turns tickets with their stats into ticket events with Freshdesk's own timestamps: created, first reply
 * (first_responded_at), reopened and resolved (resolved_at, or closed_at), and moves between configured
 * groups. Ids come from ticket, type and time, so a ticket read again yields the same events.
 *
 * Freshdesk's stats hold only the latest resolved_at and reopened_at, so what a change means depends on what the
 * connector last saw of the ticket. Resumed from a saved cursor it has seen none: it recalls a ticket from the
 * engine (open there: what the last run made of it) or, not open there, from the stats before the cursor.
 */
export class FreshdeskTicketTracker {
  private readonly known = new Map<number, Known>();
  private resumed: Resumed | null = null;

  constructor(
    private readonly queueByGroup: ReadonlyMap<number, string>,
    private readonly maxTickets = 200_000,
  ) {}

  /**
   * A new run: what it knows of the last one's tickets is the engine's open tickets and, resumed from a saved cursor
   * (`forget`: the memory of an earlier run in this process is older than that cursor), the cursor's time.
   */
  start(resumedAt: number | null, openTicket: Resumed['openTicket'], forget: boolean): void {
    if (forget) this.known.clear();
    this.resumed = { at: resumedAt, openTicket };
  }

  /** Whether the ticket is known to have had its first response (a ticket not seen since the backfill, nor open in the engine: no). */
  answered(ticketId: number): boolean {
    return this.known.get(ticketId)?.answered ?? this.resumed?.openTicket(ticketKey(ticketId))?.firstReplied ?? false;
  }

  eventsFor(ticket: StatsTicket): TicketEvent[] {
    const queueId = ticket.group_id === null ? undefined : this.queueByGroup.get(ticket.group_id);
    const known = this.known.get(ticket.id) ?? this.recall(ticket, queueId);
    if (!queueId && !known) return [];
    const sent = known?.sent ?? new Set<string>();
    const fresh = derive(ticket, queueId, known).filter((e) => !sent.has(e.eventId));
    for (const e of fresh) sent.add(e.eventId);
    const solved = fresh.length > 0 ? fresh.at(-1)!.type === 'solved' : (known?.solved ?? false);
    this.known.delete(ticket.id);
    this.known.set(ticket.id, { queueId: queueId ?? known!.queueId, sent, answered: (known?.answered ?? false) || !!ticket.stats.first_responded_at, solved });
    if (this.known.size > this.maxTickets) this.known.delete(this.known.keys().next().value as number);
    return fresh;
  }

  /** What the last run knew of a ticket this run has not seen (undefined: nothing, it is new to the connector). */
  private recall(ticket: StatsTicket, queueId: string | undefined): Known | undefined {
    if (!this.resumed) return undefined;
    const held = this.resumed.openTicket(ticketKey(ticket.id));
    if (held) {
      // Open in the engine: everything up to the start of its current life, and its first reply if it had one, was sent.
      const prior: Known = { queueId: held.queueId, sent: new Set(), answered: held.firstReplied, solved: false };
      for (const e of derive(ticket, queueId, prior)) {
        const before = e.at < held.openedAt || (e.type === 'reopened' && e.at <= held.openedAt);
        if (before || (e.type === 'first-reply' && held.firstReplied)) prior.sent.add(e.eventId);
      }
      return prior;
    }
    const at = this.resumed.at;
    if (at === null || !queueId || ticket.created_at >= at || !solvedAt(ticket, at)) return undefined;
    // Not open in the engine, and solved when the cursor was saved: the last run reported every change before then.
    const prior: Known = { queueId, sent: new Set(), answered: !!ticket.stats.first_responded_at, solved: true };
    for (const e of derive(ticket, queueId, undefined)) if (e.at < at) prior.sent.add(e.eventId);
    return prior;
  }
}

/**
 * Whether the stats say the ticket was solved at `at`: its last change before then was a solve, or it was reopened
 * since (so solved before that) and not solved between `at` and the reopen.
 */
function solvedAt(ticket: StatsTicket, at: number): boolean {
  const solved = ticket.stats.resolved_at ?? ticket.stats.closed_at ?? null;
  const reopened = ticket.stats.reopened_at ?? null;
  if (solved !== null && solved < at && !(reopened !== null && reopened > solved && reopened < at)) return true;
  return reopened !== null && reopened >= at && !(solved !== null && solved >= at && solved < reopened);
}

/** Every event the ticket's state implies after `known` (ids decide what is new). */
function derive(ticket: StatsTicket, queueId: string | undefined, known: Known | undefined): TicketEvent[] {
  const before = known?.queueId;
  const events: TicketEvent[] = [];
  const { stats } = ticket;
  if (!before) events.push(event(ticket.id, 'created', ticket.created_at, queueId));
  else if (queueId && queueId !== before) events.push(event(ticket.id, 'queued', ticket.updated_at, queueId));
  if (stats.first_responded_at) events.push(event(ticket.id, 'first-reply', stats.first_responded_at));
  const solvedAt = FRESHDESK_SOLVED.has(ticket.status) ? (stats.resolved_at ?? stats.closed_at ?? ticket.updated_at) : null;
  const reopenedAt = stats.reopened_at && (solvedAt === null || stats.reopened_at < solvedAt) ? stats.reopened_at : null;
  if (reopenedAt !== null) {
    const reopened = event(ticket.id, 'reopened', reopenedAt, queueId ?? before);
    // A reopen is one only of a solved ticket: seen first (or last seen open), it is solved first. An Open ticket
    // keeps its earlier resolved_at; a solved-again one holds only the last, so then it was solved by the reopen.
    const earlier = stats.resolved_at ?? stats.closed_at;
    if (!known?.sent.has(reopened.eventId) && !known?.solved) events.push(event(ticket.id, 'solved', earlier != null && earlier <= reopenedAt ? earlier : reopenedAt));
    events.push(reopened);
  }
  if (solvedAt !== null) events.push(event(ticket.id, 'solved', solvedAt));
  return events;
}

const ticketKey = (ticketId: number) => `freshdesk-${ticketId}`;

function event(ticketId: number, type: TicketEvent['type'], at: number, queueId?: string): TicketEvent {
  return { eventId: `freshdesk-${ticketId}-${type}-${at}`, type, ticketId: ticketKey(ticketId), at, ...(queueId ? { queueId } : {}) };
}
