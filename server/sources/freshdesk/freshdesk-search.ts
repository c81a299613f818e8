import type { ConnectorKit } from '../polling/connector-kit';
import type { PoliteClient } from '../http/polite-client';
import { SEARCH_MAX_PAGES, SEARCH_PAGE_SIZE, SearchPageSchema, SearchTicketSchema, type SearchTicket } from './freshdesk-api';

/** Freshdesk's search reads at most 10 pages of 30: a query matching more must be cut into smaller ones. */
export const SEARCH_CAP = SEARCH_MAX_PAGES * SEARCH_PAGE_SIZE;
/** The earliest creation day searched when a backlog is split by date (Freshdesk began in 2010). */
const FIRST_DAY = Date.UTC(2010, 0, 1);
const DAY = 86_400_000;

export interface BacklogSearch {
  /** Freshdesk's count of every match (the first answer's `total`). */
  total: number;
  tickets: SearchTicket[];
  /** Every match read: false only when one status on one creation day alone exceeds the cap. */
  complete: boolean;
}

type Page = { total: number; tickets: SearchTicket[] };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A group's unresolved tickets (Open or Pending), every one of them however many: one query while it matches
 * at most 300; above that the query is cut by creation day, halving the date range until each part matches
 * at most 300, and a single day above that by status. `today` bounds the date range; the next poll starts the
 * halving at the oldest ticket found, the days before it in one query (a long-resolved ticket may be reopened).
 */
export function createBacklogSearch(deps: { client: PoliteClient; validItems: ConnectorKit['validItems'] }) {
  const page = async (query: string, number: number, signal: AbortSignal): Promise<Page> => {
    const body = await deps.client.json(SearchPageSchema, { path: '/api/v2/search/tickets', query: { query: `"${query}"`, page: number }, signal });
    return { total: body.total, tickets: deps.validItems(SearchTicketSchema, body.results, 'results') };
  };

  /** The rest of a query whose first page is read and whose total is within the cap. */
  const rest = async (query: string, first: Page, signal: AbortSignal): Promise<SearchTicket[]> => {
    const tickets = [...first.tickets];
    for (let n = 2; (n - 1) * SEARCH_PAGE_SIZE < first.total && n <= SEARCH_MAX_PAGES; n++) {
      const next = await page(query, n, signal);
      tickets.push(...next.tickets);
      if (next.tickets.length === 0) break;
    }
    return tickets;
  };

  const inDays = async (group: string, statuses: readonly number[], from: number, to: number, signal: AbortSignal): Promise<{ tickets: SearchTicket[]; complete: boolean }> => {
    const status = statuses.map((s) => `status:${s}`).join(' OR ');
    const query = `${group} AND (${status}) AND created_at:>'${day(from)}' AND created_at:<'${day(to)}'`;
    const first = await page(query, 1, signal);
    if (first.total <= SEARCH_CAP) return { tickets: await rest(query, first, signal), complete: true };
    if (from < to) {
      const middle = from + Math.floor((to - from) / DAY / 2) * DAY;
      const [early, late] = [await inDays(group, statuses, from, middle, signal), await inDays(group, statuses, middle + DAY, to, signal)];
      return { tickets: [...early.tickets, ...late.tickets], complete: early.complete && late.complete };
    }
    if (statuses.length > 1) {
      const parts = [];
      for (const one of statuses) parts.push(await inDays(group, [one], from, to, signal));
      return { tickets: parts.flatMap((p) => p.tickets), complete: parts.every((p) => p.complete) };
    }
    return { tickets: await rest(query, first, signal), complete: false };
  };

  /** Per group, the creation day of its oldest unresolved ticket at the last split: the halving starts there. */
  const oldestDay = new Map<number, number>();

  return async function searchBacklog(groupId: number, today: number, signal: AbortSignal): Promise<BacklogSearch> {
    const group = `group_id:${groupId}`;
    const whole = `${group} AND (status:2 OR status:3)`;
    const first = await page(whole, 1, signal);
    if (first.total <= SEARCH_CAP) {
      const tickets = await rest(whole, first, signal);
      return { total: first.total, tickets, complete: true };
    }
    const last = Math.floor(today / DAY) * DAY;
    // The days before last poll's oldest ticket (one query, usually empty: a reopened old ticket), then the rest halved.
    const from = Math.min(oldestDay.get(groupId) ?? FIRST_DAY, last);
    const parts = from > FIRST_DAY ? [await inDays(group, [2, 3], FIRST_DAY, from - DAY, signal)] : [];
    parts.push(await inDays(group, [2, 3], from, last, signal));
    // A ticket can change between two queries (and so show in two parts): each is counted once.
    const tickets = [...new Map(parts.flatMap((p) => p.tickets).map((t) => [t.id, t])).values()];
    const complete = parts.every((p) => p.complete);
    // Not Math.min(...): a backlog of tens of thousands would pass too many arguments.
    const oldest = tickets.reduce((min, t) => Math.min(min, t.created_at), Infinity);
    if (complete && oldest !== Infinity) oldestDay.set(groupId, Math.floor(oldest / DAY) * DAY);
    return { total: first.total, tickets, complete };
  };
}
