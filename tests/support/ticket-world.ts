import { createRandom } from '../../server/sources/demo/random';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';

/** One piece of input, as a source would send it: a ticket event, or a reading for a queue. */
export type WorldInput = { kind: 'event'; event: TicketEvent } | { kind: 'reading'; queueId: string; reading: QueueReadingInput };

export interface WorldOptions {
  seed: number;
  start: number;
  days: number;
  queueIds: readonly string[];
  /** New tickets per queue per simulated hour. */
  ticketsPerHour: number;
  /** Queues that also get a reading (agents online) every quarter of an hour. */
  readingQueues?: readonly string[];
  /** Share of tickets never solved (default 0.1): they pile up, as a real backlog of forgotten tickets would. */
  neverSolved?: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The demo's seeded generator (mulberry32): the same seed gives the very same rows. */
const random = (seed: number): (() => number) => createRandom(seed).next;

/**
 * A recorded world of several days: tickets created, answered (some never), moved between queues, solved
 * after minutes to days (some still open at the end), reopened and solved again, readings every quarter
 * hour; in arrival order, with one event in fifty arriving up to ten minutes late.
 */
export function ticketWorld(options: WorldOptions): WorldInput[] {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const inputs: Array<{ arrives: number; input: WorldInput }> = [];
  const end = options.start + options.days * 24 * HOUR;
  let n = 0;
  const event = (type: TicketEvent['type'], ticketId: string, at: number, queueId?: string) => {
    if (at >= end) return;
    const late = rand() < 0.02 ? rand() * 10 * MIN : 0;
    const e = { eventId: `e${n++}`, type, ticketId, at: Math.round(at), ...(queueId ? { queueId } : {}) } as TicketEvent;
    inputs.push({ arrives: at + late, input: { kind: 'event', event: e } });
  };
  const perQueueGap = HOUR / options.ticketsPerHour;
  let ticket = 0;
  for (const queueId of options.queueIds) {
    for (let at = options.start + rand() * perQueueGap; at < end; at += perQueueGap * (0.5 + rand())) {
      const id = `t${ticket++}`;
      event('created', id, at, queueId);
      let queue = queueId;
      let t = at;
      if (rand() < 0.1) {
        t += rand() * 30 * MIN;
        queue = pick(options.queueIds);
        event('queued', id, t, queue);
      }
      if (rand() < 0.85) {
        t += rand() < 0.8 ? rand() * 20 * MIN : rand() * 8 * HOUR;
        event('first-reply', id, t);
      }
      if (rand() < (options.neverSolved ?? 0.1)) continue; // still open at the end, however old
      t += rand() < 0.7 ? rand() * 4 * HOUR : rand() * 3 * 24 * HOUR;
      event('solved', id, t);
      if (rand() < 0.08) {
        t += rand() * 12 * HOUR;
        event('reopened', id, t, queue);
        t += rand() * 2 * HOUR;
        event('solved', id, t);
      }
    }
  }
  for (const queueId of options.readingQueues ?? []) {
    for (let at = options.start; at < end; at += 15 * MIN) {
      inputs.push({ arrives: at, input: { kind: 'reading', queueId, reading: { at, agentsOnline: Math.floor(rand() * 12) } } });
    }
  }
  return inputs.sort((a, b) => a.arrives - b.arrives).map((i) => i.input);
}

/** Arrival time of an input: readings and events are sent when they happen (late ones a little after). */
export function inputAt(input: WorldInput): number {
  return input.kind === 'event' ? input.event.at : input.reading.at;
}
