import { MinHeap } from './min-heap';

/** An open ticket as the engine holds it. */
export interface OpenTicket {
  queueId: string;
  /** When the current life of the ticket began: created, or reopened. */
  openedAt: number;
  /** Waiting for us since then; null once answered. */
  waitingSince: number | null;
  firstReplied: boolean;
}

/** Stale heap entries tolerated beyond the open tickets before the heaps are rebuilt from them. */
const SLACK = 1024;

/**
 * One queue's two figures read from its open tickets, kept so that a beat costs the same whether the queue
 * holds a hundred tickets or a flood's hundred thousand (a scan of them all took ~200 ms a beat): the
 * longest wait (a heap of waiting-since) and the unanswered tickets past the first-response target (a heap
 * of those not yet past it, a set of those past). Entries of tickets that moved on are skipped when they
 * reach the top; the engine reports every change to a ticket of this queue through the methods below.
 */
export class OpenTicketIndex {
  private readonly waiting = new MinHeap();
  /** Unanswered tickets not counted as overdue yet, by openedAt. */
  private readonly pending = new MinHeap();
  private readonly overdue = new Set<string>();
  /** The deadline `overdueCount` last counted against; -Infinity before the first count. */
  private deadline = -Infinity;
  private built = false;

  constructor(
    private readonly queueId: string,
    private readonly openTickets: ReadonlySet<string>,
    private readonly ticketOf: (id: string) => OpenTicket | undefined,
  ) {}

  /** The ticket joined this queue (opened, moved in). */
  entered(id: string, ticket: OpenTicket): void {
    if (!this.built) return;
    if (ticket.waitingSince !== null) this.waiting.push(ticket.waitingSince, id);
    if (ticket.firstReplied) return;
    if (ticket.openedAt < this.deadline) this.overdue.add(id);
    else this.pending.push(ticket.openedAt, id);
  }

  /** The ticket waits for us again (reopened while open). */
  waits(id: string, since: number): void {
    if (this.built) this.waiting.push(since, id);
  }

  /** The ticket left this queue (solved, moved out, evicted) or had its first reply. */
  settled(id: string): void {
    this.overdue.delete(id);
  }

  /** Forget everything: the tickets were replaced (a checkpoint restored); the next read rebuilds. */
  invalidate(): void {
    this.built = false;
  }

  /** The earliest waiting-since of the queue's open tickets, or null when none waits. */
  earliestWaiting(): number | null {
    this.ensureBuilt(this.deadline);
    while (this.waiting.size > 0) {
      const ticket = this.ticketOf(this.waiting.topId());
      if (ticket && ticket.queueId === this.queueId && ticket.waitingSince === this.waiting.topKey()) return ticket.waitingSince;
      this.waiting.pop();
    }
    return null;
  }

  /** How many open tickets have had no first reply and were opened before `deadline`. */
  overdueCount(deadline: number): number {
    // A deadline earlier than the last (a clock stepped back, a replayed minute) un-counts tickets: rebuild.
    if (deadline < this.deadline) this.built = false;
    this.ensureBuilt(deadline);
    while (this.pending.size > 0 && this.pending.topKey() < deadline) {
      const id = this.pending.topId();
      const ticket = this.ticketOf(id);
      if (ticket && ticket.queueId === this.queueId && !ticket.firstReplied && ticket.openedAt === this.pending.topKey()) this.overdue.add(id);
      this.pending.pop();
    }
    this.deadline = deadline;
    return this.overdue.size;
  }

  /** From the open tickets, once at first and whenever stale entries outnumber them. */
  private ensureBuilt(deadline: number): void {
    const limit = 2 * this.openTickets.size + SLACK;
    if (this.built && this.waiting.size <= limit && this.pending.size <= limit) return;
    this.waiting.clear();
    this.pending.clear();
    this.overdue.clear();
    this.deadline = deadline;
    this.built = true;
    for (const id of this.openTickets) {
      const ticket = this.ticketOf(id);
      if (ticket) this.entered(id, ticket);
    }
  }
}
