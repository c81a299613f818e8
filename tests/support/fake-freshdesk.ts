import type { ServerResponse } from 'node:http';
import { searchResult, expectedBreached, type FakeSlaTicket } from './fake-freshdesk-sla';
import { parseTicketQuery, QueryError } from './fake-freshdesk-query';
import type { WorldTicket } from './connector-restart-world';
import { sendJson, type RecordedRequest, type Route } from './fake-helpdesk';

/**
 * A Freshdesk account written from its API documentation (v2): GET /api/v2/search/tickets answers 30 results a
 * page, newest first, with the full `total`, and refuses a page above 10 (so at most 300 results of one query
 * can be read) with Freshdesk's validation error; GET /api/v2/tickets lists tickets updated since a time with
 * their stats, up to 100 a page, with a Link header to the next page. Every answer shows the tickets as they
 * were at the request's time, and the fake computes the figures a wall should show from its own tickets.
 */
export interface FakeFreshdeskTicket {
  id: number;
  createdAt: number;
  /** Its group from `at` on; the first entry is its group at creation. */
  groups: ReadonlyArray<{ at: number; groupId: number }>;
  firstRespondedAt?: number;
  /** Resolved, reopened, resolved again …, in time order. */
  changes: ReadonlyArray<{ at: number; to: 'resolved' | 'reopened' }>;
  /** Waits on the customer (Pending, SLA timer paused) from its first response until resolved or reopened. */
  pendsAfterReply?: boolean;
  firstResponseDue: number;
  resolutionDue: number;
}

export const SEARCH_PAGE = 30;
export const SEARCH_PAGES = 10;
const LIST_PAGE_MAX = 100;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

/** The ticket as Freshdesk shows it at `now`; null before it exists. */
export function ticketAt(t: FakeFreshdeskTicket, now: number) {
  if (t.createdAt > now) return null;
  const past = <T extends { at: number }>(items: readonly T[]) => items.filter((i) => i.at <= now);
  const groupId = past(t.groups).at(-1)!.groupId;
  const changes = past(t.changes);
  const last = changes.at(-1);
  const answered = t.firstRespondedAt !== undefined && t.firstRespondedAt <= now;
  const pending = !!t.pendsAfterReply && answered && changes.length === 0;
  const status = last?.to === 'resolved' ? 4 : pending ? 3 : 2;
  const resolvedAt = changes.filter((c) => c.to === 'resolved').at(-1)?.at ?? null;
  const reopenedAt = changes.filter((c) => c.to === 'reopened').at(-1)?.at ?? null;
  const times = [t.createdAt, ...past(t.groups).map((g) => g.at), ...changes.map((c) => c.at), ...(answered ? [t.firstRespondedAt!] : [])];
  const sla: FakeSlaTicket = {
    id: t.id,
    status: pending ? 3 : 2,
    createdAt: t.createdAt,
    firstResponseDue: t.firstResponseDue,
    resolutionDue: t.resolutionDue,
    ...(answered ? { answeredAt: t.firstRespondedAt! } : {}),
    ...(pending ? { pausedSince: t.firstRespondedAt! } : {}),
  };
  return { id: t.id, groupId, status, createdAt: t.createdAt, updatedAt: Math.max(...times), answered, resolvedAt, reopenedAt, sla };
}

/** What the wall should show for a group at `now`, by the connector's documented definitions (README). */
export function expectedFigures(tickets: readonly FakeFreshdeskTicket[], groupId: number, now: number) {
  const unresolved = tickets.map((t) => ticketAt(t, now)).filter((t) => t !== null && t.groupId === groupId && t.status !== 4);
  const open = unresolved.filter((t) => t!.status === 2);
  const oldest = open.length > 0 ? Math.min(...open.map((t) => t!.createdAt)) : now;
  return {
    backlog: unresolved.length,
    oldestWaitingSeconds: Math.round((now - oldest) / 1000),
    slaBreached: expectedBreached(unresolved.map((t) => t!.sla), now),
  };
}

function refuse(res: ServerResponse, field: string, message: string) {
  sendJson(res, 400, { description: 'Validation failed', errors: [{ field, message, code: 'invalid_value' }] });
}

