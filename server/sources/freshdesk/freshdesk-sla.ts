import { FRESHDESK_OPEN, type SearchTicket } from './freshdesk-api';

/**
 * Whether a ticket's first response is late. Freshdesk's own verdict first: fr_escalated (documented: the
 * first response time was breached), which also covers tickets answered before the connector first saw them,
 * whose fr_due_by stays in the past after the reply. Only without that field is it worked out: an Open ticket
 * not known to be answered, past fr_due_by (a Pending ticket's SLA timer is paused).
 */
export function isFirstResponseLate(ticket: SearchTicket, answered: boolean, now: number): boolean {
  if (ticket.fr_escalated !== undefined) return ticket.fr_escalated;
  return ticket.status === FRESHDESK_OPEN && !answered && ticket.fr_due_by != null && ticket.fr_due_by < now;
}

/**
 * Whether a ticket's resolution is late: Freshdesk's is_escalated where the answer has it (documented: the
 * ticket was escalated, which Freshdesk does when its SLA is breached); else an Open ticket past due_by. Pending
 * is not counted by due_by: Freshdesk pauses the SLA timer while a ticket waits on the customer and moves
 * due_by on when it resumes.
 */
export function isResolutionLate(ticket: SearchTicket, now: number): boolean {
  if (ticket.is_escalated !== undefined) return ticket.is_escalated;
  return ticket.status === FRESHDESK_OPEN && ticket.due_by != null && ticket.due_by < now;
}
