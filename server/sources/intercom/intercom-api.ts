import { z } from 'zod';
import { headerNumber, type RateInfo } from '../http/rate-budget';

/** The parts of Intercom's answers the connector reads (REST API 2.x); anything else is ignored. */

const UnixSeconds = z.number('must be Unix seconds').int('must be whole Unix seconds').positive('must be Unix seconds').transform((s) => s * 1000);

export const ConversationSchema = z.object({
  id: z.string().min(1),
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
  state: z.enum(['open', 'closed', 'snoozed']),
  /** Since when the customer has been waiting for a reply; null when not waiting. */
  waiting_since: UnixSeconds.nullable().optional(),
  /** Intercom documents sla_status as null once an SLA was removed by hand (a cancelled SLA event). */
  sla_applied: z
    .object({ sla_name: z.string().optional(), sla_status: z.enum(['hit', 'missed', 'cancelled', 'active']).nullable().optional() })
    .nullable()
    .optional(),
  statistics: z
    .object({
      time_to_admin_reply: z.number().min(0).nullable().optional(),
      first_admin_reply_at: UnixSeconds.nullable().optional(),
      last_close_at: UnixSeconds.nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** POST /conversations/search: cursor pagination through pages.next.starting_after. */
export const SearchPageSchema = z.object({
  conversations: z.array(z.unknown()),
  total_count: z.number().int().min(0),
  pages: z.object({ next: z.object({ starting_after: z.string() }).nullable().optional() }).optional(),
});
export const PAGE_SIZE = 150;

type Filter = { field: string; operator: string; value: unknown };

/** A search for a team's conversations in the given states, optionally updated after a time (epoch ms). */
export function searchBody(teamId: string, states: readonly string[], updatedAfter: number | null, startingAfter: string | null): unknown {
  const value: Filter[] = [
    { field: 'state', operator: 'IN', value: states },
    { field: 'team_assignee_id', operator: '=', value: teamId },
  ];
  if (updatedAfter !== null) value.push({ field: 'updated_at', operator: '>', value: Math.floor(updatedAfter / 1000) });
  return { query: { operator: 'AND', value }, pagination: { per_page: PAGE_SIZE, ...(startingAfter ? { starting_after: startingAfter } : {}) } };
}

/** When a teammate first replied (epoch ms), from first_admin_reply_at or else time_to_admin_reply; null: not yet. */
export function firstAdminReplyAt(conversation: Conversation): number | null {
  const stats = conversation.statistics;
  return stats?.first_admin_reply_at ?? (stats?.time_to_admin_reply != null ? conversation.created_at + stats.time_to_admin_reply * 1000 : null);
}

const ErrorListSchema = z.object({ errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).min(1) });

/** Intercom's own words for an error (an error.list's errors[].message, else its code), to show with the status. */
export function intercomErrorDetail(body: unknown): string | undefined {
  const parsed = ErrorListSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const words = parsed.data.errors.map((e) => e.message ?? e.code).filter((w): w is string => Boolean(w));
  return words.length > 0 ? words.join('; ') : undefined;
}

/** Intercom states its limit per 10-second window as X-RateLimit-Limit / -Remaining, and the reset as Unix seconds. */
export function intercomRateInfo(headers: Headers): RateInfo {
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  return {
    limit: headerNumber(headers, 'x-ratelimit-limit'),
    remaining: headerNumber(headers, 'x-ratelimit-remaining'),
    resetAt: reset === undefined ? undefined : reset * 1000,
  };
}
