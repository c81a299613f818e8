import { z } from 'zod';
import type { TicketEvent } from '../../../shared/ingest';
import type { PoliteClient } from '../http/polite-client';
import type { ConnectorKit } from '../polling/connector-kit';
import { RATINGS_BACKFILL_MS } from '../polling/optional-ratings';
import { SentEvents } from '../polling/sent-events';
import type { ZendeskQueue } from './zendesk-tickets';

const Time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).transform((s) => Date.parse(s));

/** One rating of GET /api/v2/satisfaction_ratings (legacy CSAT): good or bad once the customer answered. */
export const SatisfactionRatingSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  group_id: z.number().int().nullable(),
  score: z.string(),
  created_at: Time,
  updated_at: Time,
});
type SatisfactionRating = z.infer<typeof SatisfactionRatingSchema>;

/** A page of the list, with cursor pagination (meta.has_more, meta.after_cursor). */
export const SatisfactionRatingsPageSchema = z.object({
  satisfaction_ratings: z.array(z.unknown()),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }),
});

const PAGE_SIZE = 100;
const MAX_PAGES = 20;
/** A rating is offered when a ticket is solved and answered later: each poll looks back this far. */
const ANSWER_LAG_MS = 24 * 3_600_000;

export interface ZendeskRatingsOptions {
  client: PoliteClient;
  validItems: ConnectorKit['validItems'];
  queues: readonly ZendeskQueue[];
  /** The queue of a ticket the export has shown, if any. */
  queueOfTicket: (ticketId: number) => string | undefined;
  now: () => number;
}

/**
 * Reads received ratings (score=received: good or bad) as rated events, satisfied for good. A rating goes to
 * the queue its ticket is in; for a ticket the export has not shown, to the one queue of its group (none if
 * several queues share the group). Each rating counts once, with the time it was answered; a customer who
 * changes an answer later is not counted again.
 */
export function createZendeskRatings(options: ZendeskRatingsOptions) {
  const { client, validItems, queues } = options;
  const sent = new SentEvents(100_000);
  let since = options.now() - RATINGS_BACKFILL_MS;

  const queueOf = (rating: SatisfactionRating): string | undefined => {
    const known = options.queueOfTicket(rating.ticket_id);
    if (known) return known;
    const ofGroup = queues.filter((q) => q.source.groupId === rating.group_id);
    return ofGroup.length === 1 ? ofGroup[0]!.id : undefined;
  };

  const toEvent = (rating: SatisfactionRating): TicketEvent[] => {
    const queueId = queueOf(rating);
    if ((rating.score !== 'good' && rating.score !== 'bad') || !queueId) return [];
    return [{ eventId: `zendesk-rating-${rating.id}`, type: 'rated', ticketId: `zendesk-${rating.ticket_id}`, queueId, at: rating.updated_at, satisfied: rating.score === 'good' }];
  };

  return async function readRatings(signal: AbortSignal): Promise<TicketEvent[]> {
    const events: TicketEvent[] = [];
    let newest = since;
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string | number> = { score: 'received', start_time: Math.floor(since / 1000), 'page[size]': PAGE_SIZE };
      if (cursor) query['page[after]'] = cursor;
      const body = await client.json(SatisfactionRatingsPageSchema, { path: '/api/v2/satisfaction_ratings', query, signal });
      const ratings = validItems(SatisfactionRatingSchema, body.satisfaction_ratings, 'satisfaction_ratings');
      for (const rating of ratings) newest = Math.max(newest, rating.created_at);
      events.push(...ratings.flatMap(toEvent));
      cursor = body.meta.after_cursor ?? null;
      if (!body.meta.has_more || !cursor) break;
    }
    since = Math.max(since, newest - ANSWER_LAG_MS);
    return sent.fresh(events);
  };
}
