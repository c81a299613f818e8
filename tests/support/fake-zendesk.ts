import type { ServerResponse } from 'node:http';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import { MetricEngine } from '../../server/metrics';
import { sendJson, type RecordedRequest, type Route } from './fake-helpdesk';
import { apiTicket, inQueue, isOpen, iso, metricEvents, metricSet, updatedAt, type FakeQueue, type FakeZendeskTicket } from './fake-zendesk-world';

/**
 * Zendesk's API as documented, over a world of tickets (fake-zendesk-world.ts), answering at the fake
 * clock's time of each request:
 * - Search count and search export (cursor pagination, filter[type] required) over the open tickets;
 * - the cursor-based incremental ticket export (oldest change first, leaving out the last minute,
 *   include=metric_sets side-loads ticket_metrics) and the time-based ticket metric events export
 *   (start_time, end_time, next_page, the last minute left out);
 * - 10 incremental-export requests a minute, then 429 with Retry-After; X-Rate-Limit headers on every answer;
 *   an account over its limit answers 429 with the Retry-After it gives until then;
 * - incremental exports for admins only: a non-admin's token gets 403.
 */
export interface FakeZendeskOptions {
  tickets: FakeZendeskTicket[];
  ticketsPerPage?: number;
  metricEventsPerPage?: number;
  /** Whether the token is an admin's (incremental exports need one). */
  admin?: boolean;
}

const EXPORT_LAG_MS = 60_000;
const EXPORTS_PER_MINUTE = 10;
const RATE_HEADERS = { 'x-rate-limit': 700, 'x-rate-limit-remaining': 650 };

