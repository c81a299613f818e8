/**
 * Queue truth from ticket events and readings, over rolling windows by event time.
 *
 * Semantics (the README quotes these):
 * - `created` opens a ticket in its queue (inflow there), waiting for a first reply since `at`.
 *   `queued` moves an open ticket to another queue (outflow from the old, inflow to the new); for a
 *   ticket never seen it opens it, as some helpdesks emit only that. `reopened` opens a solved ticket
 *   again (inflow), waiting since `at`; its replies are not first replies, and its next resolution is
 *   measured from the reopening.
 * - `first-reply`: the first one per ticket gives a first-response sample (reply − created, seconds) in
 *   the ticket's queue, within the target or not (SLA). Any reply ends the wait.
 * - `solved`: a resolution sample (solved − created, or − reopened), outflow, and the ticket leaves.
 * - first-reply or solved for a ticket never seen: refused as `unknown-ticket` (the caller counts it).
 * - backlog: the latest reading's backlog once a queue has had one (sources that count rather than
 *   stream tickets); otherwise its open tickets. Oldest waiting: the latest reading's value, aged since
 *   that reading, if it has one; otherwise the longest-waiting open ticket without a reply since it was
 *   created or reopened. Agents online: readings only.
 * - SLA breached: the latest reading's count once a queue has had one (the helpdesk knows its SLA
 *   policies); otherwise the open tickets still without a first reply longer than the queue's
 *   first-response target since they were created (a reopened ticket had its first reply).
 * - Percentiles are nearest-rank (the ceil(q·n)-th smallest); SLA attainment is the share of first
 *   replies in the window within target, in percent; flows are counts in the window scaled to an hour.
 *   A queue may have its own first-response and resolution windows: rolling minutes, or `today` (from
 *   local midnight in its office's time zone); the rest use the engine's windows.
 * - `rated`: one customer rating (satisfied or not) in the named queue, kept over the CSAT window (default
 *   7 days, csat-windows.ts); CSAT is the satisfied share in percent, csatRatings how many it is of.
 * - Memory is bounded: samples leave their window as time moves on, each window holds at most
 *   maxSamplesPerWindow (oldest dropped first), each queue at most maxOpenTicketsPerQueue open tickets
 *   (the longest-open dropped first), the engine at most maxOpenTickets (past it, the queue admitting a
 *   ticket drops its own longest-open while it holds at least its even share of the cap, else the queue
 *   holding the most drops its longest-open). Every drop is counted.
 */
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import {
  DEFAULT_LIMITS,
  DEFAULT_WINDOWS,
  type EngineLimits,
  type EngineMetrics,
  type EventOutcome,
  type MetricWindows,
  type QueueSetup,
} from './engine-types';
import { CsatWindows, DEFAULT_CSAT_WINDOW_MS } from './csat-windows';
import type { EngineSnapshot, QueueSnapshot, TicketsSnapshot } from './engine-snapshot';
import { newTicket, OpenTicketIndex, type OpenTicket as Ticket } from './open-ticket-index';
import { restoreQueue, snapshotQueue } from './queue-snapshot';
import { ShardedMap } from './sharded-map';
import { QueueWindows, round1 } from './queue-windows';

/** Open tickets copied between two yields of `queueSnapshotSlices`: a few milliseconds. */
const TICKETS_PER_SLICE = 5000;

export class MetricEngine {
  private readonly queues = new Map<string, QueueWindows>();
  private readonly tickets = new ShardedMap<Ticket>();
  /** Per queue, its longest wait and overdue count kept as tickets change: a beat does not scan the tickets. */
  private readonly indexes = new Map<string, OpenTicketIndex>();
  private readonly maxOpenTicketsPerQueue: number;
  private readonly maxOpenTickets: number;
  private readonly csat: CsatWindows;

