import type { PoliteClient } from '../http/polite-client';
import type { ConnectorKit } from '../polling/connector-kit';
import { ExportTicketSchema, SearchExportPageSchema, type ExportTicket } from './zendesk-api';
import type { ZendeskQueueSource } from './zendesk-config';
import type { ZendeskQueue } from './zendesk-tickets';

/** The Search query for a queue's open backlog: unsolved tickets of its group (and channel, brand). */
export function backlogQuery(source: ZendeskQueueSource): string {
  return ['type:ticket', 'status<solved', `group_id:${source.groupId}`, source.channel && `via:${source.channel}`, source.brandId && `brand:${source.brandId}`]
    .filter(Boolean)
    .join(' ');
}

/** A queue's open tickets last changed before `before` (epoch ms): the ones the ticket export from then will not show. */
export function oldOpenTicketsQuery(source: ZendeskQueueSource, before: number): string {
  return `${backlogQuery(source)} updated<${new Date(before).toISOString().replace('.000', '')}`;
}

const PAGE_SIZE = 1000;
/** Pages per queue at most (a million open tickets): past that the rest of a backlog is counted, not listed. */
const MAX_PAGES = 1000;

/**
 * Every open ticket of the queues, however old, that the ticket export from `before` leaves out: Zendesk's
 * search export (cursor pagination, no 1,000-result cap), once when the connector starts. Without it a
 * ticket opened days ago and untouched since is counted in the backlog but never seen waiting or breached.
 */
export async function readOldOpenTickets(
  client: PoliteClient,
  validItems: ConnectorKit['validItems'],
  queues: readonly ZendeskQueue[],
  before: number,
  signal: AbortSignal,
): Promise<ExportTicket[]> {
  const tickets: ExportTicket[] = [];
  for (const queue of queues) {
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string | number> = { query: oldOpenTicketsQuery(queue.source, before), 'filter[type]': 'ticket', 'page[size]': PAGE_SIZE };
      if (cursor) query['page[after]'] = cursor;
      const body = await client.json(SearchExportPageSchema, { path: '/api/v2/search/export', query, signal });
      tickets.push(...validItems(ExportTicketSchema, body.results, 'results'));
      cursor = body.meta.after_cursor ?? null;
      if (!body.meta.has_more || !cursor) break;
    }
  }
  return tickets;
}
