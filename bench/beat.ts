// The evaluation beat's own cost, without screens or network: the real gateway, in this process, on a
// simulated clock; 300 queues get a reading each simulated second, then every task the gateway scheduled
// is run when due (the beat, the batcher, housekeeping). CPU per simulated second after a warm-up, beside
// a floor that puts the same readings through the metric engine alone and reads every queue's figures:
// what any gateway must compute before it can judge, alert and send. Issue 14 found the fan-out figure moved with this cost (a millisecond a
// beat reads as -8 % deliveries per core); issue 16 needs it small at saturation.
import { createGateway } from '../server/gateway';
import { engineOptionsFor } from '../server/metrics/engine-options';
import { MetricEngine } from '../server/metrics/metric-engine';
import { silentLogger } from '../server/runtime/logger';
import type { Clock, Scheduler } from '../server/runtime/clock';
import type { Source, SourceSink } from '../server/sources/source';
import { byMode, type Benchmark } from './support/benchmark';
import { syntheticConfig } from './support/synthetic';
import type { Row } from './support/table';

const QUEUES = 300;

interface Reading {
  at: number;
  backlog: number;
  agentsOnline: number;
  oldestWaitingSeconds: number;
}

/** The same readings for both sides: a deterministic random walk per queue. */
function readings(queueIds: readonly string[]) {
  let seed = 12345;
  const backlogs = queueIds.map((_, i) => 10 + (i % 40));
  return (at: number, each: (queueId: string, reading: Reading) => void) => {
    queueIds.forEach((queueId, i) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const backlog = (backlogs[i] = Math.max(0, backlogs[i]! + (seed % 3) - 1));
      each(queueId, { at, backlog, agentsOnline: 5 + (i % 7), oldestWaitingSeconds: 30 + (backlog % 60) });
    });
  };
}

function cpuMsPerSecond(seconds: number, second: () => void): number {
  const before = process.cpuUsage();
  for (let i = 0; i < seconds; i++) second();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / seconds;
}

async function gatewayBeat(warmUp: number, seconds: number): Promise<number> {
  const config = syntheticConfig(QUEUES);
  let wall = Date.UTC(2026, 11, 7, 10, 0, 0);
  let mono = 1_000_000;
  const clock: Clock = { now: () => wall, monotonic: () => mono };
  const tasks: Array<{ ms: number; next: number; task: () => void }> = [];
  const scheduler: Scheduler = {
    every(ms, task) {
      const entry = { ms, next: mono + ms, task };
      tasks.push(entry);
      return () => void tasks.splice(tasks.indexOf(entry), 1);
    },
  };
  let sink: SourceSink | null = null;
  const queueIds = config.queues.map((q) => q.id);
  const source: Source = { id: 'bench', durable: false, expectedIntervalMs: 1000, queueIds, start: (s) => void (sink = s), stop: () => {} };
  const gateway = createGateway({ config, sources: [source], clock, scheduler, logger: silentLogger, store: null, rendererDir: 'dist/renderer', clockSpeed: 1 });
  await gateway.listen(0, '127.0.0.1');
  const next = readings(queueIds);
  const second = () => {
    wall += 1000;
    mono += 1000;
    next(wall, (queueId, reading) => sink!.reading('bench', queueId, reading));
    for (const entry of [...tasks]) {
      while (entry.next <= mono) {
        entry.next += entry.ms;
        entry.task();
      }
    }
  };
  cpuMsPerSecond(warmUp, second);
  const measured = cpuMsPerSecond(seconds, second);
  await gateway.close();
  return measured;
}

function floorBeat(warmUp: number, seconds: number): number {
  const config = syntheticConfig(QUEUES);
  const engine = new MetricEngine(engineOptionsFor(config));
  const queueIds = config.queues.map((q) => q.id);
  const next = readings(queueIds);
  let at = Date.UTC(2026, 11, 7, 10, 0, 0);
  const second = () => {
    at += 1000;
    next(at, (queueId, reading) => engine.applyReading(queueId, reading));
    for (const queueId of queueIds) engine.metricsFor(queueId, at);
  };
  cpuMsPerSecond(warmUp, second);
  return cpuMsPerSecond(seconds, second);
}

export const beat: Benchmark = {
  name: 'beat',
  title: `the evaluation beat's CPU, ${QUEUES} queues with a reading a second, simulated clock (in process)`,
  async run({ mode, log }) {
    const warmUp = byMode(mode, { full: 600, quick: 300, smoke: 30 });
    const seconds = byMode(mode, { full: 3000, quick: 1000, smoke: 60 });
    const runs = byMode(mode, { full: 3, quick: 2, smoke: 1 });
    const gateway: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < runs; run++) {
      floor.push(floorBeat(warmUp, seconds));
      gateway.push(await gatewayBeat(warmUp, seconds));
      log(`run ${run + 1}: gateway ${gateway.at(-1)!.toFixed(3)} ms, floor ${floor.at(-1)!.toFixed(3)} ms CPU per simulated second`);
    }
    const best = (values: number[]) => values.reduce((a, b) => Math.min(a, b));
    const rows: Row[] = [
      {
        bench: 'beat',
        figure: `CPU per beat (${QUEUES} queues, best of ${runs})`,
        value: best(gateway),
        unit: 'ms',
        floor: best(floor),
        // No goal of its own: issue 16's 50 ms per beat is for a beat held at ingest saturation (bench ingest).
        goal: null,
        note: 'floor: the metric engine alone',
      },
    ];
    return rows;
  },
};
