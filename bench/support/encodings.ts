import { deflateRawSync } from 'node:zlib';
import { METRIC_IDS } from '../../shared/metrics';
import type { Recording } from './recording';

/**
 * What the recorded updates would weigh in other encodings, to size a protocol change before making it:
 * - compact: each patch as an array [queue index in the snapshot, updatedAt − serverTime, metric index, value, …],
 *   health as sent; no property names repeated 300 times.
 * - deflate: the JSON as sent, compressed (permessage-deflate), which costs CPU per screen, not per update.
 */
export function encodedSizes(recording: Recording): { json: number; compact: number; deflate: number } {
  const index = new Map(recording.snapshot.states.map((s, i) => [s.queueId, i]));
  let json = 0;
  let compact = 0;
  let deflate = 0;
  for (const update of recording.updates) {
    const text = JSON.stringify(update);
    json += Buffer.byteLength(text);
    deflate += deflateRawSync(text).length;
    const serverTime = update.serverTime as number;
    const changes = update.changes.map((c) => {
      const patch = c as { queueId: string; metrics?: Record<string, number | null>; health?: unknown; updatedAt?: number | null };
      const row: unknown[] = [index.get(patch.queueId) ?? patch.queueId, patch.updatedAt == null ? null : patch.updatedAt - serverTime];
      for (const [metric, value] of Object.entries(patch.metrics ?? {})) row.push(METRIC_IDS.indexOf(metric as (typeof METRIC_IDS)[number]), value);
      if (patch.health) row.push(patch.health);
      return row;
    });
    compact += Buffer.byteLength(JSON.stringify({ t: serverTime, s: update.seq, c: changes }));
  }
  const n = Math.max(1, recording.updates.length);
  return { json: json / n, compact: compact / n, deflate: deflate / n };
}
