import type { GatewayConfig } from './config-schema';

/** What the limits need to know of each source the gateway starts in process. */
export interface SourceRhythm {
  readonly queueIds: readonly string[];
  /** How often the source reports, in real milliseconds. */
  readonly expectedIntervalMs: number;
}

/**
 * How old each queue's data may get before it is stale, fixed once when the gateway is built from its
 * configuration and sources (never on the evaluation beat). In order of precedence: the queue's own
 * `staleAfterSeconds`; the staleness factor times how often the source feeding it in process reports (in
 * clock time, so a demo at --speed=30 is judged by its simulated rhythm); for a push queue, the factor
 * times `ingest.expectedIntervalSeconds`. A queue with none of these has no limit.
 */
export function resolveStaleLimits(
  config: Pick<GatewayConfig, 'queues' | 'health' | 'ingest'>,
  sources: readonly SourceRhythm[],
  clockSpeed: number,
): ReadonlyMap<string, number> {
  const limits = new Map<string, number>();
  const factor = config.health.stalenessFactor;
  for (const queue of config.queues) {
    if (queue.source.kind === 'push') limits.set(queue.id, factor * config.ingest.expectedIntervalSeconds * 1000);
  }
  for (const source of sources) {
    for (const queueId of source.queueIds) limits.set(queueId, factor * source.expectedIntervalMs * clockSpeed);
  }
  for (const queue of config.queues) {
    if (queue.staleAfterSeconds !== undefined) limits.set(queue.id, queue.staleAfterSeconds * 1000);
  }
  return limits;
}
