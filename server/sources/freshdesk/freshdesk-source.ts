import { ChangedValues } from '../polling/changed-values';
import { ConnectorCursors } from '../polling/connector-cursors';
import type { ConnectorCapabilities } from '../polling/connector-capabilities';
import { createConnectorKit } from '../polling/connector-kit';
import { OptionalRatings } from '../polling/optional-ratings';
import type { PolledSource } from '../polling/polled-source';
import type { SourceSink } from '../source';
import { FRESHDESK_OPEN, freshdeskRateInfo, LIST_PAGE_SIZE, StatsTicketSchema, TicketListSchema, type SearchTicket } from './freshdesk-api';
import { freshdeskBaseUrl, type FreshdeskConnection, type FreshdeskQueueSource } from './freshdesk-config';
import { createFreshdeskRatings } from './freshdesk-ratings';
import { createBacklogSearch, SEARCH_CAP } from './freshdesk-search';
import { isFirstResponseLate, isResolutionLate } from './freshdesk-sla';
import { FreshdeskTicketTracker } from './freshdesk-tickets';

export interface FreshdeskSourceOptions extends ConnectorCapabilities {
  connection: FreshdeskConnection;
  queues: ReadonlyArray<{ id: string; source: FreshdeskQueueSource }>;
}

const MAX_LIST_PAGES = 20;
/** Freshdesk's smallest plans allow 50 requests a minute; the headers correct this on the first answer. */
const DEFAULT_LIMIT_PER_MINUTE = 50;

interface SearchedQueue {
  queueId: string;
  at: number;
  total: number;
  tickets: SearchTicket[];
  /** Every match read (see createBacklogSearch). */
  complete: boolean;
}

/**
 * One Freshdesk account as a Source. Each poll: every queue's unresolved tickets (search, paginated, cut into
 * parts of at most 300 results, see freshdesk-search.ts); then
 * the tickets updated since the last poll with their stats, as created/first-reply/reopened/solved events;
 * then the satisfaction ratings created since the last poll, for CSAT; last, one reading per queue: its backlog, its oldest Open ticket and its tickets past a due-by.
 */
