import type { Queue } from '../../../shared/model';
import type { MarketingEvent } from './marketing-events';
import { createRandom, hashString } from './random';

/** A period when one queue is flooded (a viral thread, a campaign), or when an outsourced partner's agents are all gone. */
export type Incident =
  | { kind: 'viral-thread'; queueId: string; from: number; to: number; arrivalFactor: number }
  | MarketingEvent
  | { kind: 'partner-offline'; team: string; from: number; to: number };

const SOCIAL = new Set(['trustpilot', 'facebook', 'instagram', 'x', 'linkedin']);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's incidents, fixed by the seed and the start: one of each already under way when the demo
 * starts (so a demo always has something to show), then a few a day. Days are drawn lazily, so a demo
 * running for weeks holds only the days it is in.
 */
export class IncidentCalendar {
  private readonly social: Queue[];
  private readonly partners: string[];
  private cachedDay = Number.NaN;
  private cached: Incident[] = [];

  constructor(
    queues: readonly Queue[],
    private readonly seed: number,
    private readonly startAt: number,
  ) {
    this.social = queues.filter((q) => SOCIAL.has(q.channel));
    this.partners = [...new Set(queues.filter((q) => q.team.kind === 'partner').map((q) => q.team.name))];
  }

  /** Incidents under way at `at`. */
  activeAt(at: number): Incident[] {
    const day = Math.floor((at - this.startAt) / DAY);
    if (day !== this.cachedDay) {
      // An incident may run past midnight of its day: keep the previous day's too.
      this.cached = [...this.opening(), ...this.day(day - 1), ...this.day(day)];
      this.cachedDay = day;
    }
    return this.cached.filter((incident) => incident.from <= at && at < incident.to);
  }

  private day(index: number): Incident[] {
    const incidents: Incident[] = [];
    if (index < 0) return incidents;
    const random = createRandom(hashString(`${this.seed}:incidents:${index}`));
    const dayStart = this.startAt + index * DAY;
    for (let n = 0; n < 3; n++) {
      const from = dayStart + (2 + 7 * n + 5 * random.next()) * HOUR;
      const queue = this.social[Math.floor(random.next() * this.social.length)];
      const team = this.partners[Math.floor(random.next() * this.partners.length)];
      if (n % 2 === 0 && queue) {
        incidents.push({ kind: 'viral-thread', queueId: queue.id, from, to: from + (1 + random.next()) * HOUR, arrivalFactor: 4 + 4 * random.next() });
      } else if (team) {
        incidents.push({ kind: 'partner-offline', team, from, to: from + (0.5 + random.next()) * HOUR });
      }
    }
    return incidents;
  }

  private opening(): Incident[] {
    const opening: Incident[] = [];
    const viral = this.social.find((q) => q.id === 'lis-trustpilot') ?? this.social[0];
    if (viral) {
      opening.push({ kind: 'viral-thread', queueId: viral.id, from: this.startAt - 1.5 * HOUR, to: this.startAt + 2 * HOUR, arrivalFactor: 7 });
    }
    const partner = this.partners[0];
    if (partner) opening.push({ kind: 'partner-offline', team: partner, from: this.startAt - 0.5 * HOUR, to: this.startAt + 0.75 * HOUR });
    return opening;
  }
}
