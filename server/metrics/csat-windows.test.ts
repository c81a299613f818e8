import { describe, expect, it } from 'vitest';
import { TicketEventSchema, type TicketEvent } from '../../shared/ingest';
import { engineOptionsFor } from './engine-options';
import { MetricEngine } from './metric-engine';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 17, 9, 0);
let n = 0;
const rated = (queueId: string, at: number, satisfied: boolean): TicketEvent =>
  TicketEventSchema.parse({ eventId: `r${n++}`, type: 'rated', ticketId: `t${n}`, queueId, at, satisfied });

const engine = (csatMs?: number) =>
  new MetricEngine({
    queues: [
      { id: 'chat', firstResponseTargetSeconds: 120 },
      { id: 'email', firstResponseTargetSeconds: 3600 },
    ],
    windows: csatMs === undefined ? {} : { csatMs },
    limits: { maxSamplesPerWindow: 1000 },
  });

describe('CSAT over its rolling window', () => {
  it('is the satisfied share in percent, with the number of ratings, per queue', () => {
    const e = engine();
    for (const satisfied of [true, true, false]) expect(e.applyEvent(rated('chat', T0, satisfied))).toEqual({ applied: true, queueIds: ['chat'] });
    const chat = e.metricsFor('chat', T0 + HOUR);
    expect(chat.csat).toBe(66.7);
    expect(chat.csatRatings).toBe(3);
    const email = e.metricsFor('email', T0 + HOUR);
    expect(email.csat).toBeNull();
    expect(email.csatRatings).toBe(0);
  });

  it('keeps seven days of ratings by default, then lets each go on its own day', () => {
    const e = engine();
    e.applyEvent(rated('chat', T0, false));
    e.applyEvent(rated('chat', T0 + 3 * DAY, true));
    expect(e.metricsFor('chat', T0 + 7 * DAY - 1)).toMatchObject({ csat: 50, csatRatings: 2 });
    expect(e.metricsFor('chat', T0 + 7 * DAY + 1)).toMatchObject({ csat: 100, csatRatings: 1 });
    expect(e.metricsFor('chat', T0 + 10 * DAY + 1)).toMatchObject({ csat: null, csatRatings: 0 });
  });

  it('takes its window from the configuration (windows.csatDays)', () => {
    const options = engineOptionsFor({ offices: [], queues: [], windows: { firstResponseMinutes: 60, resolutionHours: 24, flowMinutes: 60, csatDays: 2 } });
    expect(options.windows.csatMs).toBe(2 * DAY);
    const e = engine(options.windows.csatMs);
    e.applyEvent(rated('chat', T0, true));
    expect(e.metricsFor('chat', T0 + 2 * DAY - 1).csatRatings).toBe(1);
    expect(e.metricsFor('chat', T0 + 2 * DAY + 1).csatRatings).toBe(0);
  });

  it('refuses a rating for a queue it does not know, and neither opens nor closes a ticket', () => {
    const e = engine();
    expect(e.applyEvent(rated('nowhere', T0, true))).toEqual({ applied: false, reason: 'unknown-queue' });
    e.applyEvent(rated('chat', T0, true));
    expect(e.metricsFor('chat', T0).backlog).toBe(0);
    expect(e.metricsFor('chat', T0).outflowPerHour).toBe(0);
  });

  it('is bounded: past the window capacity the oldest ratings go, and are counted', () => {
    const e = engine();
    for (let i = 0; i < 1200; i++) e.applyEvent(rated('chat', T0 + i, i < 200 ? false : true));
    expect(e.metricsFor('chat', T0 + HOUR)).toMatchObject({ csat: 100, csatRatings: 1000 });
    expect(e.evictions()).toBe(200);
    expect(e.retainedItems()).toBe(1000);
  });

  it('matches a brute-force count over random ratings and times', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const e = engine();
      const all: Array<{ at: number; satisfied: boolean }> = [];
      for (let i = 0; i < 200; i++) {
        const rating = { at: T0 + Math.floor(random() * 14 * DAY), satisfied: random() < 0.7 };
        all.push(rating);
        e.applyEvent(rated('email', rating.at, rating.satisfied));
      }
      const now = T0 + Math.floor(random() * 14 * DAY);
      const inWindow = all.filter((r) => r.at >= now - 7 * DAY);
      const expected = inWindow.length === 0 ? null : Math.round((inWindow.filter((r) => r.satisfied).length / inWindow.length) * 1000) / 10;
      expect(e.metricsFor('email', now)).toMatchObject({ csat: expected, csatRatings: inWindow.length });
    }
  });
});
