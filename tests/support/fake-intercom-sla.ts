import type { RecordedRequest } from './fake-helpdesk';

/**
 * A team's open and snoozed conversations as Intercom keeps them, written from Intercom's documentation of
 * sla_applied: the SLA holds its own deadline; sla_status stays `active` past the deadline until a teammate
 * replies (only then `missed`); an SLA removed by hand reads sla_status null. The fake knows the truth (the
 * deadline) and answers only what the API shows, so a test can compare the connector's count with the fake's.
 */
export interface FakeSlaConversation {
  id: string;
  state: 'open' | 'snoozed';
  createdAt: number;
  /** When a teammate first replied, if one did. */
  firstReplyAt?: number;
  /** Since when the customer waits for a reply (a next reply is owed). */
  waitingSince?: number;
  /** The SLA's next deadline (epoch ms); absent: no SLA. */
  dueAt?: number;
  /** A deadline passed and a teammate replied after it: Intercom has recorded the miss. */
  missedRecorded?: boolean;
  /** The SLA was removed by hand: the API reads sla_status null. */
  removed?: boolean;
  /** No SLA applies: the API reads sla_applied null. */
  noSla?: boolean;
}

const unix = (ms: number) => Math.floor(ms / 1000);

export function apiConversation(c: FakeSlaConversation) {
  const slaStatus = c.removed ? null : c.missedRecorded ? 'missed' : c.firstReplyAt !== undefined && c.waitingSince === undefined ? 'hit' : 'active';
  return {
    type: 'conversation',
    id: c.id,
    state: c.state,
    created_at: unix(c.createdAt),
    updated_at: unix(c.firstReplyAt ?? c.createdAt),
    waiting_since: c.waitingSince === undefined ? null : unix(c.waitingSince),
    team_assignee_id: 42,
    sla_applied: c.noSla ? null : { type: 'conversation_sla_summary', sla_name: 'VIP', sla_status: slaStatus },
    statistics: { type: 'conversation_statistics', first_admin_reply_at: c.firstReplyAt === undefined ? null : unix(c.firstReplyAt), last_close_at: null },
  };
}

/** The fake's own figure: open conversations in breach now (a recorded miss, or waiting past the deadline). */
export function expectedBreached(conversations: readonly FakeSlaConversation[], now: number): number {
  return conversations.filter((c) => !c.removed && !c.noSla && (c.missedRecorded || (c.state === 'open' && c.dueAt !== undefined && now > c.dueAt))).length;
}

/** The search answer for one request: the team's open and snoozed conversations, nothing closed or rated. */
export function slaSearchAnswer(request: RecordedRequest, conversations: readonly FakeSlaConversation[]) {
  const filters = (request.body as { query: { value: Array<{ field: string; value: unknown }> } }).query.value;
  const states = filters.find((f) => f.field === 'state')?.value as string[] | undefined;
  const found = states && !states.includes('closed') ? conversations.map(apiConversation) : [];
  return { type: 'conversation.list', total_count: found.length, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 1, next: null }, conversations: found };
}
