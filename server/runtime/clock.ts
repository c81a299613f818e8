/** Time and timers as capabilities, so tests drive them with fakes instead of waiting. */
export interface Clock {
  now(): number;
}

export interface Scheduler {
  /** Calls `task` every `ms` milliseconds until the returned function is called. */
  every(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

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
  return { now: () => origin + (base.now() - origin) * speed };
}