  constructor(options: { queues: readonly QueueSetup[]; windows?: Partial<MetricWindows>; limits?: Partial<EngineLimits> }) {
    const windows = { ...DEFAULT_WINDOWS, ...options.windows };
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.maxOpenTicketsPerQueue = limits.maxOpenTicketsPerQueue;
    this.maxOpenTickets = limits.maxOpenTickets;
    for (const queue of options.queues) {
      const windowsOf = new QueueWindows(queue, windows, limits);
      this.queues.set(queue.id, windowsOf);
      this.indexes.set(queue.id, new OpenTicketIndex(windowsOf.openTickets, (id) => this.tickets.get(id)));
    }
    this.csat = new CsatWindows(this.queues.keys(), windows.csatMs ?? DEFAULT_CSAT_WINDOW_MS, limits.maxSamplesPerWindow);
  }

  applyEvent(event: TicketEvent): EventOutcome {
    if (event.queueId !== undefined && !this.queues.has(event.queueId)) return { applied: false, reason: 'unknown-queue' };
    const ticket = this.tickets.get(event.ticketId);
    switch (event.type) {
      case 'created':
      case 'queued':
      case 'reopened':
        return ticket ? this.move(event, ticket) : this.open(event);
      case 'first-reply':
        return ticket ? this.reply(event, ticket) : { applied: false, reason: 'unknown-ticket' };
      case 'solved':
        return ticket ? this.solve(event, ticket) : { applied: false, reason: 'unknown-ticket' };
      case 'rated':
        // The schema requires queueId and satisfied on a rated event.
        this.csat.rate(event.queueId!, event.at, event.satisfied === true);
        return { applied: true, queueIds: [event.queueId!] };
    }
  }

  /** The queue an open ticket is in now, or null: ingest keys are checked against it for events that name no queue. */
  queueOfTicket(ticketId: string): string | null {
    return this.tickets.get(ticketId)?.queueId ?? null;
  }

  /** An open ticket as held now (its queue, when its current life began, whether it had its first reply), or null: connectors resumed from a saved cursor rebuild their per-ticket memory from it. */
  openTicket(ticketId: string): { queueId: string; openedAt: number; firstReplied: boolean } | null {
    const ticket = this.tickets.get(ticketId);
    return ticket ? { queueId: ticket.queueId, openedAt: ticket.openedAt, firstReplied: ticket.firstReplied } : null;
  }

  applyReading(queueId: string, reading: QueueReadingInput): EventOutcome {
    const queue = this.queues.get(queueId);
    if (!queue) return { applied: false, reason: 'unknown-queue' };
    queue.applyReading(reading);
    return { applied: true, queueIds: [queueId] };
  }

  metricsFor(queueId: string, now: number): EngineMetrics {
    const queue = this.queues.get(queueId);
    if (!queue) throw new Error(`Unknown queue "${queueId}"`);
    queue.prune(now);
    const replies = queue.withinTarget.size;
    const { csat, csatRatings } = this.csat.valuesFor(queueId, now);
    // Every field written out in one literal (no spread): every queue's figures are built each second.
    return {
      backlog: queue.backlogReading ?? queue.openTickets.size,
      oldestWaitingSeconds: this.oldestWaiting(queue, now),
      firstResponseP50: seconds(queue.firstResponse.percentile(0.5)),
      firstResponseP90: seconds(queue.firstResponse.percentile(0.9)),
      resolutionP50: seconds(queue.resolution.percentile(0.5)),
      resolutionP90: seconds(queue.resolution.percentile(0.9)),
      slaAttainment: replies === 0 ? null : round1((queue.withinTarget.sum() / replies) * 100),
      inflowPerHour: queue.perHour(queue.inflow),
      outflowPerHour: queue.perHour(queue.outflow),
      agentsOnline: queue.agentsReading,
      slaBreached: queue.slaBreachedReading ?? this.unansweredPastTarget(queue, now),
      csat,
      csatRatings,
      // Computed by the gateway's loop from these values and the forecast (server/forecast/staffing-planner.ts).
      staffingGap: null,
      slaOutlook: null,
      // The usual is the baseline's (server/forecast/inflow-against-usual.ts), which fills this in for the loop.
      inflowVsUsual: null,
    };
  }

  /** The latest average handle time a reading gave for the queue, in seconds, or null. */
  handleTimeOf(queueId: string): number | null {
    return this.queues.get(queueId)?.handleTimeReading ?? null;
  }

