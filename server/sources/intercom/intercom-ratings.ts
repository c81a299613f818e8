import { z } from 'zod';
import type { TicketEvent } from '../../../shared/ingest';
import type { PoliteClient } from '../http/polite-client';
import type { ConnectorKit } from '../polling/connector-kit';
import { RATINGS_BACKFILL_MS } from '../polling/optional-ratings';
import { SentEvents } from '../polling/sent-events';
import { PAGE_SIZE, SearchPageSchema } from './intercom-api';

const UnixSeconds = z.number('must be Unix seconds').int('must be whole Unix seconds').positive('must be Unix seconds').transform((s) => s * 1000);

/** A rated conversation from the search: `conversation_rating.rating` is the customer's 1 to 5. */
export const RatedConversationSchema = z.object({
  id: z.string().min(1),
  updated_at: UnixSeconds,
  conversation_rating: z.object({
    rating: z.number('must be a rating from 1 to 5').int('must be a whole rating').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
    /** When the rating was asked for; updated_at, on newer API versions, when it was last given. */
    created_at: UnixSeconds.nullable().optional(),
    updated_at: UnixSeconds.nullable().optional(),
  }),
});
type RatedConversation = z.infer<typeof RatedConversationSchema>;

const MAX_PAGES = 20;
/** 4 and 5 of 5 are satisfied customers, the usual CSAT reading of a five-point scale. */
const SATISFIED_FROM = 4;

/** The search for a team's conversations rated after a time (epoch ms): conversation_rating.replied_at. */
export function ratedSearchBody(teamId: string, repliedAfter: number, startingAfter: string | null): unknown {
  return {
    query: {
      operator: 'AND',
      value: [
        { field: 'team_assignee_id', operator: '=', value: teamId },
        { field: 'conversation_rating.replied_at', operator: '>', value: Math.floor(repliedAfter / 1000) },
      ],
    },
    pagination: { per_page: PAGE_SIZE, ...(startingAfter ? { starting_after: startingAfter } : {}) },
  };
}

export interface IntercomRatingsOptions {
  client: PoliteClient;
  validItems: ConnectorKit['validItems'];
  now: () => number;
}

/**
 * Reads each team's newly rated conversations (search, cursor pagination) as rated events, satisfied for
 * 4 or 5. The search goes on from the newest rating seen, a second back (replied_at is in seconds and the
 * search is strictly after); a conversation's first rating counts, a changed one is not counted again.
 */
export function createIntercomRatings(options: IntercomRatingsOptions) {
  const { client, validItems } = options;
  const sent = new SentEvents(100_000);
  const since = new Map<string, number>();
  const ratedAt = (c: RatedConversation) => c.conversation_rating.updated_at ?? c.conversation_rating.created_at ?? c.updated_at;

  return async function readRatings(queue: { id: string; teamId: string }, signal: AbortSignal): Promise<TicketEvent[]> {
    const from = since.get(queue.id) ?? options.now() - RATINGS_BACKFILL_MS;
    const rated: RatedConversation[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body: z.infer<typeof SearchPageSchema> = await client.json(SearchPageSchema, { method: 'POST', path: '/conversations/search', body: ratedSearchBody(queue.teamId, from - 1000, cursor), signal });
      rated.push(...validItems(RatedConversationSchema, body.conversations, 'conversations'));
      cursor = body.pages?.next?.starting_after ?? null;
      if (!cursor) break;
    }
    since.set(queue.id, Math.max(from, ...rated.map(ratedAt)));
    return sent.fresh(
      rated.map((c) => ({ eventId: `intercom-${c.id}-rated`, type: 'rated', ticketId: `intercom-${c.id}`, queueId: queue.id, at: ratedAt(c), satisfied: c.conversation_rating.rating >= SATISFIED_FROM })),
    );
  };
}
