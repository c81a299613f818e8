import type { ConnectorCapabilities } from '../polling/connector-capabilities';
import { createConnectorKit } from '../polling/connector-kit';
import { OptionalRatings } from '../polling/optional-ratings';
import type { PolledSource } from '../polling/polled-source';
import type { SourceSink } from '../source';
import { ExportTicketSchema, MetricEventSchema, MetricEventsPageSchema, SearchCountSchema, TicketExportPageSchema, zendeskRateInfo } from './zendesk-api';
import { zendeskBaseUrl, type ZendeskConnection, type ZendeskQueueSource } from './zendesk-config';
import { ZendeskBreaches } from './zendesk-breaches';
import { createZendeskRatings } from './zendesk-ratings';
import { ZendeskTicketTracker, type ZendeskQueue } from './zendesk-tickets';

export interface ZendeskSourceOptions extends ConnectorCapabilities {
  connection: ZendeskConnection;
  queues: readonly ZendeskQueue[];
}

/** Pages read per export per poll at most; the rest is read on the next poll. */
const MAX_PAGES = 20;
const DEFAULT_LIMIT_PER_MINUTE = 200;

/** The Search count query for a queue's open backlog: unsolved tickets of its group (and channel, brand). */
export function backlogQuery(source: ZendeskQueueSource): string {
  return ['type:ticket', 'status<solved', `group_id:${source.groupId}`, source.channel && `via:${source.channel}`, source.brandId && `brand:${source.brandId}`]
    .filter(Boolean)
    .join(' ');
}

/**
 * One Zendesk account as a Source. Each poll: the open backlog of every queue (Search count API), then
 * ticket changes (incremental ticket export, cursor based) as created/queued/solved/reopened events, then
 * first replies and SLA breaches (incremental ticket metric events, time based), then customer ratings
 * (satisfaction ratings, cursor based) for CSAT; last, one reading per queue with its backlog and its open
 * tickets in breach of an SLA target.
 */
export function createZendeskSource(options: ZendeskSourceOptions): PolledSource {
  const { connection, queues, clock } = options;
  const { client, logger, validItems, polledSource } = createConnectorKit({
    label: 'Zendesk',
    connection,
    queueIds: queues.map((q) => q.id),
    baseUrl: zendeskBaseUrl(connection),
    // With an email the token is an API token (Basic "email/token:TOKEN"); without, an OAuth bearer token.
    credentials: (token) => {
      if (!connection.email) return { headers: { authorization: `Bearer ${token}` } };
      const basic = Buffer.from(`${connection.email}/token:${token}`).toString('base64');
      return { headers: { authorization: `Basic ${basic}` }, encoded: [basic] };
    },
    defaultLimitPerMinute: DEFAULT_LIMIT_PER_MINUTE,
    readRateInfo: zendeskRateInfo,
    capabilities: options,
  });
  const tracker = new ZendeskTicketTracker(queues);
  const breaches = new ZendeskBreaches(tracker);
  const backfillStart = Math.floor((clock.now() - connection.backfillHours * 3_600_000) / 1000);
  let ticketCursor: string | null = null;
  let metricsStart = backfillStart;
  const readRatings = createZendeskRatings({ client, validItems, queues, queueOfTicket: (id) => tracker.queueOf(id), now: () => clock.now() });
  const ratings = new OptionalRatings('Zendesk', connection.id, clock, logger);

  const readBacklogs = async (backlogs: Map<string, { at: number; count: number }>, signal: AbortSignal) => {
    for (const queue of queues) {
      const { count } = await client.json(SearchCountSchema, { path: '/api/v2/search/count', query: { query: backlogQuery(queue.source) }, signal });
      backlogs.set(queue.id, { at: clock.now(), count });
    }
  };

  /** One reading per queue whose backlog this poll read, with the breaches known when it ends. */
  const reportReadings = (sink: SourceSink, backlogs: ReadonlyMap<string, { at: number; count: number }>) => {
    const breached = breaches.counts(queues.map((q) => q.id), clock.now());
    for (const [queueId, { at, count }] of backlogs) sink.reading(connection.id, queueId, { at, backlog: count, slaBreached: breached.get(queueId)! });
  };

  /** Reads ticket changes; answers whether it reached the end of the stream (caught up with now). */
  const readTicketChanges = async (sink: SourceSink, signal: AbortSignal): Promise<boolean> => {
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await client.json(TicketExportPageSchema, {
        path: '/api/v2/incremental/tickets/cursor',
        query: ticketCursor ? { cursor: ticketCursor } : { start_time: backfillStart },
        signal,
      });
      const tickets = validItems(ExportTicketSchema, body.tickets, 'tickets');
      const events = tickets.flatMap((ticket) => tracker.eventsFor(ticket));
      if (events.length > 0) sink.events(connection.id, events);
      if (body.after_cursor) ticketCursor = body.after_cursor;
      if (body.end_of_stream) return true;
    }
    return false;
  };

  /**
   * Reads metric events up to `horizon` (Unix seconds) at most: a first reply is used only for a ticket
   * the export has shown, so the metric cursor never runs ahead of the ticket export.
   */
  const readMetricEvents = async (sink: SourceSink, signal: AbortSignal, horizon: number) => {
    for (let page = 0; page < MAX_PAGES; page++) {
      // Zendesk refuses a start time within the last minute.
      const start = Math.min(metricsStart, Math.floor(clock.now() / 1000) - 60);
      const body = await client.json(MetricEventsPageSchema, { path: '/api/v2/incremental/ticket_metric_events', query: { start_time: start }, signal });
      const metrics = validItems(MetricEventSchema, body.ticket_metric_events, 'ticket_metric_events');
      const replies = metrics.flatMap((metric) => tracker.firstReply(metric) ?? []);
      if (replies.length > 0) sink.events(connection.id, replies);
      for (const breach of metrics.filter((m) => m.type === 'breach' && m.deleted !== true && tracker.queueOf(m.ticket_id))) {
        logger.info('Zendesk SLA breach', { sourceId: connection.id, queueId: tracker.queueOf(breach.ticket_id), ticketId: breach.ticket_id, metric: breach.metric, at: new Date(breach.time).toISOString() });
      }
      for (const metric of metrics) breaches.apply(metric);
      const end = body.end_time;
      if (end !== undefined && end > metricsStart) metricsStart = Math.min(end, horizon);
      if (metricsStart >= horizon || metrics.length === 0 || body.end_of_stream || !body.next_page || end === undefined || end <= start) return;
    }
  };

  return polledSource(async (sink, signal) => {
    const backlogs = new Map<string, { at: number; count: number }>();
    try {
      await readBacklogs(backlogs, signal);
      const horizon = Math.floor(clock.now() / 1000);
      // While the export is still catching up (a long backfill), first replies wait for their tickets.
      if (await readTicketChanges(sink, signal)) await readMetricEvents(sink, signal, horizon);
      await ratings.read(async () => {
        const rated = await readRatings(signal);
        if (rated.length > 0) sink.events(connection.id, rated);
      });
    } finally {
      // A backlog read before a later request failed is still reported, as each was on its own before.
      reportReadings(sink, backlogs);
    }
  });
}
