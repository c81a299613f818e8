import type { TicketEvent } from '../../../shared/ingest';
import type { Queue } from '../../../shared/model';
import { contactLoad, type LocalTime } from './day-curve';
import type { Incident } from './incidents';
import { poisson, type Random } from './random';
import type { TrafficProfile } from './ticket-profiles';

interface WaitingTicket {
  ticketId: string;
  /** When an agent could first answer it; replies go first come, first served among those ready. */
  readyAt: number;
}

interface Scheduled {
  at: number;
  ticketId: string;
  kind: 'solved' | 'reopened';
}

/** Customers' answers to the satisfaction survey sent when a ticket is solved. */
export interface DemoRatings {
  /** Its own stream, so adding ratings leaves every other draw of a seed's traffic as it was. */
  random: Random;
  /** Share of solved tickets the customer rates. */
  rateShare: number;
  /** Share of ratings that are satisfied (the queue's CSAT over time). */
  satisfiedShare: number;
}

export interface TrafficStep {
  events: TicketEvent[];
  agentsOnline: number;
}

/**
 * One queue's simulated tickets: Poisson arrivals on the office's day curve, agents staffed to the
 * curve answering the oldest ready ticket first, lognormal reply lags and resolution times, reopens.
 */
export class QueueTraffic {
  private readonly waiting: WaitingTicket[] = [];
  private scheduled: Scheduled[] = [];
  private replyCredit = 0;
  private ticketCount = 0;
  private eventCount = 0;

  constructor(
    private readonly queue: Queue,
    private readonly profile: TrafficProfile,
    private readonly pressure: number,
    private readonly random: Random,
    private readonly localTime: (epochMs: number) => LocalTime,
    private readonly ratings: DemoRatings | null = null,
  ) {}

  get ticketsInFlight(): number {
    return this.waiting.length + this.scheduled.length;
  }

  /** Simulates (from, to] and returns its events in time order. */
  step(from: number, to: number, incidents: readonly Incident[]): TrafficStep {
    const events: TicketEvent[] = [];
    const seconds = (to - from) / 1000;
    const local = this.localTime(to);
    const load = contactLoad(local);
    const flood = incidents.find((i) => i.kind !== 'partner-offline' && i.queueId === this.queue.id);
    const partnerGone = incidents.some((i) => i.kind === 'partner-offline' && i.team === this.queue.team.name);

    const arrivalsPerHour = this.profile.arrivalsPerHour * load * this.pressure * (flood && flood.kind !== 'partner-offline' ? flood.arrivalFactor : 1);
    for (let i = this.poisson((arrivalsPerHour * seconds) / 3600); i > 0; i--) {
      const at = Math.round(from + this.random.next() * (to - from));
      const ticketId = `${this.queue.id}-${++this.ticketCount}`;
      events.push(this.event('created', ticketId, at));
      this.waiting.push({ ticketId, readyAt: at + this.lognormal(this.profile.replyLagMedian, 0.7) * 1000 });
    }

    const agentsOnline = partnerGone ? 0 : this.agents(local.hour, load);
    this.replyCredit = Math.min(this.replyCredit + (agentsOnline * this.profile.repliesPerAgentHour * seconds) / 3600, agentsOnline + 1);
    this.answerReadyTickets(from, to, events);
    this.releaseScheduled(to, events);
    events.sort((a, b) => a.at - b.at);
    return { events, agentsOnline };
  }

  private answerReadyTickets(from: number, to: number, events: TicketEvent[]): void {
    this.waiting.sort((a, b) => a.readyAt - b.readyAt);
    while (this.replyCredit >= 1 && this.waiting.length > 0 && this.waiting[0]!.readyAt <= to) {
      const ticket = this.waiting.shift()!;
      this.replyCredit -= 1;
      const at = Math.round(Math.max(ticket.readyAt, from + this.random.next() * (to - from)));
      // A reopened ticket's reply ends its wait; the engine does not count it as a first reply again.
      events.push(this.event('first-reply', ticket.ticketId, at));
      this.scheduled.push({ at: at + this.lognormal(this.profile.resolutionMedian, 0.9) * 1000, ticketId: ticket.ticketId, kind: 'solved' });
    }
  }

  private releaseScheduled(to: number, events: TicketEvent[]): void {
    const due = this.scheduled.filter((s) => s.at <= to);
    if (due.length === 0) return;
    this.scheduled = this.scheduled.filter((s) => s.at > to);
    for (const item of due) {
      const at = Math.round(item.at);
      events.push(this.event(item.kind, item.ticketId, at));
      if (item.kind === 'solved') this.rate(item.ticketId, at, events);
      if (item.kind === 'solved' && this.random.next() < this.profile.reopenRate) {
        this.scheduled.push({ at: at + (1 + 11 * this.random.next()) * 3_600_000, ticketId: item.ticketId, kind: 'reopened' });
      } else if (item.kind === 'reopened') {
        this.waiting.push({ ticketId: item.ticketId, readyAt: at + this.lognormal(this.profile.replyLagMedian, 0.7) * 1000 });
      }
    }
  }

  /** The survey's answer, when the customer gives one, at the moment the ticket is solved. */
  private rate(ticketId: string, at: number, events: TicketEvent[]): void {
    const ratings = this.ratings;
    if (!ratings || ratings.random.next() >= ratings.rateShare) return;
    const satisfied = ratings.random.next() < ratings.satisfiedShare;
    events.push({ eventId: `${this.queue.id}:${++this.eventCount}`, type: 'rated', ticketId, queueId: this.queue.id, at, satisfied });
  }

  private agents(localHour: number, load: number): number {
    const hours = this.profile.staffedHours;
    if (hours && (localHour < hours[0] || localHour >= hours[1])) return 0;
    return Math.max(1, Math.round(this.profile.peakAgents * (0.3 + 0.7 * load)));
  }

  private event(type: TicketEvent['type'], ticketId: string, at: number): TicketEvent {
    const eventId = `${this.queue.id}:${++this.eventCount}`;
    return type === 'created' || type === 'reopened'
      ? { eventId, type, ticketId, queueId: this.queue.id, at }
      : { eventId, type, ticketId, at };
  }

  private poisson(mean: number): number {
    return poisson(this.random, mean);
  }

  private lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.random.normal());
  }
}
