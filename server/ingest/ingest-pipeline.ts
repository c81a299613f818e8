import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { MetricEngine } from '../metrics';
import type { Counter } from '../runtime/prometheus';
import type { SourceSink, SourceStatus } from '../sources/source';
import type { IngestSink } from './ingest-api';

/** The part of the event log the pipeline needs (server/store). */
export interface DurableLog {
  appendBatch(sourceId: string, events: readonly TicketEvent[]): { accepted: TicketEvent[]; duplicates: number };
  appendReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean };
}

export interface IngestPipelineOptions {
  engine: MetricEngine;
  /** Input from durable sources is committed here before the engine counts it; null keeps nothing. */
  log: DurableLog | null;
  isDurable: (sourceId: string) => boolean;
  /** Counts events the engine could not place, by reason (unknown-ticket, unknown-queue, stale-event). */
  dropped: Counter;
  /** Called with each queue whose input changed, and when. */
  touched: (queueId: string, at: number) => void;
  /** Called when a source reports that it can or cannot reach its upstream. */
  sourceStatus: (sourceId: string, status: SourceStatus) => void;
  /** Called as a source replays the past at its start, with how far it has got. */
  replayedUntil?: (at: number) => void;
}

/**
 * Every source's input takes this one path: the durable log first (idempotent on event ids, so a retried
 * batch counts once), then the metric engine. What is committed is what survives a restart.
 */
export class IngestPipeline implements SourceSink, IngestSink {
  constructor(private readonly options: IngestPipelineOptions) {}

  events(sourceId: string, events: readonly TicketEvent[]): void {
    this.ingestEvents(sourceId, events);
  }

  reading(sourceId: string, queueId: string, reading: QueueReadingInput): void {
    this.ingestReading(sourceId, queueId, reading);
  }

  status(sourceId: string, status: SourceStatus): void {
    this.options.sourceStatus(sourceId, status);
  }

  replayedUntil(_sourceId: string, at: number): void {
    this.options.replayedUntil?.(at);
  }

  ingestEvents(sourceId: string, events: readonly TicketEvent[]): { accepted: number; duplicates: number } {
    const { accepted, duplicates } =
      this.options.log && this.options.isDurable(sourceId)
        ? this.options.log.appendBatch(sourceId, events)
        : { accepted: events, duplicates: 0 };
    for (const event of accepted) this.applyEvent(event);
    return { accepted: accepted.length, duplicates };
  }

  ingestReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean; duplicate: boolean } {
    if (this.options.log && this.options.isDurable(sourceId)) {
      const { accepted } = this.options.log.appendReading(sourceId, queueId, reading);
      if (!accepted) return { accepted: false, duplicate: true };
    }
    this.applyReading(queueId, reading);
    return { accepted: true, duplicate: false };
  }

  /** Rebuilds the engine from the log after a restart, without logging again. */
  replay(entries: Iterable<{ event: TicketEvent }>): number {
    let count = 0;
    for (const { event } of entries) {
      this.applyEvent(event);
      count++;
    }
    return count;
  }

  applyReading(queueId: string, reading: QueueReadingInput): void {
    const outcome = this.options.engine.applyReading(queueId, reading);
    if (outcome.applied) this.options.touched(queueId, reading.at);
    else this.options.dropped.inc({ reason: outcome.reason });
  }

  private applyEvent(event: TicketEvent): void {
    const outcome = this.options.engine.applyEvent(event);
    if (!outcome.applied) {
      this.options.dropped.inc({ reason: outcome.reason });
      return;
    }
    for (const queueId of outcome.queueIds) this.options.touched(queueId, event.at);
  }
}
