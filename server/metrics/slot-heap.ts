/**
 * A binary min-heap of items that know their own place in it (a number field on the item, -1 when out, read
 * and written through `slotOf`/`setSlot`): an item is taken out of the middle in O(log n), so the heap never
 * holds an entry that no longer counts and reading its top costs nothing. The open-ticket index keeps its
 * tickets in two of these (server/metrics/open-ticket-index.ts), each with its own field on the ticket.
 */
export class SlotHeap<T> {
  private items: T[] = [];

  constructor(
    private readonly keyOf: (item: T) => number,
    private readonly slotOf: (item: T) => number,
    private readonly setSlot: (item: T, slot: number) => void,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** The item with the smallest key, or undefined when empty. */
  top(): T | undefined {
    return this.items[0];
  }

  has(item: T): boolean {
    const slot = this.slotOf(item);
    return slot >= 0 && this.items[slot] === item;
  }

  push(item: T): void {
    this.items.push(item);
    this.up(this.items.length - 1, item);
  }

  /** Takes `item` out wherever it is; nothing when it is not in this heap. */
  remove(item: T): void {
    if (!this.has(item)) return;
    const { items } = this;
    const slot = this.slotOf(item);
    this.setSlot(item, -1);
    const last = items.pop()!;
    if (slot === items.length) return;
    items[slot] = last;
    // The moved item goes up if smaller than its new parent, else down.
    if (slot > 0 && this.keyOf(last) < this.keyOf(items[(slot - 1) >> 1]!)) this.up(slot, last);
    else this.down(slot, last);
  }

  /** Removes the smallest item. */
  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  clear(): void {
    for (const item of this.items) this.setSlot(item, -1);
    this.items = [];
  }

  private up(from: number, item: T): void {
    const { items } = this;
    const key = this.keyOf(item);
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (this.keyOf(above) <= key) break;
      items[i] = above;
      this.setSlot(above, i);
      i = parent;
    }
    items[i] = item;
    this.setSlot(item, i);
  }

  private down(from: number, item: T): void {
    const { items } = this;
    const key = this.keyOf(item);
    const n = items.length;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keyOf(items[child + 1]!) < this.keyOf(items[child]!)) child++;
      const below = items[child]!;
      if (this.keyOf(below) >= key) break;
      items[i] = below;
      this.setSlot(below, i);
      i = child;
    }
    items[i] = item;
    this.setSlot(item, i);
  }
}
