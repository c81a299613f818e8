/**
 * A window's values kept sorted across beats: the values added and dropped since the last read are merged
 * into the previous sorted copy (one pass) instead of sorting the whole window again. A flood's full window
 * (50,000 first replies) took 5 to 60 ms to sort on every beat, per window, per queue.
 */
export class SortedSamples {
  private sorted: Float64Array | null = null;
  private added: number[] = [];
  private dropped: number[] = [];

  add(value: number): void {
    if (this.sorted) this.added.push(value);
  }

  drop(value: number): void {
    if (this.sorted) this.dropped.push(value);
  }

  /** Forget the sorted copy: the next read sorts `values` afresh. */
  reset(): void {
    this.sorted = null;
    this.added = [];
    this.dropped = [];
  }

  /** The window's values in ascending order; `values` are all of them (read only when sorting afresh). */
  read(values: () => ArrayLike<number>): Float64Array {
    const previous = this.sorted;
    const sorted =
      previous && this.added.length + this.dropped.length < previous.length
        ? withoutDropped(merged(previous, this.added), this.dropped)
        : Float64Array.from(values()).sort();
    this.sorted = sorted;
    this.added = [];
    this.dropped = [];
    return sorted;
  }
}

/** `sorted` with `extra` merged in, in order. */
function merged(sorted: Float64Array, extra: number[]): Float64Array {
  if (extra.length === 0) return sorted;
  const more = Float64Array.from(extra).sort();
  const out = new Float64Array(sorted.length + more.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < more.length) out[k++] = sorted[i]! <= more[j]! ? sorted[i++]! : more[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < more.length) out[k++] = more[j++]!;
  return out;
}

/** `sorted` less one occurrence of each of `drop` (every one of which it holds). */
function withoutDropped(sorted: Float64Array, drop: number[]): Float64Array {
  if (drop.length === 0) return sorted;
  const gone = Float64Array.from(drop).sort();
  const out = new Float64Array(sorted.length - gone.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (j < gone.length && sorted[i] === gone[j]) j++;
    else out[k++] = sorted[i]!;
  }
  return out;
}
