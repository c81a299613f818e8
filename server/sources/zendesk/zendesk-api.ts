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

/** GET /api/v2/incremental/tickets/cursor: items are validated one by one. */
export const TicketExportPageSchema = z.object({
  tickets: z.array(z.unknown()),
  after_cursor: z.string().nullable(),
  end_of_stream: z.boolean(),
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
