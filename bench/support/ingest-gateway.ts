// The gateway process of the ingest benchmark: 20 push-fed queues, the SQLite store, one ingest key whose
// limits are raised out of the way (the bench measures what the gateway absorbs, not the limiter), no
// other source. Prints "LISTENING <url>"; answers IPC { type: 'stats', reset? } with what it measured
// of itself since the last reset: each evaluation beat, the event loop's longest stall, each checkpoint written.
//   --dataDir=…  --compactEvery=N (events before a compaction is forced; the gateway's default otherwise)
import { monitorEventLoopDelay, PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { createGateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { DEFAULT_MAX_INGEST_LAG_MS } from '../../server/ingest/loop-lag';
import { systemClock, systemScheduler } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { Histogram } from '../../server/runtime/prometheus';
import { openStore } from '../../server/store';
import { EventLog } from '../../server/store/event-log';
import { BENCH_INGEST_LIMITS, INGEST_KEY, INGEST_QUEUES, INGEST_SOURCE } from './ingest-batches';
import { syntheticConfig } from './synthetic';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));

// Probes: the gateway's own evaluation histogram sees every beat's duration, its database write histogram
// every write transaction (ingest batches, history minutes, compaction's writes); the event log's compact call
// (a checkpoint in one row) or each writeChunk call (a checkpoint a chunk per turn) is a write of checkpoint
// text (its slices run before it, the deletion after). Read, not changed.
let beats: number[] = [];
let checkpointWrites: number[] = [];
let dbWrites: number[] = [];
const observe = Histogram.prototype.observe;
Histogram.prototype.observe = function (this: Histogram, value: number) {
  if (this.name === 'queueboard_evaluation_seconds') beats.push(value * 1000);
  if (this.name === 'queueboard_db_write_seconds') dbWrites.push(value * 1000);
  observe.call(this, value);
};
for (const name of ['compact', 'writeChunk'] as const) {
  const write = EventLog.prototype[name] as (...args: unknown[]) => unknown;
  EventLog.prototype[name] = function (this: EventLog, ...rest: unknown[]) {
    const started = performance.now();
    try {
      return write.apply(this, rest);
    } finally {
      checkpointWrites.push(performance.now() - started);
    }
  } as never;
}

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
  // As `npm start` runs it: ingest refused while the event loop's sustained lag passes the default bound.
  maxIngestLagMs: DEFAULT_MAX_INGEST_LAG_MS,
});
const address = await gateway.listen(0, '127.0.0.1');
process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
// The longest gap between two 10 ms ticks and the CPU this process used in it: near the gap, the gateway's
// own work held the loop; far below it, the process waited (the machine's other load, a disk flush).
let longestGap = { wallMs: 0, cpuMs: 0 };
let tick = { at: performance.now(), cpu: process.cpuUsage() };
setInterval(() => {
  const now = { at: performance.now(), cpu: process.cpuUsage() };
  const wallMs = now.at - tick.at;
  if (wallMs > longestGap.wallMs) longestGap = { wallMs, cpuMs: (now.cpu.user + now.cpu.system - tick.cpu.user - tick.cpu.system) / 1000 };
  tick = now;
}, 10).unref();
// Collections that stop the loop: the major ones (mark-compact) over a heap of a million open tickets are
// the pauses a beat or a wall's message can land in.
let gc = { majorCount: 0, majorMaxMs: 0, majorTotalMs: 0, minorTotalMs: 0, heapUsedMB: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.majorCount++;
      gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
      gc.majorTotalMs += entry.duration;
    } else gc.minorTotalMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', (message: { type: string; reset?: boolean }) => {
  if (message.type !== 'stats') return;
  gc.heapUsedMB = process.memoryUsage().heapUsed / 2 ** 20;
  process.send!({ type: 'stats', beats, checkpointWrites, loopMaxMs: loop.max / 1e6, longestGap, dbWrites, gc, cpu: process.cpuUsage(), rss: process.memoryUsage().rss });
  if (message.reset) {
    beats = [];
    checkpointWrites = [];
    dbWrites = [];
    loop.reset();
    longestGap = { wallMs: 0, cpuMs: 0 };
    gc = { majorCount: 0, majorMaxMs: 0, majorTotalMs: 0, minorTotalMs: 0, heapUsedMB: 0 };
  }
});
const stop = () => void gateway.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
