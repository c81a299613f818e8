/**
 * A Zendesk account's tickets as Zendesk keeps them, written from its API documentation, and the figures
 * they give by the README's definitions, computed by the fake from its own tickets (not from what the
 * connector made of them). Times are epoch ms; a ticket's fields take effect once the clock reaches them.
 */
export interface FakeZendeskTicket {
  id: number;
  groupId: number;
  channel: string;
  createdAt: number;
  /** The first public reply by an agent (reply_time metric, instance 1, fulfilled). */
  firstReplyAt?: number;
  /** When it was solved (ticket_metrics.solved_at); open until then. */
  solvedAt?: number;
  /** When the requester reopened it after its solve (open again, ticket_metrics.reopens 1); never solved again here. */
  reopenedAt?: number;
  /** Later changes that move updated_at without changing the ticket's state: a note, a satisfaction survey. */
  touchedAt?: readonly number[];
  /** When its first-reply SLA target breaches (a breach metric event at that time, if no reply came before). */
  breachAt?: number;
}

export interface FakeQueue {
  groupId: number;
  channel?: string;
}

const HOUR = 3_600_000;

const reopened = (t: FakeZendeskTicket, now: number) => t.reopenedAt !== undefined && t.reopenedAt <= now;
export const isOpen = (t: FakeZendeskTicket, now: number) => t.createdAt <= now && (!(t.solvedAt !== undefined && t.solvedAt <= now) || reopened(t, now));
const replied = (t: FakeZendeskTicket, now: number) => t.firstReplyAt !== undefined && t.firstReplyAt <= now;
export const inQueue = (t: FakeZendeskTicket, q: FakeQueue) => t.groupId === q.groupId && (q.channel === undefined || q.channel === t.channel);

/** updated_at: the latest change the clock has reached. */
export function updatedAt(t: FakeZendeskTicket, now: number): number {
  return Math.max(...[t.createdAt, t.firstReplyAt, t.solvedAt, t.reopenedAt, ...(t.touchedAt ?? [])].filter((at): at is number => at !== undefined && at <= now));
}

/** The ticket as the incremental export and the search export show it. */
export function apiTicket(t: FakeZendeskTicket, now: number) {
  const status = isOpen(t, now) ? (replied(t, now) ? 'open' : 'new') : 'solved';
  return { id: t.id, group_id: t.groupId, brand_id: 1, via: { channel: t.channel }, status, created_at: iso(t.createdAt), updated_at: iso(updatedAt(t, now)), subject: `Ticket ${t.id}` };
}

/** Its ticket_metrics record (side-loaded as metric_sets). */
export function metricSet(t: FakeZendeskTicket, now: number) {
  // Reopened, the fake shows no solved_at: the connector must not need one on an open ticket.
  const solved = t.solvedAt !== undefined && t.solvedAt <= now && !reopened(t, now);
  const reply = replied(t, now) ? Math.round((t.firstReplyAt! - t.createdAt) / 60_000) : null;
  return { id: 10_000 + t.id, ticket_id: t.id, solved_at: solved ? iso(t.solvedAt!) : null, reopens: reopened(t, now) ? 1 : 0, reply_time_in_minutes: { calendar: reply, business: reply } };
}

/** Its metric events (reply_time activate, fulfill, breach; requester_wait_time fulfill on solve), oldest first. */
export function metricEvents(t: FakeZendeskTicket) {
  const event = (n: number, metric: string, type: string, at: number) => ({ id: t.id * 10 + n, ticket_id: t.id, metric, instance_id: 1, type, time: iso(at) });
  const events = [event(1, 'reply_time', 'activate', t.createdAt)];
  if (t.breachAt !== undefined && !(t.firstReplyAt !== undefined && t.firstReplyAt < t.breachAt)) events.push(event(2, 'reply_time', 'breach', t.breachAt));
  if (t.firstReplyAt !== undefined) events.push(event(3, 'reply_time', 'fulfill', t.firstReplyAt));
  if (t.solvedAt !== undefined) events.push(event(4, 'requester_wait_time', 'fulfill', t.solvedAt));
  return events;
}