export function createFreshdeskSource(options: FreshdeskSourceOptions): PolledSource {
  const { connection, queues, clock } = options;
  const { client, logger, validItems, polledSource } = createConnectorKit({
    label: 'Freshdesk',
    connection,
    queueIds: queues.map((q) => q.id),
    baseUrl: freshdeskBaseUrl(connection),
    // The API key is the Basic user name; the password is ignored.
    credentials: (token) => {
      const basic = Buffer.from(`${token}:X`).toString('base64');
      return { headers: { authorization: `Basic ${basic}` }, encoded: [basic] };
    },
    defaultLimitPerMinute: DEFAULT_LIMIT_PER_MINUTE,
    readRateInfo: freshdeskRateInfo,
    capabilities: options,
  });
  const queueByGroup = new Map(queues.map((q) => [q.source.groupId, q.id]));
  const tracker = new FreshdeskTicketTracker(queueByGroup);
  const readRatings = createFreshdeskRatings({ client, validItems, queueByGroup, now: () => clock.now() });
  const ratings = new OptionalRatings('Freshdesk', connection.id, clock, logger);
  let updatedSince = clock.now() - connection.backfillHours * 3_600_000;
  // In the store, so a restart or a takeover reads the changes since the last one's instead of the backfill window.
  const cursors = new ConnectorCursors({ sourceId: connection.id, label: 'Freshdesk', clock, logger });
  const CURSOR = 'updated-since';
  const lastOverdue = new ChangedValues('0/0');
  const lastIncomplete = new ChangedValues(false);

  const search = createBacklogSearch({ client, validItems });
  const searchBacklog = async (queue: { id: string; source: FreshdeskQueueSource }, signal: AbortSignal): Promise<SearchedQueue> => {
    const found = await search(queue.source.groupId, clock.now(), signal);
    return { queueId: queue.id, at: clock.now(), ...found };
  };

  const reportReading = (sink: SourceSink, { queueId, at, total, tickets, complete }: SearchedQueue) => {
    const open = tickets.filter((t) => t.status === FRESHDESK_OPEN);
    const oldest = open.length > 0 ? open.reduce((min, t) => Math.min(min, t.created_at), Infinity) : at;
    const firstResponseLate = (t: SearchTicket) => isFirstResponseLate(t, tracker.answered(t.id), at);
    const resolutionLate = (t: SearchTicket) => isResolutionLate(t, at);
    const slaBreached = tickets.filter((t) => firstResponseLate(t) || resolutionLate(t)).length;
    // Only with every unresolved ticket read are the oldest and the breaches known: a part is never sent as the whole.
    sink.reading(connection.id, queueId, {
      at,
      backlog: total,
      ...(complete ? { oldestWaitingSeconds: Math.max(0, Math.round((at - oldest) / 1000)), slaBreached } : {}),
    });
    if (lastIncomplete.changed(queueId, !complete) && !complete) {
      logger.warn(`Freshdesk has more than ${SEARCH_CAP} unresolved tickets of one status created on one day: oldest waiting and SLA breaches are not shown`, {
        sourceId: connection.id,
        queueId,
        backlog: total,
        read: tickets.length,
      });
    }
    const firstResponseOverdue = tickets.filter(firstResponseLate).length;
    const resolutionOverdue = tickets.filter(resolutionLate).length;
    if (lastOverdue.changed(queueId, `${firstResponseOverdue}/${resolutionOverdue}`)) {
      logger.info('Freshdesk tickets past their due-by', { sourceId: connection.id, queueId, firstResponseOverdue, resolutionOverdue });
    }
  };

  /**
   * Tickets updated since the last poll, oldest change first. The cursor is saved once the list has been read to its
   * end: then every change before it was read (what a resumed tracker relies on, freshdesk-tickets.ts); a list cut at
   * MAX_LIST_PAGES goes on next poll from the newest read, and a restart meanwhile from the last cursor saved.
   */
  const readTicketChanges = async (sink: SourceSink, signal: AbortSignal) => {
    let newest = updatedSince;
    let complete = false;
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
      const body = await client.json(TicketListSchema, {
        path: '/api/v2/tickets',
        query: { updated_since: new Date(updatedSince).toISOString(), include: 'stats', order_by: 'updated_at', order_type: 'asc', per_page: LIST_PAGE_SIZE, page },
        signal,
      });
      const tickets = validItems(StatsTicketSchema, body, 'tickets');
      const events = tickets.flatMap((ticket) => tracker.eventsFor(ticket));
      if (events.length > 0) sink.events(connection.id, events);
      for (const ticket of tickets) newest = Math.max(newest, ticket.updated_at);
      if (body.length < LIST_PAGE_SIZE) {
        complete = true;
        break;
      }
    }
    // updated_since is inclusive: the newest ticket is read again next time, and its events are not repeated.
    updatedSince = newest;
    if (complete) cursors.saveTime(sink, CURSOR, updatedSince);
  };

  const resume = (sink: SourceSink) => {
    const saved = cursors.resumeTime(sink, CURSOR);
    if (saved !== null) updatedSince = saved;
    // Resumed, the tracker knows none of the last run's tickets: it recalls them from the engine and the cursor's time.
    tracker.start(saved, (ticketId) => sink.openTicket?.(ticketId) ?? null, saved !== null);
  };

  return polledSource(async (sink, signal) => {
    const searched: SearchedQueue[] = [];
    try {
      for (const queue of queues) searched.push(await searchBacklog(queue, signal));
      // Read before the readings: it tells which tickets have had their first response.
      await readTicketChanges(sink, signal);
      await ratings.read(async () => {
        const rated = await readRatings(signal);
        if (rated.length > 0) sink.events(connection.id, rated);
      });
    } finally {
      // A queue searched before a later request failed is still reported, as each was on its own before.
      for (const queue of searched) reportReading(sink, queue);
    }
  }, resume);
}
