/** Time and timers as capabilities, so tests drive them with fakes instead of waiting. */
export interface Clock {
  /** Wall time, epoch ms: for timestamps people see and the store keeps. It can step (NTP, an operator). */
  now(): number;
  /**
   * Milliseconds on a clock that never steps (performance.now): only differences mean anything. Durations
   * (pending, recovery, staleness, snoozes) are measured on it, so a wall-clock step changes none of them.
   * A clock without one (a fixed test clock) measures durations on its wall time.
   */
  monotonic?(): number;
}

export interface Scheduler {
  /** Calls `task` every `ms` milliseconds until the returned function is called. */
  every(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

/** The clock's monotonic reading, or its wall time when it has none. */
export function monotonicNow(clock: Clock): number {
  return clock.monotonic ? clock.monotonic() : clock.now();
}

export const systemScheduler: Scheduler = {
  every(ms, task) {
    const handle = setInterval(task, ms);
    return () => clearInterval(handle);
  },
};

/**
 * A clock that runs `speed` times faster than `base` from the moment it is made: demos and soak tests
 * cover a day in minutes. Everything time-based in the gateway reads this one clock, so windows, ages and
 * history stay consistent with the simulated traffic.
 */
export function acceleratedClock(base: Clock, speed: number): Clock {
  if (!(speed >= 1 && speed <= 10_000)) throw new Error(`speed must be from 1 to 10000 (got ${speed})`);
  if (speed === 1) return base;
  const origin = base.now();
  const monotonicOrigin = monotonicNow(base);
  return {
    now: () => origin + (base.now() - origin) * speed,
    monotonic: () => monotonicOrigin + (monotonicNow(base) - monotonicOrigin) * speed,
  };
}
