import { monotonicNow, type Clock } from '../runtime/clock';

export type ScheduleState = 'scheduled' | 'active' | 'ended';

interface Anchored {
  startsAt: number;
  endsAt: number;
  /** The same instants on the monotonic clock, fixed when the times were chosen (or read back after a restart). */
  start: number;
  end: number;
}

/**
 * When each broadcast starts and ends, measured on the gateway's monotonic clock (server/runtime/clock.ts):
 * the wall times people chose are turned into a distance from now once, when they are set, so a wall clock
 * stepped forward a day (NTP, an operator) does not end every broadcast at once, nor does a step back keep
 * them up. After a restart the monotonic clock starts again, so what is left is read from the wall clock then.
 */
export class BroadcastSchedule {
  private readonly anchors = new Map<string, Anchored>();

  constructor(private readonly clock: Clock) {}

  set(id: string, startsAt: number, endsAt: number): void {
    const now = this.clock.now();
    const mono = monotonicNow(this.clock);
    this.anchors.set(id, { startsAt, endsAt, start: mono + (startsAt - now), end: mono + (endsAt - now) });
  }

  forget(id: string): void {
    this.anchors.delete(id);
  }

  state(id: string): ScheduleState {
    const anchor = this.anchors.get(id);
    if (!anchor) return 'ended';
    const mono = monotonicNow(this.clock);
    if (mono >= anchor.end) return 'ended';
    return mono >= anchor.start ? 'active' : 'scheduled';
  }
}
