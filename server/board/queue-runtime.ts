import type { HealthSettings, ThresholdOverride } from '../../shared/health/threshold-model';
import type { QueueHealth } from '../../shared/health/queue-health';
import type { MetricValues } from '../../shared/metrics';
import type { Queue } from '../../shared/model';
import type { ThresholdState } from '../../shared/protocol/admin-protocol';
import { HEARTBEAT_EVERY_MS, type Update } from '../../shared/protocol/protocol';
import type { UsualInflow } from '../../shared/protocol/usual-inflow';
import type { AlertManager } from '../alerts/alert-manager';
import type { StaffingPlanner } from '../forecast/staffing-planner';
import { HealthTracker, type SourceProblem } from '../health/health-tracker';
import type { ThresholdService } from '../health/threshold-service';
import { monotonicNow, type Clock, type Scheduler } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { Histogram } from '../runtime/prometheus';
import type { SourceStatus } from '../sources/source';
import { InputTimes } from './input-times';
import type { QueueBoard } from './queue-board';
import { UpdateBatcher } from './update-batcher';

export interface MetricSource {
  metricsFor(queueId: string, now: number): MetricValues;
}

export interface HistorySink {
  /** Every queue's values for one minute, written together. */
  recordMinute(minuteStartMs: number, entries: ReadonlyArray<{ queueId: string; metrics: MetricValues }>): void;
}

/** Where the loop's results go: every connected screen (server/socket/socket-gateway.ts). */
export interface Screens {
  broadcast(update: Update): void;
  heartbeat(serverTime: number): void;
  broadcastThresholds(state: ThresholdState): void;
}

export interface QueueRuntimeOptions {
  board: QueueBoard;
  engine: MetricSource;
  health: HealthSettings;
  thresholds: Pick<ThresholdService, 'rulesFor' | 'replace'>;
  alerts: Pick<AlertManager, 'observe' | 'expireSnoozes' | 'takeChanges'>;
  /** How old each queue's data may get before it is stale, resolved once (server/config/stale-limits.ts). */
  staleAfterMs: ReadonlyMap<string, number>;
  history: HistorySink | null;
  /** What each queue's inflow usually is now (server/forecast/usual-inflow.ts), put on the board every beat. */
  usual?: ((queueId: string, now: number) => UsualInflow | null) | null;
  /** The quarter-hour history (server/forecast/quarter-recorder.ts): told the time every beat and replayed minute. */
  quarters?: { tick(at: number): void } | null;
  clock: Clock;
  scheduler: Scheduler;
  /** How often every queue is recomputed: time alone changes windows and waiting ages. */
  evaluateIntervalMs: number;
  /** How often changes go out to screens at most. */
  updateIntervalMs: number;
  /** Seconds one evaluation of every queue takes. */
  evaluationSeconds: Histogram;
  /** The staffing gap and SLA outlook (server/forecast/staffing-planner.ts); null leaves both metrics empty. */
  staffing?: Pick<StaffingPlanner, 'assess'> | null;
  logger: Logger;
}

const MINUTE = 60_000;
/** How much of a replayed past is written to the history: the hour a wall's sparkline and trend read. */
const REPLAYED_HISTORY_MS = 60 * MINUTE;

/**
 * The per-queue loop, in one place: each beat it takes every queue's values from the engine, judges them
 * (rules in force, staleness, source down or rate-limited), lets alerts follow the verdict, puts the result on the board
 * and writes each minute to the history; the board's changes go out to screens as numbered updates.
 * It owns what the judgement depends on besides the values: when each queue's source last reported and
 * which sources say they cannot reach their helpdesk.
 */
export class QueueRuntime {
  private readonly tracker: HealthTracker;
  private readonly batcher: UpdateBatcher;
  private readonly inputs: InputTimes;
  private readonly sourceProblems = new Map<string, SourceProblem>();
  private lastMinute: number | null = null;
  private lastReplayedMinute = -Infinity;
  private screens: Screens | null = null;
  private cancel: (() => void) | null = null;

  constructor(private readonly options: QueueRuntimeOptions) {
    this.tracker = new HealthTracker(options.health);
    this.inputs = new InputTimes(options.clock);
    this.batcher = new UpdateBatcher({
      board: options.board,
      clock: options.clock,
      scheduler: options.scheduler,
      intervalMs: options.updateIntervalMs,
      alerts: options.alerts,
      broadcast: (update) => this.connectedScreens().broadcast(update),
      heartbeat: (serverTime) => this.connectedScreens().heartbeat(serverTime),
      // Updates go out every interval at most, so this many idle flushes are HEARTBEAT_EVERY_MS of silence.
      heartbeatAfterIdleFlushes: Math.max(1, Math.round(HEARTBEAT_EVERY_MS / options.updateIntervalMs)),
    });
  }

  /** The number of the last update sent: a snapshot carries it so a screen knows where updates resume. */
  get lastSeq(): number {
    return this.batcher.lastSeq;
  }

  /** When any source last reported, or null if none has. */
  get lastInputTime(): number | null {
    return this.inputs.latestWall;
  }

