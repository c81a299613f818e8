// Send→receive latencies in whole-millisecond buckets: each screen process counts its own, the benchmark adds
// them up, so a percentile is taken over every delivery of every process rather than averaged per process.

/** Latencies at or above this (ms) share the last bucket: far past any limit the benchmark reads against. */
export const LATENCY_CAP_MS = 60_000;

/** Buckets as sent over IPC: [whole ms, deliveries], only the buckets that have any. */
export type LatencyBuckets = Array<[number, number]>;

/** Counts for one process, recorded as updates arrive (a typed array: no allocation per delivery). */
export class LatencyCounter {
  private counts = new Uint32Array(LATENCY_CAP_MS + 1);

  record(latencyMs: number): void {
    const bucket = Math.min(LATENCY_CAP_MS, Math.max(0, Math.floor(latencyMs)));
    this.counts[bucket] = this.counts[bucket]! + 1;
  }

  buckets(): LatencyBuckets {
    const out: LatencyBuckets = [];
    this.counts.forEach((count, ms) => {
      if (count > 0) out.push([ms, count]);
    });
    return out;
  }

  reset(): void {
    this.counts.fill(0);
  }
}

/** Several processes' buckets as one. */
export function mergeBuckets(lists: readonly LatencyBuckets[]): LatencyBuckets {
  const merged = new Map<number, number>();
  for (const list of lists) for (const [ms, count] of list) merged.set(ms, (merged.get(ms) ?? 0) + count);
  return [...merged.entries()].sort((a, b) => a[0] - b[0]);
}

export const deliveriesIn = (buckets: LatencyBuckets): number => buckets.reduce((total, [, count]) => total + count, 0);

/**
 * The q-quantile (0 < q ≤ 1) of the counted latencies, by the nearest-rank rule that bench/support/table.ts's
 * percentile() uses on raw samples: the ceil(q·n)-th smallest. NaN when nothing was counted.
 */
export function bucketPercentile(buckets: LatencyBuckets, q: number): number {
  if (!(q > 0 && q <= 1)) throw new Error(`percentile: q must be above 0 and at most 1 (got ${q})`);
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const rank = Math.ceil(q * deliveriesIn(sorted));
  if (rank === 0) return Number.NaN;
  let seen = 0;
  for (const [ms, count] of sorted) {
    seen += count;
    if (seen >= rank) return ms;
  }
  return sorted.at(-1)![0];
}
