import { describe, expect, it } from 'vitest';
import { TicketEventSchema, type QueueReadingInput, type TicketEvent } from '../../../shared/ingest';
import { CHANNELS } from '../../../shared/model';
import { FakeTime } from '../../../tests/support/fake-time';
import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../../../shared/health/default-thresholds';
import { demoConfig } from '../../config/demo-config';
import { MetricEngine } from '../../metrics/metric-engine';
import { createDemoSource } from './demo-source';

// Tuesday 2026-11-17 12:00 UTC: midday in Lisbon and Amsterdam.
const TUESDAY_NOON = Date.UTC(2026, 10, 17, 12, 0, 0);
const HOUR = 3_600_000;

interface Recorded {
  events: TicketEvent[];
  readings: Array<{ queueId: string; reading: QueueReadingInput }>;
  time: FakeTime;
}

function record(seed: number, runMs: number, start = TUESDAY_NOON): Recorded {
  const time = new FakeTime(start);
  const config = demoConfig(seed);
  const source = createDemoSource({ config, settings: config.demo!, clock: time, scheduler: time });
  const recorded: Recorded = { events: [], readings: [], time };
  source.start({
    events: (_source, events) => recorded.events.push(...events),
    reading: (_source, queueId, reading) => recorded.readings.push({ queueId, reading }),
    status: () => {},
  });
  time.advance(runMs);
  source.stop();
  return recorded;
}

const count = (events: TicketEvent[], predicate: (e: TicketEvent) => boolean) => events.filter(predicate).length;

describe('demo configuration', () => {
  it('has two offices and at least 12 queues across channels, in-house and partner teams', () => {
    const config = demoConfig();
    expect(config.offices.map((o) => [o.id, o.timeZone, o.locale])).toEqual([
      ['lisbon', 'Europe/Lisbon', 'pt-PT'],
      ['amsterdam', 'Europe/Amsterdam', 'nl-NL'],
    ]);
    expect(config.queues.length).toBeGreaterThanOrEqual(12);
    const channels = new Set(config.queues.map((q) => q.channel));
    for (const channel of ['email', 'chat', 'phone', 'trustpilot', 'facebook', 'instagram', 'x'] as const) {
      expect(channels, channel).toContain(channel);
    }
    expect(CHANNELS).toEqual(expect.arrayContaining([...channels]));
    expect(new Set(config.queues.map((q) => q.team.kind))).toEqual(new Set(['in-house', 'partner']));
  });
});

