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