  /**
   * Arrivals and departures stamped in [from, to), as far as the flow window (windows.flowMinutes) still holds
   * them: the quarter-hour history and the volume rule count spans inside it.
   */
  flowCounts(queueId: string, from: number, to: number): { inflow: number; outflow: number } {
    const queue = this.queues.get(queueId);
    if (!queue) throw new Error(`Unknown queue "${queueId}"`);
    return { inflow: queue.inflow.countBetween(from, to), outflow: queue.outflow.countBetween(from, to) };
  }

  /** Lets samples leave their windows at `now`, as reading the metrics does: a checkpoint is taken pruned. */
  prune(now: number): void {
    for (const queue of this.queues.values()) queue.prune(now);
    this.csat.prune(now);
  }

  /** The whole state, for the event log's checkpoint: `restore` of it computes exactly the same figures. */
  snapshot(): EngineSnapshot {
    const queues: EngineSnapshot['queues'] = {};
    for (const id of this.queues.keys()) queues[id] = this.queueSnapshot(id);
    return { queues, csat: this.snapshotCsat() };
  }

  /** The configured queues, in the order `snapshot` lists them. */
  queueIds(): string[] {
    return [...this.queues.keys()];
  }

  /** One queue's part of `snapshot` (a copy). */
  queueSnapshot(id: string): QueueSnapshot {
    const slices = this.queueSnapshotSlices(id);
    let step = slices.next();
    while (!step.done) step = slices.next();
    return step.value;
  }

  /** `queueSnapshot` copied `TICKETS_PER_SLICE` tickets at a time (a flood's queue: 100,000), yielding between. */
  *queueSnapshotSlices(id: string): Generator<void, QueueSnapshot> {
    const queue = this.queues.get(id);
    if (!queue) throw new Error(`Unknown queue "${id}"`);
    const tickets: TicketsSnapshot = { ids: [], openedAt: [], waitingSince: [], firstReplied: [] };
    for (const ticketId of queue.openTickets) {
      const ticket = this.tickets.get(ticketId)!;
      tickets.ids.push(ticketId);
      tickets.openedAt.push(ticket.openedAt);
      tickets.waitingSince.push(ticket.waitingSince);
      tickets.firstReplied.push(ticket.firstReplied);
      if (tickets.ids.length % TICKETS_PER_SLICE === 0) yield;
    }
    return snapshotQueue(queue, tickets);
  }

  /** CSAT's part of `snapshot`. */
  snapshotCsat(): EngineSnapshot['csat'] {
    return this.csat.snapshot();
  }

  /** Replaces the state with a checkpoint's; queues no longer configured, and their tickets, are left out. */
  restore(snapshot: EngineSnapshot): void {
    this.tickets.clear();
    this.csat.restore(snapshot.csat);
    for (const [queueId, queue] of this.queues) {
      queue.openTickets.clear();
      this.indexes.get(queueId)!.invalidate();
      const saved = snapshot.queues[queueId];
      if (!saved) continue;
      restoreQueue(queue, saved);
      const { ids, openedAt, waitingSince, firstReplied } = saved.tickets;
      for (let i = 0; i < ids.length; i++) {
        this.tickets.set(ids[i]!, newTicket(queueId, openedAt[i]!, waitingSince[i]!, firstReplied[i]!));
        queue.openTickets.add(ids[i]!);
      }
    }
  }

  /** Everything held: open tickets plus every sample; flat over time is the test of bounded memory. */
  retainedItems(): number {
    let items = this.tickets.size;
    for (const queue of this.queues.values()) items += queue.samples();
    return items + this.csat.retained();
  }

  evictions(): number {
    let total = 0;
    for (const queue of this.queues.values()) total += queue.evictedTickets + queue.evictedSamples();
    return total + this.csat.evicted();
  }

  private open(event: TicketEvent): EventOutcome {
    const queue = this.queues.get(event.queueId!)!;
    const reopened = event.type === 'reopened';
    this.tickets.set(event.ticketId, newTicket(queue.id, event.at, event.at, reopened));
    this.admit(queue, event.ticketId);
    queue.inflow.add(event.at, 1);
    return { applied: true, queueIds: [queue.id] };
  }

