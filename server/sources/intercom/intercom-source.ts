import type { TicketEvent } from '../../../shared/ingest';
import { ChangedValues } from '../polling/changed-values';
import { ConnectorCursors } from '../polling/connector-cursors';
import type { ConnectorCapabilities } from '../polling/connector-capabilities';
import { createConnectorKit } from '../polling/connector-kit';
import { OptionalRatings } from '../polling/optional-ratings';
import type { PolledSource } from '../polling/polled-source';
import type { SourceSink } from '../source';
import { ConversationSchema, intercomErrorDetail, intercomRateInfo, SearchPageSchema, searchBody, type Conversation } from './intercom-api';
import { IntercomEvents } from './intercom-events';
import { intercomBaseUrl, type IntercomConnection, type IntercomQueueSource } from './intercom-config';
import { createIntercomRatings } from './intercom-ratings';
import { isSlaBreached } from './intercom-sla';

export interface IntercomSourceOptions extends ConnectorCapabilities {
  connection: IntercomConnection;
  queues: ReadonlyArray<{ id: string; source: IntercomQueueSource }>;
}

/**
 * Intercom's search pages through every match (no result cap); this only bounds one poll's reading of one
 * team: 200 pages of 150 is 30,000 conversations. Past it, figures from part of the backlog are not sent.
 */
const MAX_PAGES = 200;
const DEFAULT_LIMIT_PER_MINUTE = 1000;
/** Intercom counts X-RateLimit-Limit per 10-second window (1000 a minute reads 166 or 167). */
const RATE_WINDOW_MS = 10_000;
/** Closed conversations are first read this far back. */
const CLOSED_BACKFILL_MS = 24 * 3_600_000;

/**
 * One Intercom workspace as a Source. Each poll, per queue (team): the open and snoozed conversations
 * (search, cursor pagination) for the backlog, the longest waiting_since, SLA breaches (slaBreached, see isSlaBreached) and created and
 * first-reply events; then the conversations closed since the last poll, as solved events; last, the
 * conversations rated since the last poll (conversation_rating), as rated events for CSAT.
 */
export function createIntercomSource(options: IntercomSourceOptions): PolledSource {
  const { connection, queues, clock } = options;
  const { client, logger, validItems, polledSource } = createConnectorKit({
    label: 'Intercom',
    connection,
    queueIds: queues.map((q) => q.id),
    baseUrl: intercomBaseUrl(connection),
    credentials: (token) => ({ headers: { authorization: `Bearer ${token}`, 'intercom-version': connection.apiVersion } }),
    defaultLimitPerMinute: DEFAULT_LIMIT_PER_MINUTE,
    rateWindowMs: RATE_WINDOW_MS,
    readRateInfo: intercomRateInfo,
    errorDetail: intercomErrorDetail,
    capabilities: options,
  });
  const conversationEvents = new IntercomEvents();
  const lastBreached = new ChangedValues(0);
  const closedSince = new Map(queues.map((q) => [q.id, clock.now() - CLOSED_BACKFILL_MS]));
  // Per queue in the store, so a restart or a takeover reads the closures since the last one's instead of a day's.
  const cursors = new ConnectorCursors({ sourceId: connection.id, label: 'Intercom', clock, logger });
  const cursorName = (queueId: string) => `closed-since:${queueId}`;
  const readRatings = createIntercomRatings({ client, validItems, now: () => clock.now() });
  const ratings = new OptionalRatings('Intercom', connection.id, clock, logger);

  const search = async (teamId: string, states: string[], updatedAfter: number | null, signal: AbortSignal) => {
    const conversations: Conversation[] = [];
    let total = 0;
    let cursor: string | null = null;
    let complete = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body: { conversations: unknown[]; total_count: number; pages?: { next?: { starting_after: string } | null } } = await client.json(SearchPageSchema, { method: 'POST', path: '/conversations/search', body: searchBody(teamId, states, updatedAfter, cursor), signal });
      if (page === 0) total = body.total_count;
      conversations.push(...validItems(ConversationSchema, body.conversations, 'conversations'));
      cursor = body.pages?.next?.starting_after ?? null;
      if (!cursor) {
        complete = true;
        break;
      }
    }
    return { conversations, total, complete };
  };

  const readQueue = async (sink: SourceSink, queue: { id: string; source: IntercomQueueSource }, signal: AbortSignal) => {
    const { conversations, total, complete } = await search(queue.source.teamId, ['open', 'snoozed'], null, signal);
    const at = clock.now();
    if (!complete) {
      // The backlog is Intercom's own count; the oldest wait and the breaches would come from part of it, too low.
      logger.warn('Intercom open conversations past what one poll reads: only the backlog is sent', { sourceId: connection.id, queueId: queue.id, total, read: conversations.length });
      sink.reading(connection.id, queue.id, { at, backlog: total });
    } else {
      let oldest = Infinity;
      for (const c of conversations) if (c.state === 'open' && c.waiting_since != null) oldest = Math.min(oldest, c.waiting_since);
      const breached = conversations.filter((c) => isSlaBreached(c, queue.source.slaTargets, at)).length;
      sink.reading(connection.id, queue.id, {
        at,
        backlog: total,
        oldestWaitingSeconds: oldest === Infinity ? 0 : Math.max(0, Math.round((at - oldest) / 1000)),
        slaBreached: breached,
      });
      if (lastBreached.changed(queue.id, breached)) logger.info('Intercom open conversations in breach of their SLA (missed SLA or past a target)', { sourceId: connection.id, queueId: queue.id, missed: breached });
    }

    const since = closedSince.get(queue.id)!;
    const closed = await search(queue.source.teamId, ['closed'], since, signal);
    const events: TicketEvent[] = conversationEvents.fresh([...conversations, ...closed.conversations], queue.id);
    if (events.length > 0) sink.events(connection.id, events);
    // Search answers come in no promised order: a cut-short read keeps its mark and reads the rest next poll.
    if (closed.complete) {
      // updated_at > the mark, in whole seconds: a conversation closed in the newest second after the search answered
      // would never match, so the next search goes from a second before it (what is read again is reported once).
      const latest = closed.conversations.reduce((max, c) => Math.max(max, c.updated_at), since);
      closedSince.set(queue.id, latest > since ? Math.max(since, latest - 1000) : since);
      cursors.saveTime(sink, cursorName(queue.id), closedSince.get(queue.id)!);
    }
  };

  const resume = (sink: SourceSink) => {
    for (const queue of queues) {
      const saved = cursors.resumeTime(sink, cursorName(queue.id));
      if (saved !== null) closedSince.set(queue.id, saved);
    }
    // Closures before a queue's mark were read (by the last run, or this one): with the engine's open tickets, what was reported.
    conversationEvents.start(closedSince, (ticketId) => sink.openTicket?.(ticketId) ?? null);
  };

  return polledSource(async (sink, signal) => {
    for (const queue of queues) await readQueue(sink, queue, signal);
    await ratings.read(async () => {
      for (const queue of queues) {
        const rated = await readRatings({ id: queue.id, teamId: queue.source.teamId }, signal);
        if (rated.length > 0) sink.events(connection.id, rated);
      }
    });
  }, resume);
}
