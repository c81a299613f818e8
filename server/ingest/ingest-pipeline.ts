import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { EngineSnapshot, MetricEngine } from '../metrics';
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
  /**
   * The engine the log's checkpoints are taken from: it must hold exactly the durable input. The live
   * engine itself when every source is durable; otherwise a second engine fed only durable input (the
   * demo's events are not logged, so they must not enter a checkpoint either).
   */
  durableEngine?: MetricEngine;
  /** Input from durable sources is committed here before the engine counts it; null keeps nothing. */
  log: DurableLog | null;
  isDurable: (sourceId: string) => boolean;
  /** Counts events the engine could not place, by reason (unknown-ticket, unknown-queue, stale-event). */
  dropped: Counter;
  /** Called with each queue whose input changed, and when. */
  touched: (queueId: string, at: number) => void;
  /** Called with the number of logged events and readings once the engines have applied them. */
  logged?: (count: number) => void;
  /** Called when a source reports that it can or cannot reach its upstream. */
  sourceStatus: (sourceId: string, status: SourceStatus) => void;
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

  ingestEvents(sourceId: string, events: readonly TicketEvent[]): { accepted: number; duplicates: number } {
    const { accepted, duplicates } =
      this.options.log && this.options.isDurable(sourceId)
        ? this.options.log.appendBatch(sourceId, events)
        : { accepted: events, duplicates: 0 };
    const durable = this.options.log !== null && this.options.isDurable(sourceId);
    for (const event of accepted) this.applyEvent(event, durable);
    if (durable && accepted.length > 0) this.options.logged?.(accepted.length);
    return { accepted: accepted.length, duplicates };
  }

  ingestReading(sourceId: string, queueId: string, reading: QueueReadingInput): { accepted: boolean; duplicate: boolean } {
    if (this.options.log && this.options.isDurable(sourceId)) {
      const { accepted } = this.options.log.appendReading(sourceId, queueId, reading);
      if (!accepted) return { accepted: false, duplicate: true };
    }
    const durable = this.options.log !== null && this.options.isDurable(sourceId);
    this.applyReading(queueId, reading, durable);
    if (durable) this.options.logged?.(1);
    return { accepted: true, duplicate: false };
  }

  /** After a restart: the engines start from the log's checkpoint (JSON of EngineSnapshot), before its tail. */
  restore(state: string): void {
    let snapshot: EngineSnapshot;
    try {
      snapshot = JSON.parse(state) as EngineSnapshot;
    } catch (error) {
      throw new Error(`The engine checkpoint in the store is not valid JSON (${(error as Error).message}); restore a backup of the store.`);
    }
    if (snapshot.version !== 1) throw new Error(`The engine checkpoint in the store has version ${String(snapshot.version)}; this gateway reads version 1.`);
    this.options.engine.restore(snapshot);
    if (this.separateDurableEngine) this.options.durableEngine!.restore(snapshot);
    for (const queueId of Object.keys(snapshot.queues)) {
      const at = this.options.engine.lastInputAt(queueId);
      if (at !== null) this.options.touched(queueId, at);
    }
  }

  /** Rebuilds the engines from the log's tail after a restart, without logging again. */
  replay(entries: Iterable<{ event: TicketEvent }>): number {
    let count = 0;
    for (const { event } of entries) {
      this.applyEvent(event, true);
      count++;
    }
    return count;
  }

  applyReading(queueId: string, reading: QueueReadingInput, durable = true): void {
    const outcome = this.options.engine.applyReading(queueId, reading);
    if (durable && this.separateDurableEngine) this.options.durableEngine!.applyReading(queueId, reading);
    if (outcome.applied) this.options.touched(queueId, reading.at);
    else this.options.dropped.inc({ reason: outcome.reason });
  }

  private get separateDurableEngine(): boolean {
    return this.options.durableEngine !== undefined && this.options.durableEngine !== this.options.engine;
  }

  private applyEvent(event: TicketEvent, durable: boolean): void {
    if (durable && this.separateDurableEngine) this.options.durableEngine!.applyEvent(event);
    const outcome = this.options.engine.applyEvent(event);
    if (!outcome.applied) {
      this.options.dropped.inc({ reason: outcome.reason });
      return;
    }
    for (const queueId of outcome.queueIds) this.options.touched(queueId, event.at);
  }
}
