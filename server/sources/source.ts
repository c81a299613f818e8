import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { SavedCursor } from '../store/cursor-store';

/** Where sources deliver what they observe. Events of one call are applied together, in order. */
export interface SourceSink {
  events(sourceId: string, events: readonly TicketEvent[]): void;
  reading(sourceId: string, queueId: string, reading: QueueReadingInput): void;
  /**
   * Whether the source can reach what it reads from. While a source is down its queues are shown stale
   * with the reason (e.g. "Zendesk answered 503 three times"); `up` clears it. Reports are idempotent.
   */
  status(sourceId: string, status: SourceStatus): void;
  /**
   * A source that replays the past when it starts (the demo's 24 h) says how far it has got, so the minute
   * history holds the replayed minutes too and a screen has a sparkline and a trend from its first second.
   */
  replayedUntil?(sourceId: string, at: number): void;
  /** A connector's cursor as the store holds it (server/store/cursor-store.ts); null when none was saved or nothing is stored. */
  savedCursor?(sourceId: string, name: string): SavedCursor | null;
  /**
   * Keeps a connector's cursor in the store once the events sent before it are logged: in order with them, so a
   * cursor never runs ahead of what was stored, and a restart or a takeover resumes there. `savedAt` is on
   * the connector's clock (real time, whatever --speed does), as its age is judged against it.
   */
  saveCursor?(sourceId: string, name: string, value: string, savedAt: number): void;
  /**
   * A ticket the engine holds open, as the store gave it at start (and the events since): a connector resumed from
   * its cursor knows no ticket of the last run, and asks here what that run made of one (null: not open, or unknown).
   */
  openTicket?(ticketId: string): OpenTicketView | null;
}

/** What the engine holds of an open ticket (server/metrics/metric-engine.ts). */
export interface OpenTicketView {
  queueId: string;
  /** When its current life began: created, or reopened. */
  openedAt: number;
  firstReplied: boolean;
}

export type SourceStatus =
  | { readonly state: 'up'; readonly queueIds: readonly string[] }
  | { readonly state: 'down'; readonly queueIds: readonly string[]; readonly reason: string }
  /** The helpdesk asked to wait (429 Retry-After) until `retryAt` (epoch ms): the queues keep older data, shown stale with the reason. */
  | { readonly state: 'rate-limited'; readonly queueIds: readonly string[]; readonly reason: string; readonly retryAt: number };

/**
 * What every source implements: the demo, HTTP push, and the helpdesk connectors. A source pushes
 * ticket events and/or queue readings into the sink it is started with until it is stopped.
 */
export interface Source {
  readonly id: string;
  /**
   * Whether its input must survive a restart. Pushed and polled input is written to the event log before
   * it counts; the demo regenerates its own and is not logged.
   */
  readonly durable: boolean;
  /**
   * How often, in normal operation, it reports on each of its queues (the demo's tick, a connector's poll
   * interval). A queue whose latest data is older than three times this is shown stale.
   */
  readonly expectedIntervalMs: number;
  /** The queues it reports on. */
  readonly queueIds: readonly string[];
  /** Items from upstream it could not use (malformed, wrong types), counted for /metrics; absent if it cannot tell. */
  readonly skippedItems?: number;
  start(sink: SourceSink): void;
  stop(): void;
}
