import type { QueueHealth } from '../../shared/health/queue-health';
import type { MetricValues } from '../../shared/metrics';
import type { Queue } from '../../shared/model';
import type { Clock, Scheduler } from '../runtime/clock';
import type { Histogram } from '../runtime/prometheus';
import type { QueueBoard } from './queue-board';

export interface MetricSource {
  metricsFor(queueId: string, now: number): MetricValues;
}

export interface HistorySink {
  /** Every queue's values for one minute, written together. */
  recordMinute(minuteStartMs: number, entries: ReadonlyArray<{ queueId: string; metrics: MetricValues }>): void;
}

export interface EvaluatorOptions {
  board: QueueBoard;
  engine: MetricSource;
  /** Judges a queue's health from its values and data age at `now` (debounced, stale-aware). */
  assess: (queue: Queue, values: MetricValues, updatedAt: number | null, now: number) => QueueHealth;
  /** Called once per evaluation after every queue, e.g. to expire snoozes. */
  afterEvaluation?: (now: number) => void;
  history: HistorySink | null;
  clock: Clock;
  scheduler: Scheduler;
  intervalMs: number;
  /** Seconds one evaluation of every queue takes. */
  evaluationSeconds: Histogram;
}

const MINUTE = 60_000;

/**
 * Recomputes every queue from the engine on a steady beat — time alone changes windows and waiting ages —
 * puts the values on the board, and writes each queue's values once a minute to the history.
 */
export class Evaluator {
  private readonly lastInputAt = new Map<string, number>();
  private lastMinute: number | null = null;
  private cancel: (() => void) | null = null;

  constructor(private readonly options: EvaluatorOptions) {}

  /** Marks that a queue's source reported at `at`: the age screens show for its data. */
  touched(queueId: string, at: number): void {
    const previous = this.lastInputAt.get(queueId);
    if (previous === undefined || at > previous) this.lastInputAt.set(queueId, at);
  }

  start(): void {
    this.evaluate();
    this.cancel ??= this.options.scheduler.every(this.options.intervalMs, () => this.evaluate());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  evaluate(): void {
    const { board, engine, clock, history, assess } = this.options;
    const started = performance.now();
    const now = clock.now();
    const minute = Math.floor(now / MINUTE) * MINUTE;
    // The history gets the values as they stood when a minute ended, stamped with that minute's start.
    const closeMinute = history !== null && this.lastMinute !== null && minute > this.lastMinute;
    const entries: Array<{ queueId: string; metrics: MetricValues }> = [];
    for (const queue of board.queues) {
      const values = engine.metricsFor(queue.id, now);
      if (closeMinute) entries.push({ queueId: queue.id, metrics: values });
      const updatedAt = this.lastInputAt.get(queue.id) ?? null;
      board.set(queue.id, values, updatedAt, assess(queue, values, updatedAt, now));
    }
    this.options.afterEvaluation?.(now);
    if (closeMinute) history.recordMinute(this.lastMinute!, entries);
    this.lastMinute = minute;
    this.options.evaluationSeconds.observe((performance.now() - started) / 1000);
  }
}
