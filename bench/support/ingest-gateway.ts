// The gateway process of the ingest benchmark: 20 push-fed queues, the SQLite store, one ingest key whose
// limits are raised out of the way (the bench measures what the gateway absorbs, not the limiter), no
// other source. Prints "LISTENING <url>"; answers IPC { type: 'stats', reset? } with what it measured
// of itself since the last reset: each evaluation beat, the event loop's longest stall, each checkpoint written.
//   --dataDir=…  --compactEvery=N (events before a compaction is forced; the gateway's default otherwise)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createGateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { systemClock, systemScheduler } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { Histogram } from '../../server/runtime/prometheus';
import { openStore } from '../../server/store';
import { EventLog } from '../../server/store/event-log';
import { BENCH_INGEST_LIMITS, INGEST_KEY, INGEST_QUEUES, INGEST_SOURCE } from './ingest-batches';
import { syntheticConfig } from './synthetic';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));

// Probes: the gateway's own evaluation histogram sees every beat's duration; the event log's compact call
// is where a checkpoint row is written (its slices run before it, its deletion after). Read, not changed.
let beats: number[] = [];
let checkpointWrites: number[] = [];
const observe = Histogram.prototype.observe;
Histogram.prototype.observe = function (this: Histogram, value: number) {
  if (this.name === 'queueboard_evaluation_seconds') beats.push(value * 1000);
  observe.call(this, value);
};
const compact = EventLog.prototype.compact;
EventLog.prototype.compact = function (this: EventLog, ...rest: Parameters<typeof compact>) {
  const started = performance.now();
  try {
    return compact.apply(this, rest);
  } finally {
    checkpointWrites.push(performance.now() - started);
  }
};

const base = syntheticConfig(INGEST_QUEUES);
const config = { ...base, limits: { ...base.limits, connectionsPerAddress: 100_000, ingest: BENCH_INGEST_LIMITS } };
const store = openStore({ dataDir: args.dataDir!, clock: systemClock, logger: silentLogger });
const gateway = createGateway({
  config,
  sources: [],
  clock: systemClock,
  scheduler: systemScheduler,
  logger: silentLogger,
  store,
  rendererDir: 'dist/renderer',
  ingestKeys: [{ sourceId: INGEST_SOURCE, sha256: hashKey(INGEST_KEY) }],
  ...(args.compactEvery ? { compactEveryEvents: Number(args.compactEvery) } : {}),
});
const address = await gateway.listen(0, '127.0.0.1');
process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
process.on('message', (message: { type: string; reset?: boolean }) => {
  if (message.type !== 'stats') return;
  process.send!({ type: 'stats', beats, checkpointWrites, loopMaxMs: loop.max / 1e6, cpu: process.cpuUsage(), rss: process.memoryUsage().rss });
  if (message.reset) {
    beats = [];
    checkpointWrites = [];
    loop.reset();
  }
});
const stop = () => void gateway.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
