import { z } from 'zod';
import { headerNumber, type RateInfo } from '../http/rate-budget';

/** The parts of Zendesk's answers the connector reads; anything else in them is ignored. */

/** GET /api/v2/search/count */
export const SearchCountSchema = z.object({ count: z.number().int().min(0) });

const Time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).transform((s) => Date.parse(s));

/** One ticket of the incremental ticket export. */
export const ExportTicketSchema = z.object({
  id: z.number().int(),
  group_id: z.number().int().nullable(),
  brand_id: z.number().int().nullable().optional(),
  via: z.object({ channel: z.union([z.string(), z.number()]) }).optional(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']),
  created_at: Time,
  updated_at: Time,
});
export type ExportTicket = z.infer<typeof ExportTicketSchema>;

/**
 * A ticket's metrics, side-loaded on the export with include=metric_sets. solved_at is when Zendesk last
 * solved the ticket (null while it is not); reopens how often it was reopened; reply_time_in_minutes.calendar
 * the minutes to its first reply.
 */
export const MetricSetSchema = z.object({
  ticket_id: z.number().int(),
  solved_at: Time.nullable(),
  /** How many times the ticket was reopened (documented: "Total number of times the ticket was reopened"). */
  reopens: z.number().int().min(0).optional(),
  reply_time_in_minutes: z.object({ calendar: z.number().nullable() }).partial().nullable().optional(),
});
export type MetricSet = z.infer<typeof MetricSetSchema>;

/** GET /api/v2/incremental/tickets/cursor?include=metric_sets: items are validated one by one. */
export const TicketExportPageSchema = z.object({
  tickets: z.array(z.unknown()),
  metric_sets: z.array(z.unknown()).optional(),
  after_cursor: z.string().nullable(),
  end_of_stream: z.boolean(),
});

/** GET /api/v2/search/export (filter[type]=ticket): cursor pagination, results validated one by one. */
export const SearchExportPageSchema = z.object({
  results: z.array(z.unknown()),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }),
});

/** One event of GET /api/v2/incremental/ticket_metric_events. */
export const MetricEventSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  metric: z.string(),
  instance_id: z.number().int(),
  type: z.string(),
  time: Time,
  /** On a breach: true once Zendesk has withdrawn it (the policy or target changed before it came). */
  deleted: z.boolean().optional(),
});
export type MetricEvent = z.infer<typeof MetricEventSchema>;

export const MetricEventsPageSchema = z.object({
  ticket_metric_events: z.array(z.unknown()),
  next_page: z.string().nullable().optional(),
  end_time: z.number().int().optional(),
  end_of_stream: z.boolean().optional(),
});

/** Zendesk states its limit as X-Rate-Limit / X-Rate-Limit-Remaining, and on newer plans as ratelimit-*. */
export function zendeskRateInfo(headers: Headers, now: number): RateInfo {
  const resetSeconds = headerNumber(headers, 'ratelimit-reset');
  return {
    limit: headerNumber(headers, 'x-rate-limit') ?? headerNumber(headers, 'ratelimit-limit'),
    remaining: headerNumber(headers, 'x-rate-limit-remaining') ?? headerNumber(headers, 'ratelimit-remaining'),
    resetAt: resetSeconds === undefined ? undefined : now + resetSeconds * 1000,
  };
}
