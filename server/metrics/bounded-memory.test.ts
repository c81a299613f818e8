import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { demoConfig } from '../config/demo-config';
import { createDemoSource } from '../sources/demo/demo-source';
import { MetricEngine } from './metric-engine';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('metric engine memory over a week', () => {
  const WEEKS = 2;
  it('holds a flat number of items through two simulated weeks of demo traffic, once its longest window (CSAT, 7 days) is full', () => {
    const config = demoConfig(3);
    // A Tuesday, so the first day's windows (warmed with Monday) hold a working day; the week includes a weekend.
    const time = new FakeTime(Date.UTC(2026, 10, 17, 0, 0));
    const engine = new MetricEngine({ queues: config.queues.map((q) => ({ id: q.id, firstResponseTargetSeconds: 600 })) });
    const source = createDemoSource({ config, settings: { seed: 3, tickMs: 60_000 }, clock: time, scheduler: time });
    let events = 0;
    source.start({
      events: (_s, batch) => {
        events += batch.length;
        for (const event of batch) engine.applyEvent(event);
      },
      reading: (_s, queueId, reading) => engine.applyReading(queueId, reading),
      status: () => {},
    });

    const hourly: number[] = [];
    for (let hour = 0; hour < WEEKS * 7 * 24; hour++) {
      time.advance(HOUR);
      // Reading the metrics is what prunes the windows, as the gateway does every second.
      for (const queue of config.queues) engine.metricsFor(queue.id, time.now());
      hourly.push(engine.retainedItems());
    }
    source.stop();

    const perDay = Array.from({ length: WEEKS * 7 }, (_, d) => Math.max(...hourly.slice(d * 24, d * 24 + 24)));
    console.log(`events: ${events}; retained items, daily max: ${perDay.join(', ')}; evictions: ${engine.evictions()}`);
    expect(events).toBeGreaterThan(WEEKS * 7 * 10_000);
    // The demo's ratings fill CSAT's 7-day window through the first week; from then on nothing may grow.
    expect(Math.max(...perDay.slice(8))).toBeLessThanOrEqual(1.2 * perDay[7]!);
    expect(Math.min(...hourly)).toBeGreaterThan(0);
    expect(engine.evictions()).toBe(0);
    expect(time.now()).toBe(Date.UTC(2026, 10, 17) + WEEKS * 7 * DAY);
  });
});
