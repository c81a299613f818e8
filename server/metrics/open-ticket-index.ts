import { SlotHeap } from './slot-heap';

/** An open ticket as the engine holds it. */
export interface OpenTicket {
  queueId: string;
  /** When the current life of the ticket began: created, or reopened. */
  openedAt: number;
  /** Waiting for us since then; null once answered. */
  waitingSince: number | null;
  firstReplied: boolean;
  /** Its place in its queue's index (open-ticket-index.ts), -1 when not there: set by the index only. */
  waitingSlot: number;
  pendingSlot: number;
  /** Counted in its queue's overdue figure. */
  overdue: boolean;
}

/** A ticket as the engine first holds it: in no index yet. */
export function newTicket(queueId: string, openedAt: number, waitingSince: number | null, firstReplied: boolean): OpenTicket {
  return { queueId, openedAt, waitingSince, firstReplied, waitingSlot: -1, pendingSlot: -1, overdue: false };
}

/**
 * One queue's two figures read from its open tickets, kept so that a beat costs the same whether the queue
 * holds a hundred tickets or a flood's hundred thousand (a scan of them all took ~200 ms a beat): the
 * longest wait (a heap of waiting-since) and the unanswered tickets past the first-response target (a heap
 * of those not yet past it, and a count of those past). A ticket answered, solved, moved out or evicted is
 * taken out of the heaps where it sits (each ticket keeps its place), so reading either figure costs
 * nothing: heaps that kept such tickets until they reached the top had a flood's every answered ticket
 * popped, a Map lookup each, inside the beat (30 ms a beat at 20,000 new tickets a second).
 * The engine reports every change to a ticket of this queue through the methods below.
 */
export class OpenTicketIndex {
  private readonly waiting = new SlotHeap<OpenTicket>(
    (ticket) => ticket.waitingSince!,
    (ticket) => ticket.waitingSlot,
    (ticket, slot) => (ticket.waitingSlot = slot),
  );
  /** Unanswered tickets not counted as overdue yet, by openedAt. */
  private readonly pending = new SlotHeap<OpenTicket>(
    (ticket) => ticket.openedAt,
    (ticket) => ticket.pendingSlot,
    (ticket, slot) => (ticket.pendingSlot = slot),
  );
  private overdue = 0;
  /** The deadline `overdueCount` last counted against; -Infinity before the first count. */
  private deadline = -Infinity;
  private built = false;

  constructor(
    private readonly openTickets: ReadonlySet<string>,
    private readonly ticketOf: (id: string) => OpenTicket | undefined,
  ) {}

  /** The ticket joined this queue (opened, moved in). */
  entered(ticket: OpenTicket): void {
    if (!this.built) return;
    if (ticket.waitingSince !== null) this.waiting.push(ticket);
    if (ticket.firstReplied) return;
    if (ticket.openedAt < this.deadline) this.countOverdue(ticket);
    else this.pending.push(ticket);
  }

  /** The ticket waits for us again (reopened while open: its waitingSince was just set). */
  waits(ticket: OpenTicket): void {
    if (this.built && !this.waiting.has(ticket)) this.waiting.push(ticket);
  }

  /** The ticket was answered, or left this queue (solved, moved out, evicted). */
  settled(ticket: OpenTicket): void {
    this.waiting.remove(ticket);
    this.pending.remove(ticket);
    if (ticket.overdue) {
      ticket.overdue = false;
      this.overdue--;
    }
  }

  /** Forget everything: the tickets were replaced (a checkpoint restored); the next read rebuilds. */
  invalidate(): void {
    this.built = false;
  }

  /** The earliest waiting-since of the queue's open tickets, or null when none waits. */
  earliestWaiting(): number | null {
    this.ensureBuilt(this.deadline);
    return this.waiting.top()?.waitingSince ?? null;
  }

  /** How many open tickets have had no first reply and were opened before `deadline`. */
  overdueCount(deadline: number): number {
    // A deadline earlier than the last (a clock stepped back, a replayed minute) un-counts tickets: rebuild.
    if (deadline < this.deadline) this.built = false;
    this.ensureBuilt(deadline);
    for (let top = this.pending.top(); top !== undefined && top.openedAt < deadline; top = this.pending.top()) {
      this.pending.pop();
      this.countOverdue(top);
    }
    this.deadline = deadline;
    return this.overdue;
  }

  private countOverdue(ticket: OpenTicket): void {
    ticket.overdue = true;
    this.overdue++;
  }

  /** From the open tickets: at first, after a restore, and when the deadline goes back. */
  private ensureBuilt(deadline: number): void {
    if (this.built) return;
    this.waiting.clear();
    this.pending.clear();
    this.overdue = 0;
    this.deadline = deadline;
    this.built = true;
    for (const id of this.openTickets) {
      const ticket = this.ticketOf(id);
      if (!ticket) continue;
      ticket.overdue = false;
      this.entered(ticket);
    }
  }
}
