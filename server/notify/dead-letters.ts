import type { OutboundEvent } from './outbound-event';

/** An event a target did not take: after every attempt, at once on a refusal, or pushed out of a full queue. */
export interface DeadLetter {
  readonly id: number;
  readonly targetId: string;
  readonly event: OutboundEvent;
  readonly attempts: number;
  /** What the target (or the network) last answered, scrubbed of the URL and secret. */
  readonly lastError: string;
  readonly failedAt: number;
}

export type NewDeadLetter = Omit<DeadLetter, 'id'>;

/** Where dead letters are kept: the SQLite store (migration 9), or memory when the gateway runs without one. */
export interface DeadLetterList {
  /** Adds one and drops the oldest past `limit`; answers the new id. */
  add(entry: NewDeadLetter, limit: number): number;
  /** Newest first. */
  list(limit: number): DeadLetter[];
  get(id: number): DeadLetter | null;
  /** Removes one and answers it, or null if there is none by that id. */
  take(id: number): DeadLetter | null;
  count(): number;
}

export class MemoryDeadLetters implements DeadLetterList {
  private entries: DeadLetter[] = [];
  private nextId = 1;

  add(entry: NewDeadLetter, limit: number): number {
    const id = this.nextId++;
    this.entries.push({ ...entry, id });
    if (this.entries.length > limit) this.entries = this.entries.slice(this.entries.length - limit);
    return id;
  }

  list(limit: number): DeadLetter[] {
    return this.entries.slice(-limit).reverse();
  }

  get(id: number): DeadLetter | null {
    return this.entries.find((entry) => entry.id === id) ?? null;
  }

  take(id: number): DeadLetter | null {
    const index = this.entries.findIndex((entry) => entry.id === id);
    if (index < 0) return null;
    return this.entries.splice(index, 1)[0]!;
  }

  count(): number {
    return this.entries.length;
  }
}