/** The figures of one queue at `now`, by the README's definitions (the engine's default windows). */
export function expectedFigures(tickets: readonly FakeZendeskTicket[], queue: FakeQueue, now: number) {
  const mine = tickets.filter((t) => inQueue(t, queue) && t.createdAt <= now);
  const open = mine.filter((t) => isOpen(t, now));
  const firstResponses = mine.filter((t) => replied(t, now) && t.firstReplyAt! > now - HOUR).map((t) => (t.firstReplyAt! - t.createdAt) / 1000);
  const resolutions = mine.filter((t) => t.solvedAt !== undefined && t.solvedAt <= now && t.solvedAt > now - 24 * HOUR).map((t) => (t.solvedAt! - t.createdAt) / 1000);
  // A reopened ticket waits again from its reopening (the README's reopened).
  const waiting = open.flatMap((t) => (reopened(t, now) ? [(now - t.reopenedAt!) / 1000] : replied(t, now) ? [] : [(now - t.createdAt) / 1000]));
  return {
    backlog: open.length,
    firstResponseP50: percentile(firstResponses, 0.5),
    firstResponseP90: percentile(firstResponses, 0.9),
    resolutionP50: percentile(resolutions, 0.5),
    resolutionP90: percentile(resolutions, 0.9),
    oldestWaitingSeconds: waiting.length === 0 ? null : Math.round(Math.max(...waiting)),
    slaBreached: open.filter((t) => t.breachAt !== undefined && t.breachAt <= now && !replied(t, now)).length,
  };
}

/** Nearest rank, as the README defines percentiles. */
function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000', '');
}

/**
 * A recorded day and a half of one account's two groups (100 and 200), the same for a seed: tickets opened
 * from 30 h before `start` to 40 min after it, most answered within the hour (some late, past a one-hour
 * first-reply target that then breaches, some never), most solved hours later, some touched again after the
 * solve (a survey, a note), and a few opened days ago still open. Nothing happens in the last 20 minutes of
 * the hour after `start`, so an export that leaves out the last minute has caught up by then.
 */
export function recordedZendeskWorld(random: { next(): number }, start: number): FakeZendeskTicket[] {
  const tickets: FakeZendeskTicket[] = [];
  const seconds = (ms: number) => Math.round(ms / 1000) * 1000 + 500;
  const quiet = start + 40 * 60_000;
  const until = (at: number | undefined) => (at === undefined || at > quiet ? undefined : at);
  for (let id = 1; id <= 160; id++) {
    const old = id % 20 === 0;
    const createdAt = seconds(old ? start - (2 + 4 * random.next()) * 24 * HOUR : start - 30 * HOUR + random.next() * 30.6 * HOUR);
    if (createdAt > quiet) continue;
    const replyAfter = random.next() < 0.15 ? undefined : random.next() * (random.next() < 0.2 ? 3 : 0.8) * HOUR;
    const firstReplyAt = until(replyAfter === undefined ? undefined : seconds(createdAt + replyAfter));
    const solvedAt = old || random.next() < 0.25 ? undefined : until(seconds((firstReplyAt ?? createdAt) + random.next() * 10 * HOUR));
    const touched = solvedAt !== undefined && random.next() < 0.3 ? until(seconds(solvedAt + random.next() * 20 * HOUR)) : undefined;
    const breachAt = firstReplyAt === undefined || firstReplyAt > createdAt + HOUR ? createdAt + HOUR : undefined;
    tickets.push({
      id,
      groupId: random.next() < 0.5 ? 100 : 200,
      channel: 'email',
      createdAt,
      ...(firstReplyAt !== undefined ? { firstReplyAt } : {}),
      ...(solvedAt !== undefined ? { solvedAt } : {}),
      ...(touched !== undefined ? { touchedAt: [touched] } : {}),
      ...(breachAt !== undefined && breachAt <= quiet ? { breachAt } : {}),
    });
  }
  return tickets;
}
