import type { WorldInput } from './ticket-world';

/**
 * A recorded world (ticket-world.ts) as the life of each ticket, for a fake helpdesk to serve: when it was
 * created and in which queue, its moves, its first reply, and its resolutions and reopenings in time order.
 * Each fake turns these into its vendor's own records; the world's late arrivals do not matter to a helpdesk,
 * which knows every change at the moment it happens.
 */
export interface WorldTicket {
  /** 1, 2, …: helpdesks number their tickets. */
  number: number;
  createdAt: number;
  /** Its queue from `at` on; the first entry is its queue at creation. */
  queues: Array<{ at: number; queueId: string }>;
  firstReplyAt?: number;
  changes: Array<{ at: number; to: 'resolved' | 'reopened' }>;
}

export function worldTickets(inputs: readonly WorldInput[]): WorldTicket[] {
  const tickets = new Map<string, WorldTicket>();
  const events = inputs.flatMap((i) => (i.kind === 'event' ? [i.event] : [])).sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (e.type === 'created') {
      tickets.set(e.ticketId, { number: tickets.size + 1, createdAt: e.at, queues: [{ at: e.at, queueId: e.queueId! }], changes: [] });
      continue;
    }
    const ticket = tickets.get(e.ticketId);
    if (!ticket) continue;
    if (e.type === 'queued') ticket.queues.push({ at: e.at, queueId: e.queueId! });
    else if (e.type === 'first-reply') ticket.firstReplyAt ??= e.at;
    else if (e.type === 'solved') ticket.changes.push({ at: e.at, to: 'resolved' });
    else if (e.type === 'reopened') ticket.changes.push({ at: e.at, to: 'reopened' });
  }
  return [...tickets.values()];
}
