import { monotonicNow, type Clock, type Scheduler } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import { describeFailure, HttpFailureError, isCredentialFailure } from '../http/http-failure';
import { redact } from '../http/redact';
import type { Source, SourceSink } from '../source';
import type { SkipCounter } from './valid-items';

export interface PolledSourceOptions {
  id: string;
  /** The helpdesk's name in reasons: "Zendesk". */
  label: string;
  queueIds: readonly string[];
  pollMs: number;
  clock: Clock;
  scheduler: Scheduler;
  random: () => number;
  logger: Logger;
  secrets: readonly string[];
  /**
   * One round of requests; reports through the sink and throws (an HttpFailureError, usually) on failure.
   * The signal aborts when the source is stopped: pass it to every request.
   */
  poll: (sink: SourceSink, signal: AbortSignal) => Promise<void>;
  /** Called at each start, before the first poll: the connector picks up its cursors from the store (connector-cursors.ts). */
  resume?: (sink: SourceSink) => void;
  /** Failed polls in a row before the queues are reported down (credential failures: at once). */
  failuresBeforeDown?: number;
  /** Where the connector counts items it received but skipped as invalid. */
  skipped?: SkipCounter;
  /** Longest pause between polls while failing. */
  maxBackoffMs?: number;
}

export interface PolledSource extends Source {
  /** Runs one poll now (the scheduler also calls it); resolves when it has finished, never rejects. */
  pollNow(): Promise<void>;
  /** Resolves once no poll is in flight (tests await it after moving fake time). */
  settled(): Promise<void>;
  /** Failed polls in a row so far. */
  readonly failuresInARow: number;
  /** Items the helpdesk sent that failed validation and were skipped. */
  readonly skippedItems: number;
}

const TIMES = ['never', 'once', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times'];

/**
 * A Source that polls a helpdesk: one poll at start and one per interval, never two at once. While polls
 * fail it backs off (doubling, with jitter, up to maxBackoffMs, or until the time a 429 asked for), and after
 * a few failures in a row it reports its queues down with a reason a person can read; the first good poll
 * reports them up again.
 */
export function createPolledSource(options: PolledSourceOptions): PolledSource {
  const { id, label, clock, logger } = options;
  const failuresBeforeDown = options.failuresBeforeDown ?? 3;
  const maxBackoffMs = Math.max(options.pollMs, options.maxBackoffMs ?? 300_000);
  let sink: SourceSink | null = null;
  let cancel: (() => void) | null = null;
  let inFlight: Promise<void> | null = null;
  /** On the monotonic clock: a wall clock stepped back an hour must not silence the helpdesk for an hour. */
  let resumeAt = 0;
  /** Failed polls in a row, the latest failure, and whether they all failed the same way (bounded while down for days). */
  let failures = { count: 0, last: '', allSame: true };
  let downReason: string | null = null;
  /** Counts start() and stop(): a poll from an earlier run reports nothing. */
  let runs = 0;
  let stopping = new AbortController();

  const report = (status: Parameters<SourceSink['status']>[1]) => sink?.status(id, status);

  const succeeded = () => {
    failures = { count: 0, last: '', allSame: true };
    resumeAt = 0;
    if (downReason !== null) {
      downReason = null;
      logger.info(`${label} answers again`, { sourceId: id });
      report({ state: 'up', queueIds: options.queueIds });
    }
  };

  const failed = (run: number) => (error: unknown) => {
    if (run !== runs) return;
    const failure = error instanceof HttpFailureError ? error.failure : null;
    const description = redact(failure ? describeFailure(failure) : `failed: ${(error as Error)?.message ?? String(error)}`, options.secrets);
    failures = { count: failures.count + 1, last: description, allSame: failures.count === 0 || (failures.allSame && failures.last === description) };
    const now = monotonicNow(clock);
    // A 429's retryAt is wall time (the helpdesk's Retry-After): counted as the wait it asks for from now.
    const asked = failure?.kind === 'rate-limited' ? failure.retryAt - clock.now() : 0;
    // Polls run on the interval's ticks: the first failure waits for the next tick, later ones skip ticks.
    // Half an interval of slack makes the wait land on the intended tick, not the one after.
    const backoff = Math.min(maxBackoffMs, options.pollMs * 2 ** Math.min(failures.count - 1, 20)) * (1 + 0.2 * options.random()) - options.pollMs / 2;
    resumeAt = now + Math.max(backoff, asked);
    logger.warn(`${label} poll failed`, { sourceId: id, reason: description, failuresInARow: failures.count, retryInMs: Math.round(resumeAt - now) });
    if (failures.count >= failuresBeforeDown || (failure && isCredentialFailure(failure))) {
      const reason = reasonFor(label, failures);
      if (reason !== downReason) {
        downReason = reason;
        report({ state: 'down', queueIds: options.queueIds, reason });
      }
    }
  };

  const pollNow = (): Promise<void> => {
    if (inFlight) return inFlight;
    const current = sink;
    if (!current) return Promise.resolve();
    inFlight = options
      .poll(current, stopping.signal)
      .then(succeeded, failed(runs))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    id,
    durable: true,
    expectedIntervalMs: options.pollMs,
    queueIds: options.queueIds,
    start(target) {
      if (sink) throw new Error(`The ${label} source "${id}" is already running.`);
      const run = ++runs;
      stopping = new AbortController();
      sink = guardedSink(target, () => runs === run);
      options.resume?.(sink);
      cancel = options.scheduler.every(options.pollMs, () => {
        if (monotonicNow(clock) >= resumeAt) void pollNow();
      });
      void pollNow();
    },
    stop() {
      cancel?.();
      cancel = null;
      sink = null;
      runs++;
      stopping.abort();
    },
    pollNow,
    settled: () => inFlight ?? Promise.resolve(),
    get failuresInARow() {
      return failures.count;
    },
    get skippedItems() {
      return options.skipped?.skipped ?? 0;
    },
  };
}

/** "Zendesk answered 503 three times in a row", or the latest of mixed failures. */
export function reasonFor(label: string, failures: { count: number; last: string; allSame: boolean }): string {
  if (failures.count <= 1) return `${label} ${failures.last}`;
  const times = TIMES[failures.count] ?? `${failures.count} times`;
  if (failures.allSame) return `${label} ${failures.last} ${times} in a row`;
  return `${label} failed ${times} in a row; last it ${failures.last}`;
}

/** A sink that goes quiet once the source is stopped, so a poll still in flight reports nothing after stop(). */
function guardedSink(target: SourceSink, live: () => boolean): SourceSink {
  return {
    events: (sourceId, events) => live() && target.events(sourceId, events),
    reading: (sourceId, queueId, reading) => live() && target.reading(sourceId, queueId, reading),
    status: (sourceId, status) => live() && target.status(sourceId, status),
    savedCursor: (sourceId, name) => target.savedCursor?.(sourceId, name) ?? null,
    openTicket: (ticketId) => target.openTicket?.(ticketId) ?? null,
    // A stopped source's poll may still finish: its cursor is not saved, as its events were not sent.
    saveCursor: (sourceId, name, value, savedAt) => live() && target.saveCursor?.(sourceId, name, value, savedAt),
  };
}
