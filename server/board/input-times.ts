import { monotonicNow, type Clock } from '../runtime/clock';

/** One report's time on both clocks: `wall` for screens and /healthz, `mono` for how old the data is. */
interface Stamp {
  wall: number;
  mono: number;
}

/** A shown time is moved with the wall clock once the two clocks disagree by more than this (a step, not drift). */
const STEP_TOLERANCE_MS = 1000;

/**
 * When each queue's source last reported. The age that makes a queue stale is measured on the monotonic
 * clock, so a wall-clock step neither makes every queue stale (forward) nor keeps them fresh (back); the
 * time screens show follows the wall clock, so a screen's measured offset still gives the right age.
 */
export class InputTimes {
  private readonly byQueue = new Map<string, Stamp>();
  private latest: Stamp | null = null;

  constructor(private readonly clock: Clock) {}

  /** A report dated `reportedAt`; older news than what is held is ignored. */
  touched(queueId: string, reportedAt: number): void {
    const wallNow = this.clock.now();
    // A time ahead of the gateway's clock (a helpdesk clock running fast, a future-dated reading kept in the
    // store) is clamped to now: kept as reported, it would keep the queue fresh, never stale, until then.
    const at = Math.min(reportedAt, wallNow);
    const stamp = { wall: at, mono: monotonicNow(this.clock) - (wallNow - at) };
    const previous = this.byQueue.get(queueId);
    if (previous === undefined || stamp.mono > previous.mono) this.byQueue.set(queueId, stamp);
    if (this.latest === null || stamp.mono > this.latest.mono) this.latest = { ...stamp };
  }

  /** The queue's last report on the monotonic clock (compare with monotonicNow), or null if none. */
  monotonicOf(queueId: string): number | null {
    return this.byQueue.get(queueId)?.mono ?? null;
  }

  /** The queue's last report in wall time, or null if none. */
  wallOf(queueId: string): number | null {
    const stamp = this.byQueue.get(queueId);
    return stamp ? this.followWall(stamp) : null;
  }

  /** When any source last reported, in wall time, or null. */
  get latestWall(): number | null {
    return this.latest ? this.followWall(this.latest) : null;
  }

  private followWall(stamp: Stamp): number {
    const wallNow = this.clock.now();
    const age = monotonicNow(this.clock) - stamp.mono;
    if (Math.abs(wallNow - stamp.wall - age) > STEP_TOLERANCE_MS) stamp.wall = wallNow - age;
    return Math.min(stamp.wall, wallNow);
  }
}
