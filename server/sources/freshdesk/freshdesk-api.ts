import { z } from 'zod';
import { headerNumber, type RateInfo } from '../http/rate-budget';

/** The parts of Freshdesk's answers the connector reads (API v2); anything else in them is ignored. */

const Time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).transform((s) => Date.parse(s));

/** Status codes: 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses have other numbers). */
export const FRESHDESK_OPEN = 2;
export const FRESHDESK_SOLVED: ReadonlySet<number> = new Set([4, 5]);

/** One result of GET /api/v2/search/tickets. */
export const SearchTicketSchema = z.object({
  id: z.number().int(),
  status: z.number().int(),
  created_at: Time,
  fr_due_by: Time.nullable().optional(),
  due_by: Time.nullable().optional(),
  /** Freshdesk's verdicts: the first response time was breached; the ticket was escalated (see freshdesk-sla.ts). */
  fr_escalated: z.boolean().optional(),
  is_escalated: z.boolean().optional(),
});
export type SearchTicket = z.infer<typeof SearchTicketSchema>;

/** GET /api/v2/search/tickets: 30 results a page, at most 10 pages. */
export const SearchPageSchema = z.object({ results: z.array(z.unknown()), total: z.number().int().min(0) });
export const SEARCH_PAGE_SIZE = 30;
export const SEARCH_MAX_PAGES = 10;

/** One ticket of GET /api/v2/tickets?include=stats. */
export const StatsTicketSchema = z.object({
  id: z.number().int(),
  group_id: z.number().int().nullable(),
  status: z.number().int(),
  created_at: Time,
  updated_at: Time,
  stats: z.object({
    first_responded_at: Time.nullable().optional(),
    resolved_at: Time.nullable().optional(),
    closed_at: Time.nullable().optional(),
    reopened_at: Time.nullable().optional(),
  }),
});
export type StatsTicket = z.infer<typeof StatsTicketSchema>;
export const TicketListSchema = z.array(z.unknown());
export const LIST_PAGE_SIZE = 100;

/**
 * Freshdesk states the account's per-minute limit as X-RateLimit-Total and X-RateLimit-Remaining, and what
 * a request cost in credits as X-RateLimit-Used-CurrentRequest (include=stats costs more than one).
 */
export function freshdeskRateInfo(headers: Headers): RateInfo {
  return {
    limit: headerNumber(headers, 'x-ratelimit-total'),
    remaining: headerNumber(headers, 'x-ratelimit-remaining'),
    cost: headerNumber(headers, 'x-ratelimit-used-currentrequest'),
  };
}
