import type { ServerResponse } from 'node:http';
import type { WorldTicket } from './connector-restart-world';
import { sendJson, type RecordedRequest, type Route } from './fake-helpdesk';

/**
 * An Intercom workspace written from its REST API documentation (2.x): POST /conversations/search takes an
 * AND of filters (state IN, team_assignee_id =, updated_at > Unix seconds), answers up to `per_page` (at most
 * 150) conversations with `total_count` and a `pages.next.starting_after` cursor; each conversation shows
 * state, waiting_since (since when the customer waits for a teammate), statistics.first_admin_reply_at and
 * last_close_at, and its SLA's status (active until the first reply, then hit). Every answer shows the
 * conversations as they were at the request's time; the fake computes the wall's figures from its own ones.
 */
export interface FakeConversation {
  id: string;
  createdAt: number;
  teams: ReadonlyArray<{ at: number; teamId: string }>;
  firstReplyAt?: number;
  /** Closed, reopened (the customer wrote again), closed …, in time order. */
  changes: ReadonlyArray<{ at: number; to: 'resolved' | 'reopened' }>;
}

const MAX_PER_PAGE = 150;
/** The SLA the fake applies to every conversation: a first reply within an hour (slaTargets.firstReplySeconds). */
export const FIRST_REPLY_TARGET_SECONDS = 3600;
const unix = (ms: number) => Math.floor(ms / 1000);

export function conversationAt(c: FakeConversation, now: number) {
  if (c.createdAt > now) return null;
  const past = <T extends { at: number }>(items: readonly T[]) => items.filter((i) => i.at <= now);
  const changes = past(c.changes);
  const state = changes.at(-1)?.to === 'resolved' ? 'closed' : 'open';
  const replied = c.firstReplyAt !== undefined && c.firstReplyAt <= now;
  const reopenedAt = changes.at(-1)?.to === 'reopened' ? changes.at(-1)!.at : null;
  const waitingSince = state === 'closed' ? null : reopenedAt ?? (replied ? null : c.createdAt);
  const lastCloseAt = changes.filter((x) => x.to === 'resolved').at(-1)?.at ?? null;
  const times = [c.createdAt, ...past(c.teams).map((t) => t.at), ...changes.map((x) => x.at), ...(replied ? [c.firstReplyAt!] : [])];
  return { id: c.id, teamId: past(c.teams).at(-1)!.teamId, state, createdAt: c.createdAt, updatedAt: Math.max(...times), replied, waitingSince, lastCloseAt, firstReplyAt: c.firstReplyAt };
}

type Shown = NonNullable<ReturnType<typeof conversationAt>>;

function apiConversation(c: Shown) {
  return {
    type: 'conversation',
    id: c.id,
    state: c.state,
    created_at: unix(c.createdAt),
    updated_at: unix(c.updatedAt),
    waiting_since: c.waitingSince === null ? null : unix(c.waitingSince),
    team_assignee_id: Number(c.teamId),
    sla_applied: { type: 'conversation_sla_summary', sla_name: 'First reply in an hour', sla_status: c.replied ? 'hit' : 'active' },
    statistics: { type: 'conversation_statistics', first_admin_reply_at: c.replied ? unix(c.firstReplyAt!) : null, last_close_at: c.lastCloseAt === null ? null : unix(c.lastCloseAt) },
  };
}

/** What the wall should show for a team at `now`, by the connector's documented definitions (README). */
export function expectedIntercomFigures(conversations: readonly FakeConversation[], teamId: string, now: number) {
  const open = conversations.map((c) => conversationAt(c, now)).filter((c): c is Shown => c !== null && c.teamId === teamId && c.state === 'open');
  // Intercom keeps times in whole seconds.
  const waiting = open.filter((c) => c.waitingSince !== null).map((c) => unix(c.waitingSince!) * 1000);
  return {
    backlog: open.length,
    oldestWaitingSeconds: waiting.length === 0 ? 0 : Math.round((now - Math.min(...waiting)) / 1000),
    slaBreached: open.filter((c) => !c.replied && now > c.createdAt + FIRST_REPLY_TARGET_SECONDS * 1000).length,
  };
}

type Filter = { field: string; operator: string; value: unknown };

function refuse(res: ServerResponse, message: string) {
  sendJson(res, 400, { type: 'error.list', errors: [{ code: 'parameter_invalid', message }] });
}

function search(conversations: readonly FakeConversation[], req: RecordedRequest, res: ServerResponse) {
  const body = req.body as { query?: { operator?: string; value?: Filter[] }; pagination?: { per_page?: number; starting_after?: string } };
  const filters = body.query?.operator === 'AND' ? body.query.value ?? [] : null;
  if (!filters) return refuse(res, 'query must be an AND of filters');
  // The ratings search (conversation_rating.replied_at): the fake holds no ratings.
  if (filters.some((f) => f.field.startsWith('conversation_rating'))) return sendJson(res, 200, { type: 'conversation.list', total_count: 0, pages: { next: null }, conversations: [] });
  const perPage = body.pagination?.per_page ?? 20;
  if (perPage < 1 || perPage > MAX_PER_PAGE) return refuse(res, `per_page must be between 1 and ${MAX_PER_PAGE}`);
  const tests = filters.map((f): ((c: Shown) => boolean) => {
    if (f.field === 'state' && f.operator === 'IN') return (c) => (f.value as string[]).includes(c.state);
    if (f.field === 'team_assignee_id' && f.operator === '=') return (c) => c.teamId === String(f.value);
    if (f.field === 'updated_at' && f.operator === '>') return (c) => unix(c.updatedAt) > (f.value as number);
    throw new Error(`the fake does not search ${f.field} ${f.operator}`);
  });
  const found = conversations
    .map((c) => conversationAt(c, req.at))
    .filter((c): c is Shown => c !== null && tests.every((test) => test(c)))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const from = Number(body.pagination?.starting_after ?? 0);
  const page = found.slice(from, from + perPage);
  const next = from + perPage < found.length ? { page: from / perPage + 2, starting_after: String(from + perPage) } : null;
  sendJson(res, 200, { type: 'conversation.list', total_count: found.length, pages: { type: 'pages', per_page: perPage, next }, conversations: page.map(apiConversation) });
}

export function fakeIntercom(conversations: readonly FakeConversation[]): Route {
  return (req, res) => {
    if (req.method === 'POST' && req.url.pathname === '/conversations/search') return search(conversations, req, res);
    sendJson(res, 404, { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] });
  };
}

/** A recorded world's tickets as Intercom conversations of the teams given per queue. */
export function intercomConversations(world: readonly WorldTicket[], teamOf: Readonly<Record<string, string>>): FakeConversation[] {
  return world.map((t) => ({
    id: String(1000 + t.number),
    createdAt: t.createdAt,
    teams: t.queues.map((q) => ({ at: q.at, teamId: teamOf[q.queueId]! })),
    ...(t.firstReplyAt === undefined ? {} : { firstReplyAt: t.firstReplyAt }),
    changes: t.changes,
  }));
}
