import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { DEFAULT_LIMITS } from './engine-types';
import { MetricEngine } from './metric-engine';

// Issue 16: each queue was capped at 100,000 open tickets, the engine not at all, so memory grew with the number
// of queues: held 150 s at saturation, 20 queues reached 2,000,000 open tickets (a 2 GB heap, major collections
// of 175-366 ms on the loop), and 300 flooded queues would have held 30 million.
const T0 = Date.UTC(2026, 11, 7, 9);
const created = (ticketId: string, queueId: string, atSeconds: number): TicketEvent => ({ eventId: `c-${ticketId}`, type: 'created', ticketId, queueId, at: T0 + atSeconds * 1000 });
const queues = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `q${i}`, firstResponseTargetSeconds: 300 }));
const backlogs = (engine: MetricEngine, count: number, now: number) => queues(count).map((q) => engine.metricsFor(q.id, now).backlog ?? 0);

describe('the engine-wide open-ticket cap', () => {
  it('holds the whole engine to maxOpenTickets however many queues are flooded, counting what it drops', () => {
    const engine = new MetricEngine({ queues: queues(300), limits: { maxOpenTicketsPerQueue: 100, maxOpenTickets: 1000 } });
    for (let i = 0; i < 50; i++) for (let q = 0; q < 300; q++) engine.applyEvent(created(`t${q}-${i}`, `q${q}`, i));
    const held = backlogs(engine, 300, T0 + 60_000);
    expect(held.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(engine.evictions()).toBe(300 * 50 - 1000);
    // Every queue keeps about its share (1000 / 300), its most recent tickets.
    expect(Math.min(...held)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...held)).toBeLessThanOrEqual(4);
    expect(engine.queueOfTicket('q7-49')).toBeNull();
    expect(engine.queueOfTicket('t7-49')).toBe('q7');
    expect(engine.queueOfTicket('t7-0')).toBeNull();
  });

  it('takes from the fullest queue when the queue admitting holds less than its share', () => {
    const engine = new MetricEngine({ queues: queues(2), limits: { maxOpenTickets: 10 } });
    for (let i = 0; i < 9; i++) engine.applyEvent(created(`a${i}`, 'q0', i));
    for (let i = 0; i < 3; i++) engine.applyEvent(created(`b${i}`, 'q1', 10 + i));
    expect(backlogs(engine, 2, T0 + 60_000)).toEqual([7, 3]);
    expect(['a0', 'a1', 'a2'].map((id) => engine.queueOfTicket(id))).toEqual([null, null, 'q0']);
    // At its share (5 of 10), the queue admitting gives up its own longest-open ticket.
    for (let i = 3; i < 8; i++) engine.applyEvent(created(`b${i}`, 'q1', 10 + i));
    expect(backlogs(engine, 2, T0 + 60_000)).toEqual([5, 5]);
    engine.applyEvent(created('b8', 'q1', 20));
    expect(backlogs(engine, 2, T0 + 60_000)).toEqual([5, 5]);
    expect(engine.queueOfTicket('b0')).toBeNull();
  });

  it('is on by default: 300 queues of 1,700 open tickets each hold 500,000', () => {
    expect(DEFAULT_LIMITS.maxOpenTickets).toBe(500_000);
    const engine = new MetricEngine({ queues: queues(300) });
    for (let i = 0; i < 1700; i++) for (let q = 0; q < 300; q++) engine.applyEvent(created(`t${q}-${i}`, `q${q}`, i));
    expect(backlogs(engine, 300, T0 + 3_600_000).reduce((a, b) => a + b, 0)).toBe(500_000);
  });
});
