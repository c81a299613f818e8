import { z } from 'zod';
import type { TicketEvent } from '../../../shared/ingest';
import type { PoliteClient } from '../http/polite-client';
import type { ConnectorKit } from '../polling/connector-kit';
import { RATINGS_BACKFILL_MS } from '../polling/optional-ratings';
import { SentEvents } from '../polling/sent-events';

const Time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).transform((s) => Date.parse(s));

/**
 * One rating of GET /api/v2/surveys/satisfaction_ratings. `ratings.default_question` is the survey's main
 * question on Freshdesk's scale: 103, 102, 101 happy (extremely, very, plainly), 100 neutral, −101 to −103
 * unhappy; a classic survey uses 103, 100 and −103 only.
 */
export const SatisfactionRatingSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  group_id: z.number().int().nullable().optional(),
  ratings: z.object({ default_question: z.number().int().min(-103).max(103) }),
  created_at: Time,
});
type SatisfactionRating = z.infer<typeof SatisfactionRatingSchema>;
export const SatisfactionRatingListSchema = z.array(z.unknown());

const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** Above neutral: a happy answer of either survey. */
const NEUTRAL = 100;

export interface FreshdeskRatingsOptions {
  client: PoliteClient;
  validItems: ConnectorKit['validItems'];
  /** The queue of each configured group. */
  queueByGroup: ReadonlyMap<number, string>;
  now: () => number;
}

/**
 * Reads ratings created since the last poll (created_since is inclusive: the newest is read again and
 * reported once) as rated events in the queue of the rating's group, satisfied above neutral.
 */
export function createFreshdeskRatings(options: FreshdeskRatingsOptions) {
  const { client, validItems, queueByGroup } = options;
  const sent = new SentEvents(100_000);
  let since = options.now() - RATINGS_BACKFILL_MS;

  const toEvent = (rating: SatisfactionRating): TicketEvent[] => {
    const queueId = rating.group_id == null ? undefined : queueByGroup.get(rating.group_id);
    if (!queueId) return [];
    return [{ eventId: `freshdesk-rating-${rating.id}`, type: 'rated', ticketId: `freshdesk-${rating.ticket_id}`, queueId, at: rating.created_at, satisfied: rating.ratings.default_question > NEUTRAL }];
  };

  return async function readRatings(signal: AbortSignal): Promise<TicketEvent[]> {
    const events: TicketEvent[] = [];
    let newest = since;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await client.json(SatisfactionRatingListSchema, {
        path: '/api/v2/surveys/satisfaction_ratings',
        query: { created_since: new Date(since).toISOString(), per_page: PAGE_SIZE, page },
        signal,
      });
      const ratings = validItems(SatisfactionRatingSchema, body, 'satisfaction_ratings');
      for (const rating of ratings) newest = Math.max(newest, rating.created_at);
      events.push(...ratings.flatMap(toEvent));
      if (body.length < PAGE_SIZE) break;
    }
    since = newest;
    return sent.fresh(events);
  };
}
