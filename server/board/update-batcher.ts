import type { Update } from '../../shared/protocol/protocol';
import type { Clock, Scheduler } from '../runtime/clock';
import type { QueueBoard } from './queue-board';

export interface UpdateBatcherOptions {
  board: QueueBoard;
  clock: Clock;
  scheduler: Scheduler;
  /** How often changes are sent to screens at most. */
  intervalMs: number;
  /** Alert changes travel in the same numbered updates, so a screen that resyncs misses none. */
  alerts: { takeChanges(): Update['alerts'] & object };
  broadcast: (update: Update) => void;
  /** Sent after `heartbeatAfterIdleFlushes` flushes in a row had nothing to send. */
  heartbeat?: (serverTime: number) => void;
  heartbeatAfterIdleFlushes?: number;
}

/**
 * Collects the board's changes and sends them as one numbered update per interval, so a burst of
 * readings costs each screen one message. Screens use `seq` to notice a missed update.
 */
export class UpdateBatcher {
  private seq = 0;
  private idleFlushes = 0;
  private cancel: (() => void) | null = null;

  constructor(private readonly options: UpdateBatcherOptions) {}

  get lastSeq(): number {
    return this.seq;
  }

  start(): void {
    this.cancel ??= this.options.scheduler.every(this.options.intervalMs, () => this.flush());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /**
   * Sends what changed, if anything, without counting a quiet turn towards a heartbeat: the evaluation beat
   * calls it as it ends, so its changes reach the screens then rather than with the next interval (two timers
   * drifting apart made a wall wait up to an interval more: 1.5 s between updates at a 1 s beat).
   */
  sendPending(): Update | null {
    return this.send(this.options.board.takeChanges(), this.options.alerts.takeChanges());
  }

  flush(): Update | null {
    const changes = this.options.board.takeChanges();
    const alerts = this.options.alerts.takeChanges();
    if (changes.length === 0 && alerts.length === 0) {
      // Quiet boards still speak: a screen that hears nothing knows something is wrong.
      this.idleFlushes += 1;
      if (this.options.heartbeat && this.idleFlushes >= (this.options.heartbeatAfterIdleFlushes ?? 2)) {
        this.idleFlushes = 0;
        this.options.heartbeat(this.options.clock.now());
      }
      return null;
    }
    return this.send(changes, alerts);
  }

  private send(changes: Update['changes'], alerts: Update['alerts'] & object): Update | null {
    if (changes.length === 0 && alerts.length === 0) return null;
    this.idleFlushes = 0;
    this.seq += 1;
    const update: Update = { serverTime: this.options.clock.now(), seq: this.seq, changes, ...(alerts.length > 0 ? { alerts } : {}) };
    this.options.broadcast(update);
    return update;
  }
}
