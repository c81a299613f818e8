import type { MetricEvent } from './zendesk-api';

/** Where a ticket of a configured queue is while it is open (the ticket tracker knows). */
export interface OpenTickets {
  openQueueOf(ticketId: number): string | undefined;
}

/**
 * Open tickets in breach of an SLA target, from Zendesk's ticket metric events. A `breach` marks a target
 * (a metric and its instance: reply_time 1 is the first reply, 2 the next) breached; its `fulfill` (met,
 * late), a new `apply_sla` for it (a changed policy or target: Zendesk sends a fresh breach if it is still
 * missed) or the breach being deleted clears it. pause, activate, measure and update_status change
 * nothing. A ticket leaves when it is solved, closed, deleted or forgotten by the tracker. Zendesk can
 * record a breach ahead of its time: it counts only once that time has come.
 */
export class ZendeskBreaches {
  /** Per ticket: its breached targets and when each breached (epoch ms). */
  private readonly byTicket = new Map<number, Map<string, number>>();

  constructor(private readonly tickets: OpenTickets) {}

  apply(event: MetricEvent): void {
    const target = `${event.metric}#${event.instance_id}`;
    if (event.type === 'breach' && event.deleted !== true) {
      if (this.tickets.openQueueOf(event.ticket_id) === undefined) return;
      const targets = this.byTicket.get(event.ticket_id) ?? new Map<string, number>();
      targets.set(target, event.time);
      this.byTicket.set(event.ticket_id, targets);
    } else if (event.type === 'breach' || event.type === 'fulfill' || event.type === 'apply_sla') {
      const targets = this.byTicket.get(event.ticket_id);
      targets?.delete(target);
      if (targets?.size === 0) this.byTicket.delete(event.ticket_id);
    }
  }

  /** Breached open tickets per queue at `now`, each ticket once; every queue in `queueIds` is named. */
  counts(queueIds: readonly string[], now: number): Map<string, number> {
    const counts = new Map(queueIds.map((id) => [id, 0]));
    for (const [ticketId, targets] of this.byTicket) {
      const queueId = this.tickets.openQueueOf(ticketId);
      if (queueId === undefined) {
        this.byTicket.delete(ticketId);
        continue;
      }
      const due = [...targets.values()].some((at) => at <= now);
      if (due && counts.has(queueId)) counts.set(queueId, counts.get(queueId)! + 1);
    }
    return counts;
  }
}
