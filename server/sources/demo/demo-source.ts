import type { DemoSettings, GatewayConfig } from '../../config/config-schema';
import type { Clock, Scheduler } from '../../runtime/clock';
import type { Source, SourceSink } from '../source';
import { localTimeReader } from './day-curve';
import { demoPressure } from './demo-pressure';
import { IncidentCalendar } from './incidents';
import { liveMarketingEvent } from './marketing-events';
import { QueueTraffic, type DemoRatings } from './queue-traffic';
import { createRandom, hashString } from './random';
import { TRAFFIC_PROFILES } from './ticket-profiles';

export interface DemoSourceOptions {
  config: Pick<GatewayConfig, 'offices' | 'queues'>;
  settings: DemoSettings;
  /** The gateway's clock; with --speed it runs faster than real time, and so does the demo. */
  clock: Clock;
  scheduler: Scheduler;
}

const WARM_UP_MS = 24 * 3_600_000;
const WARM_UP_STEP_MS = 60_000;
const MAX_STEP_MS = 60_000;

/**
 * A quarter of solved tickets rated, 85–92 % of them satisfied depending on the queue: the demo's CSAT sits
 * around the built-in warning level (85 %), so some walls show it amber.
 */
function demoRatings(seed: number, queueId: string): DemoRatings {
  const share = createRandom(hashString(`${seed}:${queueId}:csat`)).next();
  return { random: createRandom(hashString(`${seed}:${queueId}:ratings`)), rateShare: 0.25, satisfiedShare: 0.85 + 0.07 * share };
}

/**
 * Simulated ticket traffic for every configured queue, deterministic for a seed and a start time.
 * On start it replays the previous 24 hours at once, so every window has data from the first second.
 */
export function createDemoSource({ config, settings, clock, scheduler }: DemoSourceOptions): Source {
  const id = 'demo';
  let cancel: (() => void) | null = null;

  return {
    id,
    durable: false,
    expectedIntervalMs: settings.tickMs,
    queueIds: config.queues.map((q) => q.id),
    start(sink: SourceSink) {
      if (cancel) throw new Error('The demo source is already running.');
      const startAt = clock.now();
      const calendar = new IncidentCalendar(config.queues, settings.seed, startAt);
      const readers = new Map(config.offices.map((office) => [office.id, localTimeReader(office.timeZone)]));
      const queues = config.queues.map((queue) => ({
        queue,
        traffic: new QueueTraffic(
          queue,
          TRAFFIC_PROFILES[queue.channel],
          demoPressure(settings.seed, queue.id),
          createRandom(hashString(`${settings.seed}:${queue.id}`)),
          readers.get(queue.officeId)!,
          demoRatings(settings.seed, queue.id),
        ),
      }));

      const campaign = liveMarketingEvent(config.queues, startAt);
      const advance = (from: number, to: number) => {
        const incidents = campaign && campaign.from <= to && to < campaign.to ? [...calendar.activeAt(to), campaign] : calendar.activeAt(to);
        for (const entry of queues) {
          const step = entry.traffic.step(from, to, incidents);
          if (step.events.length > 0) sink.events(id, step.events);
          // Every step reports every queue, like a connector's poll: a quiet queue is quiet, not stale.
          sink.reading(id, entry.queue.id, { at: to, agentsOnline: step.agentsOnline });
        }
      };

      let last = startAt - WARM_UP_MS;
      for (; last + WARM_UP_STEP_MS <= startAt; last += WARM_UP_STEP_MS) {
        advance(last, last + WARM_UP_STEP_MS);
        sink.replayedUntil?.(id, last + WARM_UP_STEP_MS);
      }
      cancel = scheduler.every(settings.tickMs, () => {
        const now = clock.now();
        // At most a simulated minute per step, whatever the speed: the traffic model staffs and answers per
        // step, and at --speed=10000 one tick is almost three hours, in which the backlog never drained.
        for (; last < now; ) {
          const to = Math.min(now, last + MAX_STEP_MS);
          advance(last, to);
          last = to;
        }
      });
    },
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
