import type { Scheduler } from '../../server/runtime/clock';
import type { Source, SourceSink } from '../../server/sources/source';

export interface PollingSourceOptions {
  id: string;
  queueId: string;
  /** The helpdesk's count endpoint: answers {"backlog": n}. */
  url: string;
  scheduler: Scheduler;
  now: () => number;
  intervalMs: number;
  /** A helpdesk that does not answer within this is down (real milliseconds). */
  timeoutMs: number;
  /** Consecutive 5xx answers before the source says it is down. */
  failuresBeforeDown: number;
}

/**
 * A small helpdesk connector for fault tests, shaped like the real ones will be (server/sources/source.ts):
 * it polls a count endpoint, reports readings, and reports itself down with a reason a person can act on
 * when the helpdesk hangs, fails or rate-limits, and up again when it answers.
 */
export function createPollingSource(options: PollingSourceOptions): Source & { idle(): Promise<void> } {
  let stopTimer: (() => void) | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let failures = 0;
  let down = false;
  let retryAfter = 0;

  const poll = async (sink: SourceSink) => {
    if (options.now() < retryAfter) return;
    const markDown = (reason: string) => {
      down = true;
      sink.status(options.id, { state: 'down', queueIds: [options.queueId], reason });
    };
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs) });
      if (response.status === 429) {
        const wait = Number(response.headers.get('retry-after') ?? 60);
        retryAfter = options.now() + wait * 1000;
        await response.body?.cancel();
        return markDown(`The helpdesk is rate-limiting Queueboard (429): next poll in ${wait} s`);
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        failures += 1;
        if (failures >= options.failuresBeforeDown) markDown(`The helpdesk answered ${response.status} ${failures} times in a row`);
        return;
      }
      const { backlog } = (await response.json()) as { backlog: number };
      failures = 0;
      if (down) {
        down = false;
        sink.status(options.id, { state: 'up', queueIds: [options.queueId] });
      }
      sink.reading(options.id, options.queueId, { at: options.now(), backlog });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      markDown(timedOut ? `The helpdesk did not answer within ${options.timeoutMs} ms` : `Cannot reach the helpdesk (${(error as Error).message})`);
    }
  };

  return {
    id: options.id,
    durable: true,
    expectedIntervalMs: options.intervalMs,
    queueIds: [options.queueId],
    start(sink) {
      stopTimer = options.scheduler.every(options.intervalMs, () => {
        inFlight = inFlight.then(() => poll(sink));
      });
    },
    stop() {
      stopTimer?.();
    },
    idle: () => inFlight,
  };
}
