/** One-shot timers as a capability: tests pass tests/support/fake-time.ts, which has the same `after`. */
export interface Timers {
  /** Runs `task` once after `ms`; the answer cancels it. */
  after(ms: number, task: () => void): () => void;
}

/**
 * Node's timers run on the monotonic clock (libuv's uv_now), so a wait of 30 s lasts 30 s whatever the wall
 * clock does meanwhile. Unref'd: a retry waiting is no reason to keep a stopping process alive.
 */
export const systemTimers: Timers = {
  after(ms, task) {
    const handle = setTimeout(task, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
