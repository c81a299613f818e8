/** Time for desk services: injected, so tests run hours of quiet hours and pauses in milliseconds. */
export interface DeskClock {
  now(): number;
  /** Runs `task` once after `ms`; the answer cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const systemClock: DeskClock = {
  now: () => Date.now(),
  after: (ms, task) => {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};

/** Minutes since local midnight in the machine's time zone, which is what quiet hours mean. */
export function localMinuteOfDay(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getHours() * 60 + date.getMinutes();
}
