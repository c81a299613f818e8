import { createRandom } from '../../server/sources/demo/random';
import type { TicketEvent } from '../../shared/ingest';

/**
 * A month of helpdesk traffic as compact arrays, in arrival order: each ticket created, answered after
 * minutes, solved after minutes to days (one in fifty never). The gateway and the bare SQLite floor read
 * the same rows from it; events are built as objects only when a batch is sent.
 */
export interface TicketStream {
  readonly length: number;
  readonly start: number;
  readonly queueIds: readonly string[];
  /** Events with index in [from, to), as the ingest API would receive them. */
  events(from: number, to: number): TicketEvent[];
  /** Index of the first event arriving at or after `at`. */
  indexAt(at: number): number;
  at(index: number): number;
}

const MIN = 60_000;
const TYPES = ['created', 'first-reply', 'solved'] as const;

/** The demo's seeded generator (mulberry32): the same seed gives the very same rows. */
const random = (seed: number): (() => number) => createRandom(seed).next;

export function ticketStream(options: { events: number; days: number; queues: number; start: number; seed?: number; idPrefix?: string }): TicketStream {
  const prefix = options.idPrefix ?? '';
  const rand = random(options.seed ?? 1);
  const tickets = Math.ceil(options.events / 2.98);
  const gap = (options.days * 24 * 60 * MIN) / tickets;
  const at = new Float64Array(options.events);
  const ticket = new Int32Array(options.events);
  const type = new Uint8Array(options.events);
  let n = 0;
  for (let k = 0; k < tickets && n < options.events; k++) {
    const created = options.start + k * gap;
    const replied = created + rand() * 20 * MIN;
    const solved = rand() < 0.02 ? null : replied + (rand() < 0.8 ? rand() * 4 * 60 * MIN : rand() * 3 * 24 * 60 * MIN);
    for (const [kind, when] of [[0, created], [1, replied], [2, solved]] as const) {
      if (when === null || n >= options.events) continue;
      at[n] = Math.round(when);
      ticket[n] = k;
      type[n++] = kind;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => at[a]! - at[b]!);
  const sortedAt = Float64Array.from(order, (i) => at[i]!);
  const queueIds = Array.from({ length: options.queues }, (_, i) => `q-${String(i).padStart(3, '0')}`);
  return {
    length: n,
    start: options.start,
    queueIds,
    at: (index) => sortedAt[index]!,
    indexAt(time) {
      let low = 0;
      let high = n;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (sortedAt[mid]! < time) low = mid + 1;
        else high = mid;
      }
      return low;
    },
    events(from, to) {
      const batch: TicketEvent[] = [];
      for (let j = from; j < to; j++) {
        const i = order[j]!;
        const kind = TYPES[type[i]!]!;
        const base = { eventId: `${prefix}e${i}`, ticketId: `${prefix}t${ticket[i]}`, at: sortedAt[j]! };
        batch.push(kind === 'created' ? { ...base, type: kind, queueId: queueIds[ticket[i]! % queueIds.length]! } : { ...base, type: kind });
      }
      return batch;
    },
  };
}
