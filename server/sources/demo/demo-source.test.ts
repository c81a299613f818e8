import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../../tests/support/fake-time';
import { demoConfig } from '../../config/demo-config';
import { CHANNELS } from '../../../shared/model';
import type { QueueReading } from '../source';
import { createDemoSource } from './demo-source';

// Tuesday 2026-11-17 10:00 in Lisbon: a busy weekday morning.
const TUESDAY_MORNING = Date.UTC(2026, 10, 17, 10, 0, 0);

function run(seed: number, seconds: number, start = TUESDAY_MORNING): QueueReading[] {
  const time = new FakeTime(start);
  const config = demoConfig(seed);
  const source = createDemoSource({ config, settings: config.demo!, clock: time, scheduler: time });
  const readings: QueueReading[] = [];
  source.start((r) => readings.push(r));
  time.advance(seconds * 1000);
  source.stop();
  return readings;
}

function series(readings: QueueReading[], queueId: string, metric: 'backlog' | 'firstResponseP90' | 'resolutionP90') {
  return readings.filter((r) => r.queueId === queueId).map((r) => r.metrics[metric] as number);
}

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
    for (const office of config.offices) expect(config.queues.some((q) => q.officeId === office.id)).toBe(true);
  });
});

describe('demo source', () => {
  it('reports every queue every second, from the first moment', () => {
    const readings = run(7, 10);
    const queues = demoConfig().queues;
    expect(readings).toHaveLength(queues.length * 11);
    expect(readings.slice(0, queues.length).every((r) => r.at === TUESDAY_MORNING)).toBe(true);
    expect(readings.at(-1)!.at).toBe(TUESDAY_MORNING + 10_000);
  });

  it('is deterministic for a seed and different for another seed', () => {
    expect(run(42, 120)).toEqual(run(42, 120));
    expect(series(run(43, 120), 'lis-chat-pt', 'firstResponseP90')).not.toEqual(
      series(run(42, 120), 'lis-chat-pt', 'firstResponseP90'),
    );
  });

  it('moves every second, smoothly rather than as white noise', () => {
    const readings = run(3, 600);
    for (const queue of demoConfig().queues) {
      const mine = readings.filter((r) => r.queueId === queue.id).map((r) => r.metrics);
      const moved = mine.slice(1).filter((m, i) => JSON.stringify(m) !== JSON.stringify(mine[i])).length;
      expect(moved / (mine.length - 1), `${queue.id}: share of seconds with a change`).toBeGreaterThan(0.8);
      for (const metric of ['backlog', 'firstResponseP90', 'resolutionP90'] as const) {
        const values = series(readings, queue.id, metric);
        expect(new Set(values).size, `${queue.id} ${metric} distinct values in 10 min`).toBeGreaterThan(3);
      }
      // Each step is small against the level; a white-noise series would jump by a large share.
      const frt = series(readings, queue.id, 'firstResponseP90');
      const steps = frt.slice(1).map((v, i) => Math.abs(v - frt[i]!) / Math.max(frt[i]!, 1));
      expect(Math.max(...steps), `${queue.id} largest one-second step`).toBeLessThan(0.1);
      expect(lagOneAutocorrelation(series(readings, queue.id, 'backlog')), `${queue.id} backlog`).toBeGreaterThan(0.6);
    }
  });

  it('stays in plausible ranges and follows the day: nights are quieter than mornings', () => {
    const morning = run(5, 60);
    const night = run(5, 60, Date.UTC(2026, 10, 17, 3, 0, 0));
    for (const r of morning) {
      expect(r.metrics.backlog).toBeGreaterThanOrEqual(0);
      expect(r.metrics.firstResponseP90).toBeGreaterThan(0);
      expect(r.metrics.resolutionP90).toBeLessThan(7 * 24 * 3600);
    }
    const total = (rs: QueueReading[]) => rs.reduce((sum, r) => sum + (r.metrics.backlog ?? 0), 0);
    expect(total(night)).toBeLessThan(total(morning) * 0.7);
  });

  it('shows a demo incident: the viral Trustpilot thread keeps that queue above its usual backlog', () => {
    const readings = run(1, 60);
    const trustpilot = series(readings, 'lis-trustpilot', 'backlog');
    const facebook = series(readings, 'lis-facebook', 'backlog');
    expect(average(trustpilot)).toBeGreaterThan(2 * average(facebook));
  });

  it('stops cleanly and can report no more after stop', () => {
    const time = new FakeTime(TUESDAY_MORNING);
    const config = demoConfig();
    const source = createDemoSource({ config, settings: config.demo!, clock: time, scheduler: time });
    let count = 0;
    source.start(() => count++);
    expect(() => source.start(() => {})).toThrow(/already running/);
    source.stop();
    const after = count;
    time.advance(5000);
    expect(count).toBe(after);
    expect(time.pendingTimers).toBe(0);
  });
});

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function lagOneAutocorrelation(values: number[]): number {
  const mean = average(values);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < values.length; i++) {
    denominator += (values[i]! - mean) ** 2;
    if (i > 0) numerator += (values[i]! - mean) * (values[i - 1]! - mean);
  }
  return denominator === 0 ? 1 : numerator / denominator;
}