  private move(event: TicketEvent, ticket: Ticket): EventOutcome {
    if (event.type === 'reopened' && ticket.waitingSince === null) {
      ticket.waitingSince = event.at;
      this.indexes.get(ticket.queueId)!.waits(ticket);
    }
    if (event.type === 'created' || event.queueId === ticket.queueId) return { applied: true, queueIds: [ticket.queueId] };
    const from = this.queues.get(ticket.queueId)!;
    const to = this.queues.get(event.queueId!)!;
    from.openTickets.delete(event.ticketId);
    this.indexes.get(from.id)!.settled(ticket);
    from.outflow.add(event.at, 1);
    ticket.queueId = to.id;
    this.admit(to, event.ticketId);
    to.inflow.add(event.at, 1);
    return { applied: true, queueIds: [from.id, to.id] };
  }

  private reply(event: TicketEvent, ticket: Ticket): EventOutcome {
    const queue = this.queues.get(ticket.queueId)!;
    if (!ticket.firstReplied) {
      ticket.firstReplied = true;
      queue.recordFirstReply(event.at, Math.max(0, (event.at - ticket.openedAt) / 1000));
    }
    this.indexes.get(queue.id)!.settled(ticket);
    ticket.waitingSince = null;
    return { applied: true, queueIds: [queue.id] };
  }

  private solve(event: TicketEvent, ticket: Ticket): EventOutcome {
    const queue = this.queues.get(ticket.queueId)!;
    queue.resolution.add(event.at, Math.max(0, (event.at - ticket.openedAt) / 1000));
    queue.outflow.add(event.at, 1);
    queue.openTickets.delete(event.ticketId);
    this.tickets.delete(event.ticketId);
    this.indexes.get(queue.id)!.settled(ticket);
    return { applied: true, queueIds: [queue.id] };
  }

  /** Adds a ticket to a queue, dropping a longest-open one when the queue, or the engine, is full. */
  private admit(queue: QueueWindows, ticketId: string): void {
    queue.openTickets.add(ticketId);
    this.indexes.get(queue.id)!.entered(this.tickets.get(ticketId)!);
    if (queue.openTickets.size > this.maxOpenTicketsPerQueue) this.evictOldest(queue);
    else if (this.tickets.size > this.maxOpenTickets) this.evictOldest(this.fullest(queue));
  }

  /**
   * The queue that gives up a ticket when the engine is full: the one admitting, if it held at least its even
   * share of the cap before this ticket (a flood into every queue costs no scan), else the one holding the most.
   */
  private fullest(admitting: QueueWindows): QueueWindows {
    if ((admitting.openTickets.size - 1) * this.queues.size >= this.maxOpenTickets) return admitting;
    let fullest = admitting;
    for (const queue of this.queues.values()) if (queue.openTickets.size > fullest.openTickets.size) fullest = queue;
    return fullest;
  }

  private evictOldest(queue: QueueWindows): void {
    const oldest = queue.oldestOpenTicket()!;
    const ticket = this.tickets.get(oldest)!;
    queue.openTickets.delete(oldest);
    this.tickets.delete(oldest);
    this.indexes.get(queue.id)!.settled(ticket);
    queue.evictedTickets++;
  }

  /** The engine's own estimate of breached tickets: first replies overdue against the queue's target. */
  private unansweredPastTarget(queue: QueueWindows, now: number): number {
    return this.indexes.get(queue.id)!.overdueCount(now - queue.targetSeconds * 1000);
  }

  private oldestWaiting(queue: QueueWindows, now: number): number | null {
    if (queue.oldestWaitingReading) {
      return Math.round(queue.oldestWaitingReading.seconds + Math.max(0, now - queue.oldestWaitingReading.at) / 1000);
    }
    const earliest = this.indexes.get(queue.id)!.earliestWaiting();
    return earliest === null ? null : Math.max(0, Math.round((now - earliest) / 1000));
  }
}

/** Whole seconds, or null when there is no figure. */
function seconds(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
