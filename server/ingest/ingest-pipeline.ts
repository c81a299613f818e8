import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { MetricEngine } from '../metrics';
import { decodeCheckpoint, encodeCheckpoint, encodeCheckpointInSlices } from '../metrics/engine-snapshot';
import type { Counter } from '../runtime/prometheus';
import type { OpenTicketView, SourceSink, SourceStatus } from '../sources/source';
import type { SavedCursor } from '../store/cursor-store';
import { COMMIT_WAIT_MS, type RecordGate } from '../store/pg/commit-wait';
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
  /** Counts events the engine could not place, by reason (unknown-ticket, unknown-queue). */
  dropped: Counter;
  /** Called with each queue whose input changed, and when. */
  touched: (queueId: string, at: number) => void;
  /** Called with the number of logged events and readings once the engines have applied them. */
  logged?: (count: number) => void;
  /** Called when a source reports that it can or cannot reach its upstream. */
  sourceStatus: (sourceId: string, status: SourceStatus) => void;
  /** Called as a source replays the past at its start, with how far it has got. */
  replayedUntil?: (at: number) => void;
  /** Connectors' cursors (the store's connector_cursors); without it a connector starts from its backfill window each time. */
  cursors?: { read(sourceId: string, name: string): SavedCursor | null; save(sourceId: string, name: string, value: string, savedAt: number): void } | null;
  /** Where the log is the record when it is not this process's SQLite (PostgreSQL, server/store/pg/): answer after its commit. */
  record?: RecordGate;
}

/**
 * Every source's input takes this one path: the durable log first (idempotent on event ids, so a retried
 * batch counts once), then the metric engine. What is committed is what survives a restart.
 */
export class IngestPipeline implements SourceSink, IngestSink {
  /** Per queue, the latest time of logged input applied: it goes into the checkpoint. */
  private readonly durableInputAt = new Map<string, number>();
  /** While a checkpoint is taken in slices: durable input from sources waits here, HTTP input awaits `opened`. */
  private held: { opened: Promise<void>; open: () => void; waiting: Array<() => void> } | null = null;

  constructor(private readonly options: IngestPipelineOptions) {}

  events(sourceId: string, events: readonly TicketEvent[]): void {
    if (this.held && this.logs(sourceId)) this.held.waiting.push(() => this.ingestEvents(sourceId, events));
    else this.ingestEvents(sourceId, events);
  }

  reading(sourceId: string, queueId: string, reading: QueueReadingInput): void {
    if (this.held && this.logs(sourceId)) this.held.waiting.push(() => this.ingestReading(sourceId, queueId, reading));
    else this.ingestReading(sourceId, queueId, reading);
  }

  savedCursor(sourceId: string, name: string): SavedCursor | null {
    return this.options.cursors?.read(sourceId, name) ?? null;
  }

  /** From the engine that holds exactly the durable input: what the store and the events logged since make of the ticket. */
  openTicket(ticketId: string): OpenTicketView | null {
    return (this.options.durableEngine ?? this.options.engine).openTicket(ticketId);
  }

  /** Saved after the events sent before it: while they wait behind a checkpoint, it waits behind them. */
  saveCursor(sourceId: string, name: string, value: string, savedAt: number): void {
    const cursors = this.options.cursors;
    if (!cursors) return;
    if (this.held && this.logs(sourceId)) this.held.waiting.push(() => cursors.save(sourceId, name, value, savedAt));
    else cursors.save(sourceId, name, value, savedAt);
  }

  /** Set while the log's record (PostgreSQL) cannot be reached: input is refused rather than applied unrecorded. */
  unavailable(): { message: string; retryAfter: number } | null {
    return this.options.record?.unavailable() ?? null;
  }

  /** Resolves once the input logged so far is committed in the record (at once without one); rejects when it cannot be. */
  committed(): Promise<void> {
    return this.options.record?.committed(COMMIT_WAIT_MS) ?? Promise.resolve();
  }

