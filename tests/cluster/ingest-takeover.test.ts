import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/database';
import { startClusterWorld, type ClusterGateway, type ClusterWorld } from '../support/cluster-world';
import { killHard } from '../support/gateway-process';

let world: ClusterWorld;

beforeAll(async () => {
  world = await startClusterWorld(3);
}, 90_000);
afterAll(async () => {
  await world?.close();
});

interface Sent {
  ids: string[];
  to: ClusterGateway;
  status: number | 'no answer';
  code?: string;
  retryAfter?: string | null;
  answeredAt: number;
}

/** The event ids of source `push` a gateway's store holds (its idempotency keys, kept 48 h whatever compaction does). */
function storedIds(gateway: ClusterGateway): Set<string> {
  const db = new Database(join(gateway.folder, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT input_id FROM input_keys WHERE source_id = 'push' AND kind = 'event'").all() as Array<{ input_id: string }>;
    return new Set(rows.map((row) => row.input_id));
  } finally {
    db.close();
  }
}

/** Batches of 10 new events, one after another, to `gateway` until `stop` says so. */
async function push(gateway: ClusterGateway, name: string, stop: () => boolean, sent: Sent[]): Promise<void> {
  for (let batch = 0; !stop(); batch++) {
    const ids = Array.from({ length: 10 }, (_, i) => `${name}-${batch}-${i}`);
    const at = Date.now() - 1000;
    const events = ids.map((eventId) => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId: 'lis-email-es', at }));
    try {
      const response = await fetch(`${gateway.url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json()) as { code?: string };
      sent.push({ ids, to: gateway, status: response.status, ...(body.code ? { code: body.code } : {}), retryAfter: response.headers.get('retry-after'), answeredAt: Date.now() });
    } catch {
      sent.push({ ids, to: gateway, status: 'no answer', answeredAt: Date.now() });
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

describe('ingest on the standbys while the evaluating gateway is SIGKILLed', () => {
  it('answers 200 or a retryable 503 naming why, and every acknowledged event is in exactly one store', async () => {
    const dead = await world.evaluator();
    const standbys = world.gateways.filter((g) => g !== dead);
    const sent: Sent[] = [];
    let stopping = false;
    const pushers = standbys.map((g, i) => push(g, `s${i}`, () => stopping, sent));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = Date.now();
    await killHard(dead);
    const next = await world.evaluator(15_000);
    const tookOverAt = Date.now();
    // Both pushers see the new evaluator take their batches for a while.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    stopping = true;
    await Promise.all(pushers);

    // Before the kill, the standbys handed batches on and the evaluator acknowledged them.
    const before = sent.filter((s) => s.answeredAt < killedAt);
    expect(before.length).toBeGreaterThan(4);
    expect(before.every((s) => s.status === 200), JSON.stringify(before.filter((s) => s.status !== 200).map((s) => [s.status, s.code]))).toBe(true);
    // Meanwhile: 200, or 503 with Retry-After naming why; never an error or a silence (both standbys lived).
    const refused = sent.filter((s) => s.status !== 200);
    for (const s of refused) {
      expect(s.status).toBe(503);
      expect(s.code).toBe('no-evaluator');
      expect(s.retryAfter).toBe('2');
    }
    expect(refused.length).toBeGreaterThan(0);
    // After the takeover, both standing-by gateways' pushers were acknowledged again (one of them is the new evaluator).
    const after = sent.filter((s) => s.answeredAt > tookOverAt + 500);
    for (const gateway of standbys) expect(after.some((s) => s.to === gateway && s.status === 200), `${gateway.url} acknowledged after the takeover`).toBe(true);

    // Every acknowledged event was committed by the gateway that evaluated when it answered, and by that one only:
    // the dead one's store holds those of before its death, the new evaluator's those of after.
    const stores = [storedIds(dead), storedIds(next)];
    const acknowledged = sent.filter((s) => s.status === 200).flatMap((s) => s.ids);
    const inStores = (id: string) => stores.filter((ids) => ids.has(id)).length;
    expect(acknowledged.filter((id) => inStores(id) !== 1)).toEqual([]);
    for (const s of before) for (const id of s.ids) expect(stores[0]!.has(id)).toBe(true);
    for (const s of after.filter((a) => a.status === 200)) for (const id of s.ids) expect(stores[1]!.has(id)).toBe(true);
    // A refused batch is in no store or, when its answer was lost on the way, in one: a retry counts once.
    expect(refused.flatMap((s) => s.ids).filter((id) => inStores(id) > 1)).toEqual([]);
    // The third gateway never applied anything itself.
    const third = standbys.find((g) => g !== next)!;
    expect(storedIds(third).size).toBe(0);
  });
});
