import type { TicketEvent } from '../../../shared/ingest';
import type { OpenTicketView } from '../source';
import type { ExportTicket, MetricEvent, MetricSet } from './zendesk-api';
import type { ZendeskQueueSource } from './zendesk-config';

export interface ZendeskQueue {
  id: string;
  source: ZendeskQueueSource;
}

const SOLVED = new Set(['solved', 'closed']);

interface Known {
  queueId: string;
  solved: boolean;
  replied: boolean;
}

/** What a run resumed from a saved cursor knows of the last one: the engine's open tickets, and how far that run had exported. */
interface Resumed {
  /** Every ticket change before this time (epoch ms) had been exported and read by the last run; null: not known. */
  exportedUntil: number | null;
  openTicket: (ticketId: string) => OpenTicketView | null;
}

/** The configured queue a ticket belongs to: the first whose group, and channel and brand if given, match. */
export function queueFor(queues: readonly ZendeskQueue[], ticket: ExportTicket): string | null {
  const channel = ticket.via?.channel === undefined ? undefined : String(ticket.via.channel);
  const match = queues.find(
    ({ source }) =>
      source.groupId === ticket.group_id &&
      (source.channel === undefined || source.channel === channel) &&
      (source.brandId === undefined || source.brandId === ticket.brand_id),
  );
  return match?.id ?? null;
}

/**
 * Turns the incremental ticket export into ticket events: what changed since the connector last saw a
 * ticket (created, moved between configured queues, solved, reopened). Event ids are built from the ticket,
 * the type and the time, so reading the same change twice (a re-poll, a restart) counts once. A ticket is
 * solved when its metrics say (ticket_metrics.solved_at), not when it was last touched: a survey or a note
 * on a ticket solved long ago moves updated_at, not the resolution.
 *
 * Resumed from a saved cursor the tracker has seen none of the last run's tickets: it recalls one from the engine
 * (open there: its queue and first reply), or, not open there but read by the last run, as solved: a ticket open
 * again with `reopens` in its metrics is then reopened, not created anew (which the engine would have refused as
 * a duplicate, leaving the ticket out of every figure).
 */
export class ZendeskTicketTracker {
  private readonly known = new Map<number, Known>();
  private resumed: Resumed | null = null;

  constructor(
    private readonly queues: readonly ZendeskQueue[],
    /** Replies before this time (epoch ms) are not in the metric events read: a ticket first seen takes its own from its metrics. */
    private readonly repliesReadFrom: number,
    private readonly maxTickets = 200_000,
  ) {}

  /** A new run; `forget`: resumed from a saved cursor, so the memory of an earlier run in this process is older than it. */
  start(exportedUntil: number | null, openTicket: Resumed['openTicket'], forget: boolean): void {
    if (forget) this.known.clear();
    this.resumed = { exportedUntil, openTicket };
  }

  queueOf(ticketId: number): string | undefined {
    return this.known.get(ticketId)?.queueId;
  }

  /** The queue of a ticket still open (neither solved nor closed); undefined for any other. */
  openQueueOf(ticketId: number): string | undefined {
    const ticket = this.known.get(ticketId);
    return ticket && !ticket.solved ? ticket.queueId : undefined;
  }

  eventsFor(ticket: ExportTicket, metrics?: MetricSet): TicketEvent[] {
    if (ticket.status === 'deleted') {
      this.known.delete(ticket.id);
      return [];
    }
    const queueId = queueFor(this.queues, ticket);
    const solved = SOLVED.has(ticket.status);
    const solvedAt = metrics?.solved_at ?? ticket.updated_at;
    const before = this.known.get(ticket.id) ?? this.recall(ticket, metrics, queueId);
    const events: TicketEvent[] = [];
    if (!before) {
      if (!queueId) return [];
      events.push(event(ticket.id, 'created', ticket.created_at, queueId));
      // Only an open ticket needs it (it stops its wait): a solved one leaves the engine with its solve, and
      // after a restart the engine has let it go already, so its reply would be refused.
      const repliedAt = solved ? null : this.replyBeforeExport(ticket, metrics);
      if (repliedAt !== null) events.push(event(ticket.id, 'first-reply', repliedAt));
      if (solved) events.push(event(ticket.id, 'solved', solvedAt));
      this.remember(ticket.id, { queueId, solved, replied: repliedAt !== null });
      return events;
    }
    if (queueId && queueId !== before.queueId) events.push(event(ticket.id, 'queued', ticket.updated_at, queueId));
    if (solved && !before.solved) events.push(event(ticket.id, 'solved', solvedAt));
    if (!solved && before.solved) events.push(event(ticket.id, 'reopened', ticket.updated_at, queueId ?? before.queueId));
    this.remember(ticket.id, { queueId: queueId ?? before.queueId, solved, replied: before.replied });
    return events;
  }

  /** A first reply (reply_time fulfilled, first instance) for a ticket of a configured queue, once per ticket. */
  firstReply(metric: MetricEvent): TicketEvent | null {
    if (metric.metric !== 'reply_time' || metric.type !== 'fulfill' || metric.instance_id !== 1) return null;
    const ticket = this.known.get(metric.ticket_id);
    if (!ticket || ticket.replied) return null;
    ticket.replied = true;
    return event(metric.ticket_id, 'first-reply', metric.time);
  }

  /** What the last run knew of a ticket this run has not seen; undefined: nothing (new to the connector). */
  private recall(ticket: ExportTicket, metrics: MetricSet | undefined, queueId: string | null): Known | undefined {
    if (!this.resumed) return undefined;
    const held = this.resumed.openTicket(`zendesk-${ticket.id}`);
    if (held) return { queueId: held.queueId, solved: false, replied: held.firstReplied };
    const until = this.resumed.exportedUntil;
    if (until === null || !queueId || ticket.created_at >= until) return undefined;
    // Read by the last run and not open in the engine: it was solved then. Open now after a reopen, or solved before
    // the export's point (a survey or note since moves updated_at only): either way, nothing of it is new but that.
    const solvedBefore = SOLVED.has(ticket.status) ? metrics?.solved_at != null && metrics.solved_at < until : (metrics?.reopens ?? 0) > 0;
    return solvedBefore ? { queueId, solved: true, replied: true } : undefined;
  }

  /** The first reply of a ticket first seen, from its metrics, when it came before the metric events read. */
  private replyBeforeExport(ticket: ExportTicket, metrics: MetricSet | undefined): number | null {
    const minutes = metrics?.reply_time_in_minutes?.calendar;
    if (minutes === null || minutes === undefined) return null;
    const at = ticket.created_at + minutes * 60_000;
    return at < this.repliesReadFrom ? at : null;
  }

  private remember(ticketId: number, state: Known): void {
    this.known.delete(ticketId);
    this.known.set(ticketId, state);
    // Bounded: the ticket changed longest ago is forgotten first (the engine keeps its own bounded copy).
    if (this.known.size > this.maxTickets) this.known.delete(this.known.keys().next().value as number);
  }
}

function event(ticketId: number, type: TicketEvent['type'], at: number, queueId?: string): TicketEvent {
  return { eventId: `zendesk-${ticketId}-${type}-${at}`, type, ticketId: `zendesk-${ticketId}`, at, ...(queueId ? { queueId } : {}) };
}