  /** Null while input is applied at once; while held, resolves when it may be applied again. */
  whenOpen(): Promise<void> | null {
    return this.held?.opened ?? null;
  }

  /**
   * Holds durable input back (sources' input queues, HTTP requests wait) so the durable engine keeps the
   * state of the log while a checkpoint is taken a slice at a time; the returned function lets it in again,
   * sources' input first, in arrival order. Input that is not logged (the demo) flows on.
   */
  hold(): () => void {
    if (this.held) throw new Error('durable input is already held');
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const held = { opened, open, waiting: [] as Array<() => void> };
    this.held = held;
    return () => {
      if (this.held !== held) return;
      this.held = null;
      for (const apply of held.waiting) apply();
      held.open();
    };
  }

  /** `checkpointState` a queue at a time (server/metrics/engine-snapshot.ts); hold input until it returns. */
  checkpointSlices(now: number): Generator<void, string> {
    const engine = this.options.durableEngine ?? this.options.engine;
    engine.prune(now);
    return encodeCheckpointInSlices(engine, () => this.durableInputAt);
  }

  /** A caller that did not wait for `whenOpen` would change the state a checkpoint is being taken of. */
  private refuseWhileHeld(sourceId: string): void {
    if (this.held && this.logs(sourceId)) throw new Error('durable input arrived while a checkpoint is taken: wait for whenOpen()');
  }

  private logs(sourceId: string): boolean {
    return this.options.log !== null && this.options.isDurable(sourceId);
  }

  status(sourceId: string, status: SourceStatus): void {
    this.options.sourceStatus(sourceId, status);
  }

  replayedUntil(_sourceId: string, at: number): void {
    this.options.replayedUntil?.(at);
  }

  ingestEvents(sourceId: string, events: readonly TicketEvent[]): { accepted: number; duplicates: number } {
    this.refuseWhileHeld(sourceId);
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
    this.refuseWhileHeld(sourceId);
    if (this.options.log && this.options.isDurable(sourceId)) {
      const { accepted } = this.options.log.appendReading(sourceId, queueId, reading);
      if (!accepted) return { accepted: false, duplicate: true };
    }
    const durable = this.options.log !== null && this.options.isDurable(sourceId);
    this.applyReading(queueId, reading, durable);
    if (durable) this.options.logged?.(1);
    return { accepted: true, duplicate: false };
  }

  /**
   * The durable engine's state pruned to `now`, as the event log's checkpoint (JSON): it holds exactly
   * the logged input applied so far, so the log may delete that input in the same commit.
   */
  checkpointState(now: number): string {
    const engine = this.options.durableEngine ?? this.options.engine;
    engine.prune(now);
    return encodeCheckpoint(engine.snapshot(), this.durableInputAt);
  }

  /**
   * After a restart, before the log's tail: the engines start from its checkpoint. A checkpoint this
   * gateway cannot read (another version, damaged) is refused with the reason and nothing of it is used:
   * the tail alone is replayed, and the windows refill from live input.
   */
  restore(state: string): { ok: true } | { ok: false; problem: string } {
    const decoded = decodeCheckpoint(state);
    if (!decoded.ok) return decoded;
    const { engine, lastInputAt } = decoded.checkpoint;
    this.options.engine.restore(engine);
    if (this.separateDurableEngine) this.options.durableEngine!.restore(engine);
    for (const [queueId, at] of Object.entries(lastInputAt)) this.touch(queueId, at, true);
    return { ok: true };
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
    if (outcome.applied) this.touch(queueId, reading.at, durable);
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
    for (const queueId of outcome.queueIds) this.touch(queueId, event.at, durable);
  }

  private touch(queueId: string, at: number, durable: boolean): void {
    if (durable) {
      const previous = this.durableInputAt.get(queueId);
      if (previous === undefined || at > previous) this.durableInputAt.set(queueId, at);
    }
    this.options.touched(queueId, at);
  }
}
