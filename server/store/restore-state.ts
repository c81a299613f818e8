import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { Logger } from '../runtime/logger';

export interface RestoreOptions {
  log: {
    replay(): Iterable<{ event: TicketEvent }>;
    replayReadings(): Iterable<{ queueId: string; reading: QueueReadingInput }>;
  };
  /** Where the replayed input goes: the same path as live input, minus the log it came from. */
  pipeline: { replay(entries: Iterable<{ event: TicketEvent }>): number; applyReading(queueId: string, reading: QueueReadingInput): void };
  alerts: { restore(): number };
  logger: Logger;
}

/** After a restart: the queues rebuilt from the event log and the alerts left open, before anything new arrives. */
export function restoreState({ log, pipeline, alerts, logger }: RestoreOptions): void {
  const replayed = pipeline.replay(log.replay());
  for (const { queueId, reading } of log.replayReadings()) pipeline.applyReading(queueId, reading);
  logger.info('rebuilt queue state from the event log', { events: replayed, openAlerts: alerts.restore() });
}
