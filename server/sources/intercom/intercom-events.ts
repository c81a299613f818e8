import type { TicketEvent } from '../../../shared/ingest';
import { SentEvents } from '../polling/sent-events';
import type { OpenTicketView } from '../source';
import { firstAdminReplyAt, type Conversation } from './intercom-api';

/** What a run knows of the last one: per queue, until when it had read every closure; and the engine's open tickets. */
interface LastRun {
  closedUntil: ReadonlyMap<string, number>;
  openTicket: (ticketId: string) => OpenTicketView | null;
}

/**
 * Turns a team's conversations into ticket events, each reported once however often the conversation is read:
 * created, the first admin reply, a close (solved at statistics.last_close_at) and, for an open conversation
 * closed before (last_close_at set), that close and its reopening, when the customer started waiting again
 * (waiting_since, else updated_at); the reopening's id names the close it follows, so later reads add nothing.
 *
 * A conversation is taken as the engine holds it (after a restart, the store's state of the last run): open
 * there, what came before its current life and its first reply were reported; not open there, a close before
 * the queue's resumed closure mark was reported by the last run, with all before it.
 */
export class IntercomEvents {
  private readonly sent = new SentEvents();
  private lastRun: LastRun | null = null;

  start(closedUntil: ReadonlyMap<string, number>, openTicket: LastRun['openTicket']): void {
    this.lastRun = { closedUntil, openTicket };
  }

  fresh(conversations: readonly Conversation[], queueId: string): TicketEvent[] {
    return this.sent.fresh(conversations.flatMap((c) => this.unreported(c, queueId, conversationEvents(c, queueId))));
  }

  private unreported(c: Conversation, queueId: string, events: TicketEvent[]): TicketEvent[] {
    if (!this.lastRun) return events;
    const closedAt = c.statistics?.last_close_at ?? null;
    const held = this.lastRun.openTicket(ticketKey(c.id));
    if (held) {
      const lifeAfterClose = closedAt !== null && held.openedAt >= closedAt;
      return events.filter((e) => e.type !== 'created' && !(e.type === 'first-reply' && held.firstReplied) && !(lifeAfterClose && (e.type === 'solved' || e.type === 'reopened')));
    }
    const until = this.lastRun.closedUntil.get(queueId);
    if (until === undefined || closedAt === null || closedAt >= until || c.created_at >= until) return events;
    return events.filter((e) => e.type === 'reopened');
  }
}

/** A conversation as ticket events: created, the first admin reply, a close, and a reopening after the last close. */
export function conversationEvents(conversation: Conversation, queueId: string): TicketEvent[] {
  const event = (type: TicketEvent['type'], at: number, queue?: string, id = `intercom-${conversation.id}-${type}-${at}`): TicketEvent => ({
    eventId: id,
    type,
    ticketId: ticketKey(conversation.id),
    at,
    ...(queue ? { queueId: queue } : {}),
  });
  const events = [event('created', conversation.created_at, queueId)];
  const firstReply = firstAdminReplyAt(conversation);
  if (firstReply !== null) events.push(event('first-reply', firstReply));
  const closedAt = conversation.statistics?.last_close_at ?? null;
  if (conversation.state === 'closed') events.push(event('solved', closedAt ?? conversation.updated_at));
  else if (closedAt !== null) {
    const waiting = conversation.waiting_since;
    const reopenedAt = waiting != null && waiting >= closedAt ? waiting : Math.max(closedAt, conversation.updated_at);
    events.push(event('solved', closedAt), event('reopened', reopenedAt, queueId, `intercom-${conversation.id}-reopened-after-${closedAt}`));
  }
  return events;
}

const ticketKey = (conversationId: string) => `intercom-${conversationId}`;
