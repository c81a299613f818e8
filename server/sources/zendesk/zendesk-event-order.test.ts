import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../shared/ingest';
import { EarlyMetricEvents, SolvedAfterReplies } from './zendesk-event-order';

const e = (ticket: number, type: TicketEvent['type'], at: number): TicketEvent => ({ eventId: `${ticket}-${type}-${at}`, type, ticketId: `t${ticket}`, at, ...(type === 'created' || type === 'reopened' ? { queueId: 'q' } : {}) });
const names = (events: readonly TicketEvent[]) => events.map((x) => `${x.ticketId} ${x.type} ${x.at}`);

describe('SolvedAfterReplies', () => {
  it('holds a solve, and what follows it for that ticket, until the metric events are read past it; a first reply goes at once', () => {
    const order = new SolvedAfterReplies();
    expect(names(order.pass([e(1, 'created', 10), e(1, 'solved', 50), e(1, 'reopened', 70), e(1, 'solved', 90), e(2, 'created', 20)]))).toEqual(['t1 created 10', 't2 created 20']);
    expect(names(order.pass([e(1, 'first-reply', 30)]))).toEqual(['t1 first-reply 30']);
    expect(names(order.coveredUntil(60))).toEqual(['t1 solved 50', 't1 reopened 70']);
    expect(names(order.coveredUntil(89))).toEqual([]);
    expect(names(order.coveredUntil(90))).toEqual(['t1 solved 90']);
    // Once covered, a solve goes straight through.
    expect(names(order.pass([e(3, 'created', 40), e(3, 'solved', 80)]))).toEqual(['t3 created 40', 't3 solved 80']);
  });

  it('lets the ticket waiting longest go when too many wait', () => {
    const order = new SolvedAfterReplies(2);
    expect(names(order.pass([e(1, 'solved', 10), e(2, 'solved', 20), e(3, 'solved', 30)]))).toEqual(['t1 solved 10']);
  });
});

describe('EarlyMetricEvents', () => {
  it('gives a ticket its kept events in order, once, and lets the oldest ticket go past its bound, counted', () => {
    const early = new EarlyMetricEvents(2);
    const metric = (id: number, ticket: number) => ({ id, ticket_id: ticket, metric: 'reply_time', instance_id: 1, type: 'fulfill', time: id });
    early.keep(metric(1, 7));
    early.keep(metric(2, 7));
    early.keep(metric(3, 8));
    early.keep(metric(4, 9));
    expect(early.dropped).toBe(2);
    expect(early.take(7)).toEqual([]);
    expect(early.take(8).map((m) => m.id)).toEqual([3]);
    expect(early.take(8)).toEqual([]);
  });
});
