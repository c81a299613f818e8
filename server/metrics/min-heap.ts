/**
 * A binary min-heap of (key, id) pairs in two parallel arrays: what the open-ticket index keeps its
 * candidates in. Entries are never removed from the middle; their owner skips stale ones at the top.
 */
export class MinHeap {
  private keys: number[] = [];
  private ids: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The smallest key, or Infinity when empty. */
  topKey(): number {
    return this.keys.length > 0 ? this.keys[0]! : Infinity;
  }

  /** The id of the smallest key; only when not empty. */
  topId(): string {
    return this.ids[0]!;
  }

  push(key: number, id: string): void {
    const { keys, ids } = this;
    let i = keys.length;
    keys.push(key);
    ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      ids[i] = ids[parent]!;
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Removes the smallest entry. */
  pop(): void {
    const { keys, ids } = this;
    const lastKey = keys.pop()!;
    const lastId = ids.pop()!;
    const n = keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      ids[i] = ids[child]!;
      i = child;
    }
    keys[i] = lastKey;
    ids[i] = lastId;
  }

  clear(): void {
    this.keys = [];
    this.ids = [];
  }
}
