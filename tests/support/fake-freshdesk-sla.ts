/**
 * A group's unresolved tickets as Freshdesk keeps them, written from Freshdesk's API documentation: fr_due_by
 * and due_by stay on the ticket after a reply; a Pending ticket's SLA timer is paused, its due_by kept as it was
 * until the timer resumes (then moved on by the paused time), so it can read past while nothing is late; fr_escalated and is_escalated are Freshdesk's own verdicts, set when a deadline
 * passes unmet (while the timer runs). The fake holds the truth and answers only what the search shows.
 */
export interface FakeSlaTicket {
  id: number;
  /** 2 Open, 3 Pending. */
  status: 2 | 3;
  createdAt: number;
  firstResponseDue: number;
  resolutionDue: number;
  /** When an agent first replied, if one did. */
  answeredAt?: number;
  /** Since when the ticket is Pending (the SLA timer paused). */
  pausedSince?: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function frBreached(t: FakeSlaTicket, now: number): boolean {
  const by = t.answeredAt ?? (t.pausedSince ?? now);
  return by > t.firstResponseDue;
}

function resolutionBreached(t: FakeSlaTicket, now: number): boolean {
  return (t.pausedSince ?? now) > t.resolutionDue;
}

/** A search result as the API shows it; withVerdicts false leaves out fr_escalated/is_escalated (older answers). */
export function searchResult(t: FakeSlaTicket, now: number, withVerdicts = true) {
  return {
    id: t.id,
    status: t.status,
    created_at: iso(t.createdAt),
    fr_due_by: iso(t.firstResponseDue),
    due_by: iso(t.resolutionDue),
    ...(withVerdicts ? { fr_escalated: frBreached(t, now), is_escalated: resolutionBreached(t, now) } : {}),
  };
}

/** The fake's own figure: tickets whose first response or resolution deadline passed unmet while the timer ran. */
export function expectedBreached(tickets: readonly FakeSlaTicket[], now: number): number {
  return tickets.filter((t) => frBreached(t, now) || resolutionBreached(t, now)).length;
}
