import type { TicketEvent } from '../../../shared/ingest';
import { monotonicNow } from '../../runtime/clock';
import { resolveToken } from '../http/connection-config';
import { HttpFailureError } from '../http/http-failure';
import { ConnectorCursors } from '../polling/connector-cursors';
import { RateBudget } from '../http/rate-budget';
import type { ConnectorCapabilities } from '../polling/connector-capabilities';
import { createConnectorKit } from '../polling/connector-kit';
import { OptionalRatings } from '../polling/optional-ratings';
import type { PolledSource } from '../polling/polled-source';
import type { SourceSink } from '../source';
import {
  ExportTicketSchema,
  MetricEventSchema,
  MetricEventsPageSchema,
  MetricSetSchema,
  SearchCountSchema,
  TicketExportPageSchema,
  zendeskRateInfo,
  type ExportTicket,
  type MetricEvent,
  type MetricSet,
} from './zendesk-api';
import { backlogQuery, readOldOpenTickets } from './zendesk-backfill';
import { ZendeskBreaches } from './zendesk-breaches';
import { ZendeskCursorPoint } from './zendesk-cursor';
import { zendeskBaseUrl, type ZendeskConnection } from './zendesk-config';
import { EarlyMetricEvents, SolvedAfterReplies } from './zendesk-event-order';
import { adminTokenHint, asAdmin, ZendeskRateLimitState } from './zendesk-poll-guard';
import { createZendeskRatings } from './zendesk-ratings';
import { ZendeskTicketTracker, type ZendeskQueue } from './zendesk-tickets';

export { backlogQuery } from './zendesk-backfill';

export interface ZendeskSourceOptions extends ConnectorCapabilities {
  connection: ZendeskConnection;
  queues: readonly ZendeskQueue[];
}

/** Pages read per export per poll at most; the rest is read on the next poll. */
const MAX_PAGES = 20;
const DEFAULT_LIMIT_PER_MINUTE = 200;
/** Zendesk's incremental exports leave out what changed in the minute before the request. */
const EXPORT_LAG_MS = 60_000;
/** How far back the metric events are read for old open tickets at most: years of an account's events would take days. */
const OLD_TICKETS_LOOKBACK_MS = 30 * 86_400_000;
/** Zendesk's own limit on the incremental exports, besides the account's: asked for no faster, they answer no 429. */
const EXPORTS_PER_MINUTE = 10;
/** The ticket export's cursor in the store (connector-cursors.ts), and the time until which it had read every change. */
const TICKET_CURSOR = 'tickets';
const EXPORTED_UNTIL = 'tickets-exported-until';
/** What Zendesk answers a cursor it no longer takes: the export starts again from the backfill window. */
const REFUSED_CURSOR = new Set([400, 404, 422]);

/**
 * One Zendesk account as a Source. Each poll: the open backlog of every queue (Search count API), each
 * sent as a reading as soon as it is counted; then ticket changes (incremental ticket export, cursor based,
 * with each ticket's metrics) as created/queued/solved/reopened events; on the first poll, the open tickets
 * older than that export (search export); then first replies and SLA breaches (incremental ticket metric
 * events, time based), and a reading per queue of its open tickets in breach; last, customer ratings
 * (satisfaction ratings, cursor based) for CSAT. Events go out in the order the engine needs them (see
 * zendesk-event-order.ts), whichever export told of them first.
 */