describe('demo source on ticket events', () => {
  it('replays the previous 24 hours at start, then steps with the clock', () => {
    const { events } = record(1, 10_000);
    const beforeStart = events.filter((e) => e.at <= TUESDAY_NOON);
    expect(beforeStart.length).toBeGreaterThan(5000);
    expect(Math.min(...events.map((e) => e.at))).toBeGreaterThanOrEqual(TUESDAY_NOON - 24 * HOUR);
    expect(Math.max(...events.map((e) => e.at))).toBeLessThanOrEqual(TUESDAY_NOON + 10_000);
    expect(events.some((e) => e.at > TUESDAY_NOON)).toBe(true);
  });

  it('emits only valid events for configured queues, with unique ids and a consistent ticket lifecycle', () => {
    const { events } = record(2, 60_000);
    const queueIds = new Set(demoConfig().queues.map((q) => q.id));
    const ids = new Set<string>();
    const state = new Map<string, 'open' | 'replied' | 'solved' | 'reopened'>();
    for (const event of events) {
      expect(TicketEventSchema.safeParse(event).success, event.eventId).toBe(true);
      expect(ids.has(event.eventId), event.eventId).toBe(false);
      ids.add(event.eventId);
      if (event.queueId) expect(queueIds.has(event.queueId)).toBe(true);
      const before = state.get(event.ticketId);
      if (event.type === 'created') expect(before).toBeUndefined();
      if (event.type === 'first-reply') expect(before === 'open' || before === 'reopened').toBe(true);
      if (event.type === 'solved') expect(before === 'open' || before === 'replied').toBe(true);
      if (event.type === 'reopened') expect(before).toBe('solved');
      // A rating changes nothing about the ticket's life.
      if (event.type === 'rated') continue;
      const next = { created: 'open', queued: 'open', reopened: 'reopened', 'first-reply': 'replied', solved: 'solved' } as const;
      state.set(event.ticketId, next[event.type]);
    }
  });

  it('is deterministic for a seed and start, and different for another seed', () => {
    const a = record(42, 5000).events;
    expect(record(42, 5000).events).toEqual(a);
    expect(record(43, 5000).events.slice(0, 50)).not.toEqual(a.slice(0, 50));
  });

  it('follows the office day: late mornings are busier than nights, weekdays than weekends', () => {
    const { events } = record(3, 1000);
    const createdBetween = (fromHourUtc: number, toHourUtc: number, dayOffset = 0) =>
      count(events, (e) => {
        const at = e.at - dayOffset;
        return e.type === 'created' && at >= Date.UTC(2026, 10, 17, fromHourUtc) && at < Date.UTC(2026, 10, 17, toHourUtc);
      });
    expect(createdBetween(9, 11)).toBeGreaterThan(3 * createdBetween(1, 3));

    const sunday = record(3, 1000, Date.UTC(2026, 10, 22, 12)).events;
    const weekdayCreated = count(events, (e) => e.type === 'created');
    expect(count(sunday, (e) => e.type === 'created')).toBeLessThan(0.75 * weekdayCreated);
  });

  it('shows its incidents: a viral Trustpilot thread and an outsourced partner gone offline', () => {
    const { events, readings } = record(1, 1000);
    const lastHour = (queueId: string) =>
      count(events, (e) => e.type === 'created' && e.queueId === queueId && e.at > TUESDAY_NOON - HOUR);
    expect(lastHour('lis-trustpilot')).toBeGreaterThan(4 * lastHour('lis-facebook'));
    const partnerQueues = demoConfig().queues.filter((q) => q.team.kind === 'partner' && q.team.name === 'Tagus Contact');
    for (const queue of partnerQueues) {
      const latest = readings.filter((r) => r.queueId === queue.id).at(-1);
      expect(latest?.reading.agentsOnline, queue.id).toBe(0);
    }
  });

  it('shows SLA breaches from the engine estimate: overnight, unstaffed social queues leave tickets past their target', () => {
    const night = Date.UTC(2026, 10, 17, 3);
    const { events, readings, time } = record(11, 1000, night);
    const config = demoConfig(11);
    const engine = new MetricEngine({
      queues: config.queues.map((q) => ({ id: q.id, firstResponseTargetSeconds: q.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[q.channel] })),
    });
    for (const event of events) engine.applyEvent(event);
    for (const { queueId, reading } of readings) engine.applyReading(queueId, reading);
    const breached = (queueId: string) => engine.metricsFor(queueId, time.now()).slaBreached;
    expect(breached('lis-facebook')).toBeGreaterThan(10);
    expect(breached('ams-x')).toBeGreaterThan(10);
    // Chat is staffed around the clock and answered in minutes.
    expect(breached('lis-chat-pt')).toBe(0);
  });

  it('rates a share of solved tickets, 85–92 % satisfied per queue, so CSAT shows on a fresh start (issue 17)', () => {
    const { events, readings, time } = record(11, 1000);
    const config = demoConfig(11);
    const solved = count(events, (e) => e.type === 'solved');
    const rated = events.filter((e) => e.type === 'rated');
    expect(rated.length / solved).toBeGreaterThan(0.2);
    expect(rated.length / solved).toBeLessThan(0.3);
    const engine = new MetricEngine({ queues: config.queues.map((q) => ({ id: q.id, firstResponseTargetSeconds: DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[q.channel] })) });
    for (const event of events) engine.applyEvent(event);
    for (const { queueId, reading } of readings) engine.applyReading(queueId, reading);
    for (const queue of config.queues) {
      const { csat, csatRatings } = engine.metricsFor(queue.id, time.now());
      expect(csatRatings, queue.id).toBeGreaterThan(10);
      // A day of ratings: the queue's share, give or take the luck of a few hundred answers.
      expect(csat, queue.id).toBeGreaterThan(78);
      expect(csat, queue.id).toBeLessThan(98);
    }
  });

  it('runs simulated time as fast as its clock: a sped-up clock covers more time per tick', () => {
    const time = new FakeTime(TUESDAY_NOON);
    let simulated = TUESDAY_NOON;
    const fast = { now: () => simulated };
    const config = demoConfig(5);
    const source = createDemoSource({ config, settings: config.demo!, clock: fast, scheduler: time });
    const events: TicketEvent[] = [];
    source.start({ events: (_s, batch) => events.push(...batch), reading: () => {}, status: () => {} });
    events.length = 0;
    simulated += 60_000; // one real second at 60×
    time.advance(1000);
    source.stop();
    expect(events.length).toBeGreaterThan(0);
    expect(Math.max(...events.map((e) => e.at))).toBeGreaterThan(TUESDAY_NOON + 1000);
    expect(time.pendingTimers).toBe(0);
  });

  it('runs the same traffic at any speed: a tick of 40 simulated minutes is taken a minute at a time', () => {
    const backlogAfterADay = (tickMs: number) => {
      const config = demoConfig(3);
      const time = new FakeTime(Date.UTC(2026, 10, 17, 0, 0));
      const engine = new MetricEngine({ queues: config.queues.map((q) => ({ id: q.id, firstResponseTargetSeconds: 600 })) });
      const source = createDemoSource({ config, settings: { seed: 3, tickMs }, clock: time, scheduler: time });
      source.start({
        events: (_s, batch) => batch.forEach((e) => engine.applyEvent(e)),
        reading: (_s, queueId, reading) => engine.applyReading(queueId, reading),
        status: () => {},
      });
      time.advance(24 * 3_600_000);
      source.stop();
      return config.queues.map((q) => engine.metricsFor(q.id, time.now()).backlog);
    };
    // Before, a sped-up demo (one tick = 40 simulated minutes at --speed=2400) never drained its backlog.
    expect(backlogAfterADay(40 * 60_000)).toEqual(backlogAfterADay(60_000));
  });
});
