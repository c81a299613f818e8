import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../shared/ingest';
import { FakeTime } from '../../../tests/support/fake-time';
import { demoConfig } from '../../config/demo-config';
import { QUARTER_MS, type QuarterRow } from '../../store/quarter-history';
import { generateDemoHistory, seedDemoHistory } from './demo-history';
import { createDemoSource } from './demo-source';
import { IncidentCalendar } from './incidents';
import { liveMarketingEvent } from './marketing-events';

// Tuesday 2026-11-17 12:00 UTC: midday in Lisbon and Amsterdam.
const TUESDAY_NOON = Date.UTC(2026, 10, 17, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const config = demoConfig();
const history = generateDemoHistory({ config, seed: 1, startAt: TUESDAY_NOON });
const mean = (rows: readonly QuarterRow[]) => rows.reduce((sum, r) => sum + r.inflow, 0) / rows.length;
const utcHour = (slot: number) => new Date(slot).getUTCHours();
const isWeekend = (slot: number) => [0, 6].includes(new Date(slot).getUTCDay());

describe('the demo’s generated weeks', () => {
  it('cover 8 weeks of quarter hours for every queue, ending where the replayed day begins', () => {
    expect(history.rows.length).toBe(config.queues.length * 8 * 7 * 96);
    const slots = history.rows.map((r) => r.slot);
    expect(Math.max(...slots) + QUARTER_MS).toBe(TUESDAY_NOON - DAY);
    expect(Math.min(...slots)).toBe(TUESDAY_NOON - DAY - 8 * 7 * DAY);
    expect(new Set(history.rows.map((r) => r.queueId)).size).toBe(config.queues.length);
  });

  it('have daily and weekly seasonality: busy mornings, quiet nights, quieter weekends', () => {
    const chat = history.rows.filter((r) => r.queueId === 'lis-chat-pt' && !history.events.some((e) => e.queueId === r.queueId && e.from <= r.slot && r.slot < e.to));
    const weekdays = chat.filter((r) => !isWeekend(r.slot));
    const morning = mean(weekdays.filter((r) => utcHour(r.slot) === 10));
    const night = mean(weekdays.filter((r) => utcHour(r.slot) === 3));
    expect(morning).toBeGreaterThan(5 * night);
    const weekendMorning = mean(chat.filter((r) => isWeekend(r.slot) && utcHour(r.slot) === 10));
    expect(weekendMorning / morning).toBeGreaterThan(0.4);
    expect(weekendMorning / morning).toBeLessThan(0.7);
  });

  it('have a few marketing-event spikes: the campaign’s queue gets at least twice its usual for those hours', () => {
    expect(history.events.length).toBeGreaterThanOrEqual(6);
    for (const event of history.events) {
      const during = history.rows.filter((r) => r.queueId === event.queueId && r.slot >= event.from && r.slot + QUARTER_MS <= event.to);
      const weekBefore = history.rows.filter((r) => r.queueId === event.queueId && r.slot >= event.from - 7 * DAY && r.slot + QUARTER_MS <= event.to - 7 * DAY);
      if (during.length === 0 || weekBefore.length === 0) continue;
      expect(mean(during) / mean(weekBefore)).toBeGreaterThan(1.5);
    }
  });

  it('have the live demo’s backlog: open tickets, answered or not, near what the replayed day leaves at that hour', () => {
    const time = new FakeTime(TUESDAY_NOON);
    const source = createDemoSource({ config, settings: config.demo!, clock: time, scheduler: time });
    const openIn = new Map<string, string>();
    source.start({
      events: (_s, events) => {
        for (const e of events) {
          if (e.type === 'created' || e.type === 'reopened') openIn.set(e.ticketId, e.queueId!);
          else if (e.type === 'solved') openIn.delete(e.ticketId);
        }
      },
      reading: () => {},
      status: () => {},
    });
    source.stop();
    const liveBacklog = (queueId: string) => [...openIn.values()].filter((q) => q === queueId).length;
    const sameSlot = (queueId: string) =>
      history.rows.filter((r) => r.queueId === queueId && (TUESDAY_NOON - QUARTER_MS - r.slot) % (7 * DAY) === 0).map((r) => r.backlog ?? 0).sort((a, b) => a - b);
    const campaignQueue = liveMarketingEvent(config.queues, TUESDAY_NOON)?.queueId;
    const ratios = config.queues.filter((q) => q.id !== campaignQueue).map((q) => {
      const usual = sameSlot(q.id);
      return { queue: q.id, live: liveBacklog(q.id), usual: usual[Math.floor(usual.length / 2)]! };
    });
    // Mail holds its tickets for hours after the reply: hundreds open at noon, not the few dozen awaiting one.
    expect(ratios.filter((r) => r.queue.includes('email')).every((r) => r.usual > 500)).toBe(true);
    // A queue whose live day carries an incident (a viral thread, a partner offline) may run far from its usual.
    const incidents = new IncidentCalendar(config.queues, config.demo!.seed, TUESDAY_NOON);
    const floodedToday = new Set(
      Array.from({ length: 24 }, (_, h) => incidents.activeAt(TUESDAY_NOON - h * HOUR)).flatMap((active) => active.flatMap((i) => (i.kind === 'viral-thread' ? [i.queueId] : []))),
    );
    const quiet = ratios.filter((r) => r.usual >= 20 && !floodedToday.has(r.queue));
    expect(quiet.length).toBeGreaterThan(8);
    expect(quiet.filter((r) => r.live / r.usual < 0.4 || r.live / r.usual > 2.5)).toEqual([]);
  });

  it('are written at the first start only', () => {
    const stored: QuarterRow[] = [];
    const store = { since: () => stored, record: (rows: readonly QuarterRow[]) => void stored.push(...rows) };
    expect(seedDemoHistory(store, { config, seed: 1, startAt: TUESDAY_NOON })).toBe(history.rows.length);
    expect(seedDemoHistory(store, { config, seed: 1, startAt: TUESDAY_NOON + DAY })).toBe(0);
    expect(stored.length).toBe(history.rows.length);
  });
});

describe('the live demo’s marketing event', () => {
  it('is under way from the first minute: the campaign queue has about three times the arrivals of an hour before', () => {
    const campaign = liveMarketingEvent(config.queues, TUESDAY_NOON)!;
    expect(campaign.from).toBeLessThan(TUESDAY_NOON);
    expect(campaign.to).toBeGreaterThan(TUESDAY_NOON + HOUR);
    const time = new FakeTime(TUESDAY_NOON);
    const source = createDemoSource({ config, settings: config.demo!, clock: time, scheduler: time });
    const created: TicketEvent[] = [];
    source.start({ events: (_s, events) => created.push(...events.filter((e) => e.type === 'created' && e.queueId === campaign.queueId)), reading: () => {}, status: () => {} });
    source.stop();
    const inSpan = (from: number, to: number) => created.filter((e) => e.at >= from && e.at < to).length;
    const during = inSpan(TUESDAY_NOON - 20 * 60_000, TUESDAY_NOON);
    const before = inSpan(TUESDAY_NOON - 80 * 60_000, TUESDAY_NOON - 60 * 60_000);
    expect(during / before).toBeGreaterThan(2);
  });
});