export function createZendeskSource(options: ZendeskSourceOptions): PolledSource {
  const { connection, queues, clock } = options;
  const queueIds = queues.map((q) => q.id);
  const { client, logger, validItems, polledSource } = createConnectorKit({
    label: 'Zendesk',
    connection,
    queueIds,
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
  const backfillStart = clock.now() - connection.backfillHours * 3_600_000;
  const tracker = new ZendeskTicketTracker(queues, backfillStart);
  const breaches = new ZendeskBreaches(tracker);
  const order = new SolvedAfterReplies();
  const early = new EarlyMetricEvents();
  const adminHint = adminTokenHint(connection, resolveToken(connection, options.env));
  const rateLimit = new ZendeskRateLimitState(connection.id, queueIds, clock, logger);
  const exportBudget = new RateBudget({ share: 1, defaultLimit: EXPORTS_PER_MINUTE });
  /** An export request within its own limit, with the admin hint on a 403. */
  const exported = async <T>(signal: AbortSignal, request: () => Promise<T>): Promise<T> => {
    // On the monotonic clock, like the client's own budget: a wall-clock step must not stall or rush the exports.
    const wait = exportBudget.waitMs(monotonicNow(clock));
    if (wait > 0) await options.sleep(wait, signal);
    exportBudget.spend(monotonicNow(clock));
    return asAdmin(adminHint, request);
  };
  let ticketCursor: string | null = null;
  // The saved cursor is resumed from at start; the export's open tickets unchanged since before it are then those
  // last changed before it was saved (search export), so the tracker knows every open ticket again.
  const cursors = new ConnectorCursors({ sourceId: connection.id, label: 'Zendesk', clock, logger });
  const cursorPoint = new ZendeskCursorPoint(order);
  let resumedCursor = false;
  /** Every ticket change before this time has been read (the export reached its end then, less its lag); null: not yet. */
  let exportedUntil: number | null = null;
  let oldOpenBefore = backfillStart;
  let metricsStart = Math.floor(backfillStart / 1000);
  let oldOpenTicketsRead = false;
  let breachesKnown = false;
  let earlyDroppedLogged = 0;
  const readRatings = createZendeskRatings({ client, validItems, queues, queueOfTicket: (id) => tracker.queueOf(id), now: () => clock.now() });
  const ratings = new OptionalRatings('Zendesk', connection.id, clock, logger);

  const send = (sink: SourceSink, events: readonly TicketEvent[]) => {
    if (events.length > 0) sink.events(connection.id, events);
  };

  /** One reading per queue as soon as its backlog is counted, so a long poll leaves no queue waiting for the others. */
  const readBacklogs = async (sink: SourceSink, signal: AbortSignal) => {
    for (const queue of queues) {
      const { count } = await client.json(SearchCountSchema, { path: '/api/v2/search/count', query: { query: backlogQuery(queue.source) }, signal });
      sink.reading(connection.id, queue.id, { at: clock.now(), backlog: count });
    }
  };

  /** A metric event of a ticket the connector knows: breaches follow it, a first reply becomes an event. */
  const useMetric = (metric: MetricEvent): TicketEvent[] => {
    if (metric.type === 'breach' && metric.deleted !== true) {
      logger.info('Zendesk SLA breach', { sourceId: connection.id, queueId: tracker.queueOf(metric.ticket_id), ticketId: metric.ticket_id, metric: metric.metric, at: new Date(metric.time).toISOString() });
    }
    breaches.apply(metric);
    const reply = tracker.firstReply(metric);
    return reply ? [reply] : [];
  };

  /** Tickets as events, each with the metric events that came before it (in time order: a reply goes before its solve). */
  const useTickets = (tickets: readonly ExportTicket[], metricSets: ReadonlyMap<number, MetricSet>): TicketEvent[] =>
    tickets.flatMap((ticket) => {
      const events = tracker.eventsFor(ticket, metricSets.get(ticket.id));
      if (tracker.queueOf(ticket.id) === undefined) return events;
      return [...events, ...early.take(ticket.id).flatMap(useMetric)].sort((a, b) => a.at - b.at);
    });

  const exportPage = (signal: AbortSignal) =>
    exported(signal, () =>
      client.json(TicketExportPageSchema, {
        path: '/api/v2/incremental/tickets/cursor',
        query: { ...(ticketCursor ? { cursor: ticketCursor } : { start_time: Math.floor(backfillStart / 1000) }), include: 'metric_sets' },
        signal,
      }),
    );

  /** The next export page; a saved cursor Zendesk refuses is let go (logged) and the backfill window read instead. */
  const nextPage = async (signal: AbortSignal) => {
    try {
      const page = await exportPage(signal);
      resumedCursor = false;
      return page;
    } catch (error) {
      const failure = error instanceof HttpFailureError ? error.failure : null;
      if (!resumedCursor || failure?.kind !== 'status' || !REFUSED_CURSOR.has(failure.status)) throw error;
      cursors.rejected(TICKET_CURSOR, `answered ${failure.status}`);
      resumedCursor = false;
      ticketCursor = null;
      oldOpenBefore = backfillStart;
      exportedUntil = null;
      cursorPoint.clear();
      return exportPage(signal);
    }
  };

  /** The latest cursor whose events have all gone out, into the store. */
  const saveCursor = (sink: SourceSink) => {
    const taken = cursorPoint.take();
    if (!taken) return;
    cursors.save(sink, TICKET_CURSOR, taken.cursor);
    if (taken.exportedUntil !== null) cursors.saveTime(sink, EXPORTED_UNTIL, taken.exportedUntil);
  };

  /** Reads ticket changes; answers whether it reached the end of the stream (caught up with now). */
  const readTicketChanges = async (sink: SourceSink, signal: AbortSignal): Promise<boolean> => {
    for (let page = 0; page < MAX_PAGES; page++) {
      const askedAt = clock.now();
      const body = await nextPage(signal);
      const tickets = validItems(ExportTicketSchema, body.tickets, 'tickets');
      const metricSets = new Map(validItems(MetricSetSchema, body.metric_sets ?? [], 'metric_sets').map((set) => [set.ticket_id, set]));
      send(sink, order.pass(useTickets(tickets, metricSets)));
      // At the end of the stream every change until a minute before the request has been read.
      if (body.end_of_stream) exportedUntil = askedAt - EXPORT_LAG_MS;
      if (body.after_cursor) {
        ticketCursor = body.after_cursor;
        cursorPoint.read(ticketCursor, exportedUntil);
      }
      saveCursor(sink);
      if (body.end_of_stream) return true;
    }
    return false;
  };

  const resume = (sink: SourceSink) => {
    const saved = cursors.resume(sink, TICKET_CURSOR);
    // The tracker knows none of the last run's tickets: it recalls them from the engine and the export's point.
    exportedUntil = saved ? cursors.companionTime(sink, EXPORTED_UNTIL) : null;
    tracker.start(exportedUntil, (ticketId) => sink.openTicket?.(ticketId) ?? null, saved !== null);
    if (!saved) return;
    ticketCursor = saved.value;
    resumedCursor = true;
    oldOpenBefore = saved.savedAt;
    oldOpenTicketsRead = false;
    cursorPoint.clear();
  };

  /** Once: open tickets the export leaves out (unchanged since before it starts); metric events are read from the oldest (30 days back at most). */
  const readOldOpen = async (sink: SourceSink, signal: AbortSignal) => {
    const old = await readOldOpenTickets(client, validItems, queues, oldOpenBefore, signal);
    send(sink, order.pass(useTickets(old, new Map())));
    // A loop, not Math.min(...): an account's old open tickets can be more than a call takes arguments.
    const oldest = old.reduce((min, t) => (tracker.openQueueOf(t.id) === undefined ? min : Math.min(min, t.created_at)), Infinity);
    if (Number.isFinite(oldest)) metricsStart = Math.min(metricsStart, Math.floor(Math.max(oldest, clock.now() - OLD_TICKETS_LOOKBACK_MS) / 1000));
    oldOpenTicketsRead = true;
  };

  /**
   * Reads metric events up to `horizon` (Unix seconds) at most. An event for a ticket not shown yet is
   * kept for it (from the export's start on: older ones are of tickets the export will never show).
   */
  const readMetricEvents = async (sink: SourceSink, signal: AbortSignal, horizon: number) => {
    for (let page = 0; page < MAX_PAGES; page++) {
      const askedAt = clock.now();
      // Zendesk refuses a start time within the last minute.
      const start = Math.min(metricsStart, Math.floor(askedAt / 1000) - 60);
      const body = await exported(signal, () => client.json(MetricEventsPageSchema, { path: '/api/v2/incremental/ticket_metric_events', query: { start_time: start }, signal }));
      const metrics = validItems(MetricEventSchema, body.ticket_metric_events, 'ticket_metric_events');
      const replies = metrics.flatMap((metric) => {
        if (tracker.queueOf(metric.ticket_id) !== undefined) return useMetric(metric);
        if (metric.time >= backfillStart) early.keep(metric);
        return [];
      });
      send(sink, order.pass(replies));
      const end = body.end_time;
      if (end !== undefined && end > metricsStart) metricsStart = Math.min(end, horizon);
      const atEnd = metrics.length === 0 || body.end_of_stream === true || !body.next_page || end === undefined || end <= start;
      // At the end of the stream every event until a minute before the request has been read.
      send(sink, order.coveredUntil(atEnd ? askedAt - EXPORT_LAG_MS : metricsStart * 1000));
      if (metricsStart >= horizon || atEnd) break;
    }
    if (early.dropped > earlyDroppedLogged) {
      logger.warn('Zendesk metric events of tickets the export never showed were let go: kept only for the most recent tickets', { sourceId: connection.id, total: early.dropped });
      earlyDroppedLogged = early.dropped;
    }
  };

  /** A reading per queue of its open tickets in breach, once the metric events have been read. */
  const reportBreaches = (sink: SourceSink) => {
    const at = clock.now();
    const breached = breaches.counts(queueIds, at);
    for (const queueId of queueIds) sink.reading(connection.id, queueId, { at, slaBreached: breached.get(queueId)! });
  };

  return polledSource((sink, signal) =>
    rateLimit.poll(sink, async () => {
      await readBacklogs(sink, signal);
      const horizon = Math.floor(clock.now() / 1000);
      const caughtUp = await readTicketChanges(sink, signal);
      if (!oldOpenTicketsRead) await readOldOpen(sink, signal);
      // While the export is still catching up (a long backfill), first replies wait for their tickets.
      if (caughtUp) {
        await readMetricEvents(sink, signal, horizon);
        saveCursor(sink);
        breachesKnown = true;
      }
      if (breachesKnown) reportBreaches(sink);
      await ratings.read(async () => {
        const rated = await readRatings(signal);
        send(sink, rated);
      });
    }),
    resume,
  );
}