  /** The screens exist after the runtime (their snapshot reads it), so they are connected before start. */
  connect(screens: Screens): void {
    this.screens = screens;
  }

  /** Marks that a queue's source reported at `at`: the age screens show for its data. Older news is ignored. */
  touched(queueId: string, reportedAt: number): void {
    this.inputs.touched(queueId, reportedAt);
  }

  /** A source that cannot reach its upstream, or was asked to wait, makes its queues stale, with its reason, until it is up again. */
  sourceStatus(sourceId: string, status: SourceStatus): void {
    for (const queueId of status.queueIds) {
      if (status.state === 'up') this.sourceProblems.delete(queueId);
      else this.sourceProblems.set(queueId, { reason: status.state === 'down' ? 'source-down' : 'rate-limited', message: status.reason });
    }
    this.options.logger.info('source status', { sourceId, state: status.state, reason: status.state === 'up' ? undefined : status.reason });
  }

  /** New thresholds: every queue is judged by them now, and screens get the result with the new thresholds. */
  rulesChanged(overrides: readonly ThresholdOverride[], state: ThresholdState): void {
    this.options.thresholds.replace(overrides);
    this.evaluate();
    this.flush();
    this.connectedScreens().broadcastThresholds(state);
    this.options.logger.info('thresholds changed', { revision: state.revision, overrides: overrides.length });
  }

  start(): void {
    this.connectedScreens();
    this.evaluate();
    this.cancel ??= this.options.scheduler.every(this.options.evaluateIntervalMs, () => {
      this.evaluate();
      this.batcher.sendPending();
    });
    this.batcher.start();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.batcher.stop();
  }

  /** Sends what changed now rather than with the next beat (what a person did shows within a second). */
  flush(): Update | null {
    return this.batcher.flush();
  }

  /**
   * A source replaying the past at start has got to `at`: the minute that ended by then goes into the history
   * (values as of `at`, under a minute past its end), for the last hour, which is what a wall asks for.
   */
  replayedUntil(at: number): void {
    const { board, engine, clock, history } = this.options;
    this.options.quarters?.tick(at);
    const minute = Math.floor(at / MINUTE) * MINUTE - MINUTE;
    const oldest = Math.floor((clock.now() - REPLAYED_HISTORY_MS) / MINUTE) * MINUTE;
    if (history === null || minute < oldest || minute <= this.lastReplayedMinute) return;
    this.lastReplayedMinute = minute;
    history.recordMinute(minute, board.queues.map((queue) => ({ queueId: queue.id, metrics: engine.metricsFor(queue.id, at) })));
  }

  evaluate(): void {
    const { board, engine, clock, history, alerts } = this.options;
    const started = performance.now();
    const now = clock.now();
    const monotonic = monotonicNow(clock);
    const minute = Math.floor(now / MINUTE) * MINUTE;
    // The history gets the values as they stood when a minute ended, stamped with that minute's start.
    const closeMinute = history !== null && this.lastMinute !== null && minute > this.lastMinute;
    const entries: Array<{ queueId: string; metrics: MetricValues }> = [];
    for (const queue of board.queues) {
      const values = engine.metricsFor(queue.id, now);
      const staffing = this.options.staffing?.assess(queue.id, values, this.options.thresholds.rulesFor(queue, now), now);
      if (staffing) {
        values.staffingGap = staffing.staffingGap;
        values.slaOutlook = staffing.slaOutlook;
      }
      if (closeMinute) entries.push({ queueId: queue.id, metrics: values });
      board.set(queue.id, values, this.inputs.wallOf(queue.id), this.judge(queue, values, now, monotonic), staffing?.staffing);
      if (this.options.usual) board.setUsual(queue.id, this.options.usual(queue.id, now));
    }
    alerts.expireSnoozes(now);
    if (closeMinute) history.recordMinute(this.lastMinute!, entries);
    this.options.quarters?.tick(now);
    this.lastMinute = minute;
    this.options.evaluationSeconds.observe((performance.now() - started) / 1000);
  }

  /**
   * Debounced, stale-aware health; alerts open and resolve from the same verdict. The tracker measures its
   * durations (pending, recovery, staleness, trend) on the monotonic clock; rules follow the office's wall time.
   */
  private judge(queue: Queue, values: MetricValues, now: number, monotonic: number): QueueHealth {
    const verdict = this.tracker.observe({
      queueId: queue.id,
      values,
      rules: this.options.thresholds.rulesFor(queue, now),
      updatedAt: this.inputs.monotonicOf(queue.id),
      staleAfterMs: this.options.staleAfterMs.get(queue.id) ?? null,
      sourceProblem: this.sourceProblems.get(queue.id) ?? null,
      now: monotonic,
    });
    this.options.alerts.observe(queue.id, verdict, now);
    return verdict.health;
  }

  private connectedScreens(): Screens {
    if (!this.screens) throw new Error('QueueRuntime: connect the screens before starting the loop or sending updates');
    return this.screens;
  }
}
