import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { Logger } from '../runtime/logger';

export interface RestoreOptions {
  log: {
    checkpoint(): { takenAt: number; state: string } | null;
    replay(): Iterable<{ event: TicketEvent }>;
    replayReadings(): Iterable<{ queueId: string; reading: QueueReadingInput }>;
  };
  /** Where the replayed input goes: the same path as live input, minus the log it came from. */
  pipeline: {
    restore(state: string): { ok: true } | { ok: false; problem: string };
    replay(entries: Iterable<{ event: TicketEvent }>): number;
    applyReading(queueId: string, reading: QueueReadingInput): void;
  };
  alerts: { restore(): number };
  logger: Logger;
}

/**
 * After a restart: the queues rebuilt from the log's checkpoint and the tail of input since it, and the
 * alerts left open, before anything new arrives. A checkpoint that cannot be read is refused, named in
 * the log with its reason, and the tail is replayed without it: the figures it held are missing until
 * the windows refill (at most the longest window), which beats a gateway that does not start.
 */
export function restoreState({ log, pipeline, alerts, logger }: RestoreOptions): void {
  const started = performance.now();
  const checkpoint = log.checkpoint();
  const restored = checkpoint ? pipeline.restore(checkpoint.state) : null;
  if (checkpoint && restored && !restored.ok) {
    logger.error('the event log checkpoint was refused: replaying only the input after it; the windows refill from live input', {
      checkpointAt: new Date(checkpoint.takenAt).toISOString(),
      problem: restored.problem,
    });
  }
  const replayed = pipeline.replay(log.replay());
  let readings = 0;
  for (const { queueId, reading } of log.replayReadings()) {
    pipeline.applyReading(queueId, reading);
    readings++;
  }
  logger.info('rebuilt queue state from the event log', {
    checkpointAt: restored?.ok && checkpoint ? new Date(checkpoint.takenAt).toISOString() : null,
    events: replayed,
    readings,
    ms: Math.round(performance.now() - started),
    openAlerts: alerts.restore(),
  });
}
