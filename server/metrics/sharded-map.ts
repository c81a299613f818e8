/** Shards of a `ShardedMap`: a power of two. */
const SHARDS = 64;

/**
 * A Map split by key over 64 smaller Maps, for the engine's open tickets (up to 100,000 a queue). A Map
 * grown to millions of entries rebuilds its whole table now and then as entries come and go (V8 rehashes
 * when the deleted ones fill it): at 2,000,000 tickets one `set` took 324 ms and one `delete` 175 ms,
 * stalling the event loop and the walls with it. A shard rebuilds a sixty-fourth of that.
 */
export class ShardedMap<V> {
  private readonly shards: Array<Map<string, V>> = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  set(key: string, value: V): void {
    const shard = this.shardOf(key);
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
  }

  delete(key: string): boolean {
    const deleted = this.shardOf(key).delete(key);
    if (deleted) this.count--;
    return deleted;
  }

  clear(): void {
    for (const shard of this.shards) shard.clear();
    this.count = 0;
  }

  /** FNV-1a over the key's last 16 characters (ids differ at their end: "zd-10231", "t-88412"). */
  private shardOf(key: string): Map<string, V> {
    let hash = 0x811c9dc5;
    for (let i = Math.max(0, key.length - 16); i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    return this.shards[(hash >>> 0) & (SHARDS - 1)]!;
  }
}