type Shown = NonNullable<ReturnType<typeof ticketAt>>;

function search(shown: readonly Shown[], req: RecordedRequest, res: ServerResponse) {
  const page = Number(req.url.searchParams.get('page') ?? 1);
  if (!Number.isInteger(page) || page < 1 || page > SEARCH_PAGES) return refuse(res, 'page', `It should be a Positive Number less than or equal to ${SEARCH_PAGES}`);
  let matches;
  try {
    matches = parseTicketQuery(req.url.searchParams.get('query') ?? '');
  } catch (error) {
    if (error instanceof QueryError) return refuse(res, 'query', error.message);
    throw error;
  }
  const found = shown
    .filter((t) => matches({ group_id: t.groupId, status: t.status, created_at: t.createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const results = found.slice((page - 1) * SEARCH_PAGE, page * SEARCH_PAGE).map((t) => ({ ...searchResult(t.sla, req.at), status: t.status }));
  sendJson(res, 200, { results, total: found.length });
}

function list(shown: readonly Shown[], req: RecordedRequest, res: ServerResponse) {
  const q = req.url.searchParams;
  const perPage = Number(q.get('per_page') ?? 30);
  const page = Number(q.get('page') ?? 1);
  if (!(perPage >= 1 && perPage <= LIST_PAGE_MAX)) return refuse(res, 'per_page', `It should be a Positive Number less than or equal to ${LIST_PAGE_MAX}`);
  const since = Date.parse(q.get('updated_since') ?? '');
  if (Number.isNaN(since)) return refuse(res, 'updated_since', 'It should be in the ISO 8601 format');
  const updated = shown.filter((t) => t.updatedAt >= since).sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
  const body = updated.slice((page - 1) * perPage, page * perPage).map((t) => ({
    id: t.id,
    group_id: t.groupId,
    status: t.status,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    ...(q.get('include') === 'stats'
      ? { stats: { first_responded_at: t.answered ? iso(t.sla.answeredAt!) : null, resolved_at: t.resolvedAt === null ? null : iso(t.resolvedAt), reopened_at: t.reopenedAt === null ? null : iso(t.reopenedAt), closed_at: null } }
      : {}),
  }));
  const next = new URL(req.url);
  next.searchParams.set('page', String(page + 1));
  sendJson(res, 200, body, page * perPage < updated.length ? { link: `<${next.pathname}${next.search}>; rel="next"` } : {});
}

/** The fake's routes over a set of tickets; no satisfaction ratings (an empty list). */
export function fakeFreshdesk(tickets: readonly FakeFreshdeskTicket[]): Route {
  // The requests of one poll come at one fake time: the tickets are worked out once for it.
  let cached: { at: number; shown: Shown[] } | null = null;
  const shownAt = (at: number) => {
    if (cached?.at !== at) cached = { at, shown: tickets.map((t) => ticketAt(t, at)).filter((t) => t !== null) };
    return cached.shown;
  };
  return (req, res) => {
    if (req.url.pathname === '/api/v2/search/tickets') return search(shownAt(req.at), req, res);
    if (req.url.pathname === '/api/v2/tickets') return list(shownAt(req.at), req, res);
    if (req.url.pathname === '/api/v2/surveys/satisfaction_ratings') return sendJson(res, 200, []);
    sendJson(res, 404, { code: 'invalid_url', message: 'The requested URL is invalid' });
  };
}

/** A recorded world's tickets as Freshdesk tickets: odd numbers wait on the customer after the first reply; SLA 1 h to first response, 8 h to resolve. */
export function freshdeskTickets(world: readonly WorldTicket[], groupOf: Readonly<Record<string, number>>): FakeFreshdeskTicket[] {
  return world.map((t) => ({
    id: t.number,
    createdAt: t.createdAt,
    groups: t.queues.map((q) => ({ at: q.at, groupId: groupOf[q.queueId]! })),
    ...(t.firstReplyAt === undefined ? {} : { firstRespondedAt: t.firstReplyAt }),
    changes: t.changes,
    pendsAfterReply: t.number % 2 === 1,
    firstResponseDue: t.createdAt + 3_600_000,
    resolutionDue: t.createdAt + 8 * 3_600_000,
  }));
}
