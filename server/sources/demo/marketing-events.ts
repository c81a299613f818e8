import type { Queue } from '../../../shared/model';
import { createRandom, hashString } from './random';

/** A campaign mail or a sale that brings more contacts than usual to one queue for a few hours. */
export interface MarketingEvent {
  readonly kind: 'marketing-event';
  readonly queueId: string;
  readonly from: number;
  readonly to: number;
  /** Arrivals are this many times the day curve's while it lasts. */
  readonly arrivalFactor: number;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** Campaigns land on mail, chat and phone; social queues have their viral threads (incidents.ts). */
const CAMPAIGN_CHANNELS = new Set(['email', 'chat', 'phone']);

function campaignQueues(queues: readonly Queue[]): Queue[] {
  return queues.filter((q) => CAMPAIGN_CHANNELS.has(q.channel));
}

/**
 * About one campaign a week in the generated past, on a weekday morning or afternoon (UTC 8–16, office
 * hours in Europe), each on one queue for one to three hours at two to four times the usual arrivals.
 */
export function pastMarketingEvents(queues: readonly Queue[], seed: number, from: number, to: number): MarketingEvent[] {
  const candidates = campaignQueues(queues);
  if (candidates.length === 0) return [];
  const events: MarketingEvent[] = [];
  for (let week = 0; from + week * WEEK < to; week++) {
    const random = createRandom(hashString(`${seed}:campaign:${week}`));
    const weekday = Math.floor(random.next() * 5); // Monday to Friday of the week counted from `from`'s Monday
    const day = mondayOf(from) + week * WEEK + weekday * 24 * HOUR;
    const start = day + (8 + 8 * random.next()) * HOUR;
    const queue = candidates[Math.floor(random.next() * candidates.length)]!;
    const event: MarketingEvent = { kind: 'marketing-event', queueId: queue.id, from: start, to: start + (1 + 2 * random.next()) * HOUR, arrivalFactor: 2 + 2 * random.next() };
    if (event.from >= from && event.to <= to) events.push(event);
  }
  return events;
}

/**
 * The campaign under way when the live demo starts (it began 20 minutes before, in the replayed past), so
 * the wall shows inflow against the usual from its first minute: the first chat queue, at three times.
 */
export function liveMarketingEvent(queues: readonly Queue[], startAt: number): MarketingEvent | null {
  const queue = queues.find((q) => q.channel === 'chat') ?? campaignQueues(queues)[0];
  return queue ? { kind: 'marketing-event', queueId: queue.id, from: startAt - HOUR / 3, to: startAt + 1.5 * HOUR, arrivalFactor: 3 } : null;
}

/** 00:00 UTC of the Monday on or before `at`. */
function mondayOf(at: number): number {
  const day = Math.floor(at / (24 * HOUR));
  // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
  return (day - ((day + 3) % 7)) * 24 * HOUR;
}
