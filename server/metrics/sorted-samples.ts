/**
 * A window's values kept sorted across beats: the values added and dropped since the last read are merged
 * into the previous sorted copy (one pass) instead of sorting the whole window again. A flood's full window
 * (50,000 first replies) took 5 to 60 ms to sort on every beat, per window, per queue.
 *
 * The copies live in buffers reused from read to read: a merge that allocated its result made 16 MB of
 * large objects a beat in an ingest flood (20 queues, two full windows each), which went straight to the old
 * generation and set off major collections inside the beat (100–300 ms pauses at a million open tickets).
 */
export class SortedSamples {
  /** The sorted values are `sorted[0, length)`; length -1 until the first read (or after a reset). */
  private sorted: Float64Array = new Float64Array(0);
  private length = -1;
  private spare: Float64Array = new Float64Array(0);
  private added: number[] = [];
  private dropped: number[] = [];
  private addedSorted: Float64Array = new Float64Array(0);
  private droppedSorted: Float64Array = new Float64Array(0);

  add(value: number): void {
    if (this.length >= 0) this.added.push(value);
  }

  drop(value: number): void {
    if (this.length >= 0) this.dropped.push(value);
  }

  /** Forget the sorted copy: the next read sorts `values` afresh. */
  reset(): void {
    this.length = -1;
    this.added.length = 0;
    this.dropped.length = 0;
  }

  /**
   * The window's values in ascending order (a view of a reused buffer: valid until the next read); `values`
   * are all of them, read only when sorting afresh.
   */
  read(values: () => ArrayLike<number>): Float64Array {
    const changes = this.added.length + this.dropped.length;
    if (this.length < 0 || changes >= this.length) this.sortAfresh(values());
    else if (changes > 0) this.merge();
    this.added.length = 0;
    this.dropped.length = 0;
    return this.sorted.subarray(0, this.length);
  }

  private sortAfresh(values: ArrayLike<number>): void {
    if (this.sorted.length < values.length) this.sorted = new Float64Array(grown(values.length));
    for (let i = 0; i < values.length; i++) this.sorted[i] = values[i]!;
    this.sorted.subarray(0, values.length).sort();
    this.length = values.length;
  }

  /** `sorted` with the added values merged in and one occurrence of each dropped value (all of them held) left out. */
  private merge(): void {
    const more = sortedCopy(this.added, this.addedSorted);
    this.addedSorted = more.buffer;
    const gone = sortedCopy(this.dropped, this.droppedSorted);
    this.droppedSorted = gone.buffer;
    const total = this.length + more.length - gone.length;
    if (this.spare.length < total) this.spare = new Float64Array(grown(total));
    const { sorted, spare, length } = this;
    const extra = more.buffer;
    const drop = gone.buffer;
    let i = 0;
    let j = 0;
    let d = 0;
    let k = 0;
    while (i < length || j < more.length) {
      const value = j >= more.length || (i < length && sorted[i]! <= extra[j]!) ? sorted[i++]! : extra[j++]!;
      if (d < gone.length && value === drop[d]) d++;
      else spare[k++] = value;
    }
    this.spare = sorted;
    this.sorted = spare;
    this.length = k;
  }
}

/** Room for `needed` values and some growth, so a window filling up does not reallocate on every read. */
function grown(needed: number): number {
  return Math.max(64, Math.ceil(needed * 1.25));
}

/** `values` sorted into `buffer` (replaced by a larger one when too small): the buffer and how many it holds. */
function sortedCopy(values: number[], buffer: Float64Array): { buffer: Float64Array; length: number } {
  const out = buffer.length < values.length ? new Float64Array(grown(values.length)) : buffer;
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  if (values.length > 1) out.subarray(0, values.length).sort();
  return { buffer: out, length: values.length };
}
