import { parseConfigText } from '../../server/config/load-config';
import { createGateway, type Gateway } from '../../server/gateway';
import { silentLogger } from '../../server/runtime/logger';
import { createConnectorSources } from '../../server/sources/create-connector-sources';
import { openStore } from '../../server/store';
import type { MetricValues } from '../../shared/metrics';
import { fakeSleep } from './fake-helpdesk';
import type { FakeTime } from './fake-time';

export interface ConnectorGatewayRun {
  /** The gateway's configuration file (connectors pointing at the fakes). */
  configText: string;
  dataDir: string;
  time: FakeTime;
  /** How far each step moves the clock: the connectors' poll interval. */
  stepMs: number;
  /** Until when it runs. */
  until: number;
  /** Clock times at which the gateway is closed and started again on the same store (a restart). */
  restartsAt?: readonly number[];
  /** Clock times at which the engine's figures are noted (after a restart falling there, and its first poll). */
  observeAt?: readonly number[];
  /** Called at each restart, just before the gateway is closed (a test notes what the helpdesk was asked until then). */
  restarting?: () => void;
}

export interface RunResult {
  /** Every queue's metrics as the gateway shows them (the snapshot screens get) at the end. */
  shown: Record<string, MetricValues>;
  /** The engine's figures at exactly the end time. */
  figures: Record<string, MetricValues>;
  /** Shown at the first restart, just before it: the figure set reached before going down. */
  beforeRestart: Record<string, MetricValues> | null;
  /** The engine's figures at each observed time. */
  observed: Array<{ at: number; figures: Record<string, MetricValues> }>;
}

/**
 * A real gateway (in process, fake clock, a real SQLite store) with the configured connectors polling their
 * fake helpdesks, stepped poll by poll until `until`, closed and started again (new connectors, same store) at
 * each restart time, as the gateway process does. The gateway evaluates every step so it shows each poll.
 */
export async function runConnectorGateway(run: ConnectorGatewayRun): Promise<RunResult> {
  const { time } = run;
  const config = parseConfigText(run.configText, 'gateway.json');
  const { sleep } = fakeSleep(time);
  const start = async () => {
    const sources = createConnectorSources(config, { fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep, random: () => 0, logger: silentLogger, env: {} });
    const gateway = createGateway({
      config,
      sources,
      clock: time,
      scheduler: time,
      logger: silentLogger,
      store: openStore({ dataDir: run.dataDir, clock: time, logger: silentLogger }),
      rendererDir: 'dist/renderer',
      evaluateIntervalMs: run.stepMs,
      updateIntervalMs: run.stepMs,
    });
    await gateway.listen(0, '127.0.0.1');
    const settled = () => Promise.all(sources.map((s) => s.settled()));
    await settled();
    return { gateway, settled };
  };
  const shownBy = (gateway: Gateway) => Object.fromEntries(gateway.snapshot().states.map((s) => [s.queueId, s.metrics]));
  const figuresOf = (gateway: Gateway, at: number) => Object.fromEntries(config.queues.map((q) => [q.id, gateway.engine.metricsFor(q.id, at) as MetricValues]));
  const observed: RunResult['observed'] = [];
  const observeAt = new Set(run.observeAt ?? []);
  let current = await start();
  let beforeRestart: RunResult['beforeRestart'] = null;
  const restarts = [...(run.restartsAt ?? [])].sort((a, b) => a - b);
  try {
    while (time.now() < run.until) {
      time.advance(Math.min(run.stepMs, run.until - time.now()));
      await current.settled();
      if (restarts.length > 0 && time.now() >= restarts[0]!) {
        restarts.shift();
        beforeRestart ??= shownBy(current.gateway);
        run.restarting?.();
        await current.gateway.close();
        current = await start();
      }
      if (observeAt.has(time.now())) observed.push({ at: time.now(), figures: figuresOf(current.gateway, time.now()) });
    }
    // One more evaluation beat shows the last poll; the engine's own figures are taken at the end time itself.
    const figures = figuresOf(current.gateway, run.until);
    time.advance(run.stepMs);
    return { shown: shownBy(current.gateway), figures, beforeRestart, observed };
  } finally {
    await current.gateway.close();
  }
}

/** `MetricValues` keyed by queue, with only the named metrics. */
export function pick(byQueue: Record<string, MetricValues>, metrics: ReadonlyArray<keyof MetricValues>): Record<string, Partial<MetricValues>> {
  return Object.fromEntries(Object.entries(byQueue).map(([queueId, values]) => [queueId, Object.fromEntries(metrics.map((m) => [m, values[m]]))]));
}
