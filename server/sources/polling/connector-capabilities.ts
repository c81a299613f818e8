import type { Clock, Scheduler } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import type { FetchLike } from '../http/polite-client';

/** What a helpdesk connector is given to work with; tests pass fakes for time and a loopback server for HTTP. */
export interface ConnectorCapabilities {
  fetch: FetchLike;
  clock: Clock;
  scheduler: Scheduler;
  /** Waits for rate budgets and Retry-After. */
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): jitter. */
  random: () => number;
  logger: Logger;
  env: Readonly<Record<string, string | undefined>>;
}

export const systemSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