export function fakeZendesk(options: FakeZendeskOptions) {
  const { tickets } = options;
  const exportTimes: number[] = [];
  let throttledUntil = 0;
  let overLimit = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}) => sendJson(res, status, body, { ...RATE_HEADERS, ...headers });

  /** Tickets of the queue a search query names (group_id, via, status<solved, updated<). */
  const searched = (query: string, now: number) => {
    const group = Number(/group_id:(\d+)/.exec(query)?.[1]);
    const channel = /via:(\w+)/.exec(query)?.[1];
    const before = /updated<(\S+)/.exec(query)?.[1];
    const queue: FakeQueue = { groupId: group, ...(channel ? { channel } : {}) };
    return tickets.filter((t) => inQueue(t, queue) && (!query.includes('status<solved') || isOpen(t, now)) && (before === undefined || updatedAt(t, now) < Date.parse(before)));
  };

  const ticketExport = (req: RecordedRequest, res: ServerResponse) => {
    const cursor = req.url.searchParams.get('cursor');
    const [fromAt, fromId] = cursor ? Buffer.from(cursor, 'base64url').toString().split(':').map(Number) : [Number(req.url.searchParams.get('start_time')) * 1000, -1];
    const until = req.at - EXPORT_LAG_MS;
    const changed = tickets
      .filter((t) => t.createdAt <= until)
      .map((t) => ({ t, at: updatedAt(t, until) }))
      .filter(({ t, at }) => at > fromAt! || (at === fromAt && t.id > fromId!))
      .sort((a, b) => a.at - b.at || a.t.id - b.t.id);
    const page = changed.slice(0, options.ticketsPerPage ?? 1000);
    const last = page.at(-1);
    const after = last ? Buffer.from(`${last.at}:${last.t.id}`).toString('base64url') : cursor ?? Buffer.from(`${fromAt}:${fromId}`).toString('base64url');
    const withMetrics = req.url.searchParams.get('include')?.split(',').includes('metric_sets');
    send(res, 200, {
      tickets: page.map(({ t }) => apiTicket(t, until)),
      ...(withMetrics ? { metric_sets: page.map(({ t }) => metricSet(t, until)) } : {}),
      after_cursor: after,
      after_url: `${req.url.origin}/api/v2/incremental/tickets/cursor.json?cursor=${after}`,
      end_of_stream: page.length === changed.length,
    });
  };

  const metricEventExport = (req: RecordedRequest, res: ServerResponse) => {
    const start = Number(req.url.searchParams.get('start_time')) * 1000;
    if (start > req.at - EXPORT_LAG_MS) return send(res, 400, { error: 'InvalidValue', description: 'start_time is too recent; it must be at least one minute ago' });
    const until = req.at - EXPORT_LAG_MS;
    const all = tickets.flatMap(metricEvents).filter((e) => Date.parse(e.time) >= start && Date.parse(e.time) <= until).sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.id - b.id);
    const limit = options.metricEventsPerPage ?? 1000;
    const page = all.slice(0, limit);
    const more = all.length > limit;
    const endTime = Math.floor((more ? Date.parse(page.at(-1)!.time) : until) / 1000);
    send(res, 200, {
      ticket_metric_events: page,
      next_page: more ? `${req.url.origin}/api/v2/incremental/ticket_metric_events.json?start_time=${endTime}` : null,
      count: page.length,
      end_time: endTime,
      end_of_stream: !more,
    });
  };

  /** Zendesk's 10 a minute on incremental exports, and an account over its limit while throttled. */
  const refusedExport = (req: RecordedRequest, res: ServerResponse): boolean => {
    if (req.at < throttledUntil) {
      send(res, 429, { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' }, { 'retry-after': Math.ceil((throttledUntil - req.at) / 1000) });
      return true;
    }
    if (options.admin === false) {
      send(res, 403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });
      return true;
    }
    while (exportTimes.length > 0 && exportTimes[0]! <= req.at - 60_000) exportTimes.shift();
    if (exportTimes.length >= EXPORTS_PER_MINUTE) {
      overLimit++;
      send(res, 429, { error: 'APIRateLimitExceeded' }, { 'retry-after': Math.max(1, Math.ceil((exportTimes[0]! + 60_000 - req.at) / 1000)) });
      return true;
    }
    exportTimes.push(req.at);
    return false;
  };

  const route: Route = (req, res) => {
    const path = req.url.pathname.replace(/\.json$/, '');
    const query = req.url.searchParams.get('query') ?? '';
    if (path === '/api/v2/search/count') return send(res, 200, { count: searched(query, req.at).length });
    if (path === '/api/v2/search/export') {
      if (req.url.searchParams.get('filter[type]') !== 'ticket') return send(res, 400, { error: 'InvalidValue', description: 'filter[type] is required' });
      const found = searched(query, req.at);
      const from = Number(req.url.searchParams.get('page[after]') ?? 0);
      const size = Number(req.url.searchParams.get('page[size]') ?? 100);
      const page = found.slice(from, from + size);
      const more = from + size < found.length;
      return send(res, 200, { results: page.map((t) => ({ ...apiTicket(t, req.at), result_type: 'ticket' })), meta: { has_more: more, after_cursor: more ? String(from + size) : null }, links: { next: null } });
    }
    if (path.startsWith('/api/v2/incremental/') && refusedExport(req, res)) return;
    if (path === '/api/v2/incremental/tickets/cursor') return ticketExport(req, res);
    if (path === '/api/v2/incremental/ticket_metric_events') return metricEventExport(req, res);
    if (path === '/api/v2/satisfaction_ratings') return send(res, 200, { satisfaction_ratings: [], meta: { has_more: false, after_cursor: null }, links: { next: null } });
    send(res, 404, { error: 'InvalidEndpoint' });
  };

  return {
    route,
    /** Export requests refused for going past 10 a minute. */
    get overLimit() {
      return overLimit;
    },
    /** The account is over its limit until `until` (other integrations share it): exports answer 429 with Retry-After. */
    throttle(until: number) {
      throttledUntil = until;
    },
  };
}

export { iso };

/** The engine fed with what a connector reported: its figures per queue, and the events it refused. */
export function engineFrom(
  queueIds: readonly string[],
  reported: { events: readonly TicketEvent[]; queueReadings: ReadonlyArray<{ queueId: string; reading: QueueReadingInput }> },
) {
  const engine = new MetricEngine({ queues: queueIds.map((id) => ({ id, firstResponseTargetSeconds: 3600 })) });
  const refused = reported.events.filter((event) => !engine.applyEvent(event).applied);
  for (const { queueId, reading } of reported.queueReadings) engine.applyReading(queueId, reading);
  return { engine, refused };
}

/** The figures the fake's definitions cover, from the engine's metrics. */
export function comparable(metrics: Record<string, unknown>) {
  const { backlog, firstResponseP50, firstResponseP90, resolutionP50, resolutionP90, oldestWaitingSeconds, slaBreached } = metrics;
  return { backlog, firstResponseP50, firstResponseP90, resolutionP50, resolutionP90, oldestWaitingSeconds, slaBreached };
}
