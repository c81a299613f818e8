import type { GatewayConfig, DemoSettings } from '../../config/config-schema';
import type { Clock, Scheduler } from '../../runtime/clock';
import type { ReadingSink, Source } from '../source';
import { CHANNEL_PROFILES, DEMO_PRESSURE } from './channel-profiles';
import { localTimeReader } from './day-curve';
import { QueueSimulator } from './queue-simulator';
import { createRandom, hashString } from './random';

export interface DemoSourceOptions {
  config: Pick<GatewayConfig, 'offices' | 'queues'>;
  settings: DemoSettings;
  clock: Clock;
  scheduler: Scheduler;
}

/** Simulated data for every configured queue, one reading per queue per tick, deterministic for a seed. */
export function createDemoSource({ config, settings, clock, scheduler }: DemoSourceOptions): Source {
  const id = 'demo';
  let cancel: (() => void) | null = null;

  return {
    id,
    start(sink: ReadingSink) {
      if (cancel) throw new Error('The demo source is already running.');
      const startAt = clock.now();
      const readers = new Map(config.offices.map((office) => [office.id, localTimeReader(office.timeZone)]));
      const simulators = config.queues.map((queue) => ({
        queueId: queue.id,
        simulator: new QueueSimulator(
          CHANNEL_PROFILES[queue.channel],
          DEMO_PRESSURE[queue.id] ?? 0.75 + 0.4 * createRandom(hashString(`${settings.seed}:${queue.id}:pressure`)).next(),
          createRandom(hashString(`${settings.seed}:${queue.id}`)),
          readers.get(queue.officeId)!,
          startAt,
        ),
      }));
      let last = startAt;
      const tick = () => {
        const now = clock.now();
        const dtSeconds = Math.max(now - last, 0) / 1000;
        last = now;
        for (const { queueId, simulator } of simulators) {
          sink({ sourceId: id, queueId, at: now, metrics: simulator.step(now, dtSeconds) });
        }
      };
      tick();
      cancel = scheduler.every(settings.tickMs, tick);
    },
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
