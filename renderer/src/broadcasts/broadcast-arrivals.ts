import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';

/**
 * Which broadcasts just came onto the walls: never those already there when the desk first heard
 * (a desk opened mid-outage shows them in its list, it does not ring), never one twice.
 */
export class BroadcastArrivals {
  private seen: Set<string> | null = null;

  observe(broadcasts: readonly Broadcast[]): Broadcast[] {
    const active = broadcasts.filter((b) => b.state === 'active');
    if (this.seen === null) {
      this.seen = new Set(active.map((b) => b.id));
      return [];
    }
    const fresh = active.filter((b) => !this.seen!.has(b.id));
    for (const b of fresh) this.seen.add(b.id);
    return fresh;
  }
}
