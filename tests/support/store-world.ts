import { IngestPipeline } from '../../server/ingest/ingest-pipeline';
import { MetricEngine, type EngineLimits, type MetricWindows, type QueueSetup } from '../../server/metrics';
import { silentLogger, type Logger } from '../../server/runtime/logger';
import { Counter } from '../../server/runtime/prometheus';
import { openStore, type GatewayStore } from '../../server/store';
import { Housekeeping } from '../../server/store/housekeeping';
import { restoreState } from '../../server/store/restore-state';
import type { FakeTime } from './fake-time';
import { inputAt, type WorldInput } from './ticket-world';

/** The gateway's persistence path without its sockets: store, pipeline, engine and housekeeping, as wired in server/gateway.ts. */
export interface StoreWorld {
  store: GatewayStore;
  engine: MetricEngine;
  pipeline: IngestPipeline;
  housekeeping: Housekeeping;
  dropped: Counter;
  close(): void;
}

export function openStoreWorld(options: {
  dataDir: string;
  time: FakeTime;
  queues: readonly QueueSetup[];
  windows?: Partial<MetricWindows>;
  limits?: Partial<EngineLimits>;
  compactEveryEvents?: number;
  /** Where the restore at opening reports (a refused checkpoint is an error line). */
  logger?: Logger;
}): StoreWorld {
  const { time } = options;
  const store = openStore({ dataDir: options.dataDir, clock: time, logger: silentLogger });
  const engine = new MetricEngine({
    queues: options.queues,
    ...(options.windows ? { windows: options.windows } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const dropped = new Counter('dropped');
  const housekeeping = new Housekeeping({
    store,
    clock: time,
    scheduler: time,
    engineState: (now) => pipeline.checkpointState(now),
    clockSpeed: 1,
    logger: options.logger ?? silentLogger,
    timed: (write) => write(),
    ...(options.compactEveryEvents === undefined ? {} : { compactEveryEvents: options.compactEveryEvents }),
  });
  const pipeline = new IngestPipeline({
    engine,
    log: store.events,
    cursors: store.cursors,
    isDurable: () => true,
    dropped,
    logged: (count) => housekeeping.appended(count),
    touched: () => {},
    sourceStatus: () => {},
  });
  restoreState({ log: store.events, pipeline, alerts: { restore: () => 0 }, logger: options.logger ?? silentLogger });
  housekeeping.start();
  return {
    store,
    engine,
    pipeline,
    housekeeping,
    dropped,
    close: () => {
      housekeeping.stop();
      store.close();
    },
  };
}

/** Sends the inputs in arrival order, a batch per `batchMs` of their time, moving the clock (and its housekeeping) along. */
export function feed(world: Pick<StoreWorld, 'pipeline'>, time: FakeTime, inputs: readonly WorldInput[], source = 'crm', batchMs = 60_000): void {
  let batch: WorldInput[] = [];
  const flush = () => {
    const events = batch.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
    if (events.length > 0) world.pipeline.ingestEvents(source, events);
    for (const i of batch) if (i.kind === 'reading') world.pipeline.ingestReading(source, i.queueId, i.reading);
    batch = [];
  };
  for (const input of inputs) {
    const at = inputAt(input);
    if (at > time.now() + batchMs) {
      flush();
      time.advance(at - time.now());
    }
    batch.push(input);
  }
  flush();
}
