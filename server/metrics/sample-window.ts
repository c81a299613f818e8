import type { WindowSnapshot } from './engine-snapshot';
import { SortedSamples } from './sorted-samples';

/**
 * Time-stamped samples in time order, bounded two ways: samples older than the window are pruned as time
 * moves on, and past `capacity` the oldest are dropped (and counted). Percentiles read a sorted copy that
 * is brought up to date with what changed since the last read, so asking every second costs one pass.
 */
export class SampleWindow {
  private ats: number[] = [];
  private values: number[] = [];
  private head = 0;
  private readonly sorted = new SortedSamples();
  private total = 0;
  evicted = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.ats.length - this.head;
  }

  add(at: number, value: number): void {
    const last = this.ats.length > this.head ? this.ats[this.ats.length - 1]! : -Infinity;
    if (at >= last) {
      this.ats.push(at);
      this.values.push(value);
    } else {
      // Late arrivals are rare: keep time order with one insertion.
      const index = this.insertionIndex(at);
      this.ats.splice(index, 0, at);
      this.values.splice(index, 0, value);
    }
    this.total += value;
    this.sorted.add(value);
    while (this.size > this.capacity) this.dropOldest(() => this.evicted++);
  }

  /** Drops samples stamped before `cutoff`. */
  prune(cutoff: number): void {
    while (this.size > 0 && this.ats[this.head]! < cutoff) this.dropOldest();
  }

  sum(): number {
    return this.total;
  }

  /** How many samples are stamped in [from, to): the quarter-hour history counts arrivals with it. */
  countBetween(from: number, to: number): number {
    return this.firstAtOrAfter(to) - this.firstAtOrAfter(from);
  }

  /** Nearest-rank percentile: the ceil(q·n)-th smallest value; null when empty. */
  percentile(q: number): number | null {
    if (this.size === 0) return null;
    const sorted = this.sorted.read(() => this.values.slice(this.head));
    const rank = Math.max(1, Math.ceil(q * sorted.length));
    return sorted[rank - 1]!;
  }

  private dropOldest(onDrop?: () => void): void {
    this.total -= this.values[this.head]!;
    this.sorted.drop(this.values[this.head]!);
    this.head++;
    onDrop?.();
    // Compact now and then so the arrays do not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.ats.length) {
      this.ats = this.ats.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
    if (this.size === 0) this.total = 0;
  }

  /** The samples still held, for a checkpoint; `restore` puts them back exactly (running total included). */
  snapshot(): WindowSnapshot {
    return { ats: this.ats.slice(this.head), values: this.values.slice(this.head), total: this.total, evicted: this.evicted };
  }

  restore(snapshot: WindowSnapshot): void {
    this.ats = [...snapshot.ats];
    this.values = [...snapshot.values];
    this.head = 0;
    this.total = snapshot.total;
    this.evicted = snapshot.evicted;
    this.sorted.reset();
  }

  private insertionIndex(at: number): number {
    let low = this.head;
    let high = this.ats.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ats[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private firstAtOrAfter(at: number): number {
    let low = this.head;
    let high = this.ats.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ats[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
