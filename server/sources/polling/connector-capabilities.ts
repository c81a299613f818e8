import type { Clock, Scheduler } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import type { FetchLike } from '../http/polite-client';

/** What a helpdesk connector is given to work with; tests pass fakes for time and a loopback server for HTTP. */
export interface ConnectorCapabilities {
  fetch: FetchLike;
  clock: Clock;
  scheduler: Scheduler;
  /** Waits for rate budgets and Retry-After; resolves early once the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1): jitter. */
  random: () => number;
  logger: Logger;
  env: Readonly<Record<string, string | undefined>>;
}

export const systemSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
