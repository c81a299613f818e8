import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { raiseBacklogAlerts } from '../support/backlog-alerts';
import { startClusterWorld, type ClusterWorld } from '../support/cluster-world';
import { until } from '../support/feed-screen';
import { connect, nextEvent } from '../support/gateway-harness';
import { killHard } from '../support/gateway-process';
import { openPgClient, startRealPostgres, type RealPostgres } from '../support/real-postgres';

// Two gateways on one Redis and one PostgreSQL store (QUEUEBOARD_STORE): what a person did under the evaluating
// gateway, and every event it acknowledged, is there after it is SIGKILLed and the other takes over.
let postgres: RealPostgres;
let world: ClusterWorld;
let db: pg.Client;

beforeAll(async () => {
  postgres = await startRealPostgres();
  world = await startClusterWorld(2, { QUEUEBOARD_STORE: postgres.url });
  db = await openClient();
}, 90_000);
afterAll(async () => {
  await db?.end().catch(() => undefined);
  await world?.close();
  await postgres?.close();
});

/** The test's own look into PostgreSQL. */
const openClient = () => openPgClient(postgres.url);

const ingest = (url: string, events: unknown[]) =>
  fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(10_000),
  });
const created = (eventId: string, queueId: string) => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId, at: new Date().toISOString() });
const inPostgres = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

describe('two gateways on one PostgreSQL store', () => {
  it('a threshold, an acknowledgement, the audit and acknowledged events made under A are there after A is SIGKILLed and B takes over', async () => {
    const a = await world.evaluator();
    const manager = connect(a.url, { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, { origin: null });
    const lead = connect(a.url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' }, { origin: null });
    let alertId = '';
    let queueIds: string[];
    try {
      // Both listened for at once: each arrives right after its connection.
      const [snapshot] = await Promise.all([nextEvent(lead, 'snapshot', 15_000), nextEvent(manager, 'thresholds', 15_000)]);
      queueIds = snapshot.queues.map((q) => q.id);
      // One chosen may be gone when its acknowledgement arrives (not-found): the newest is tried again.
      const open = await raiseBacklogAlerts({ url: a.url, lead, manager, snapshot });
      let answer: { ok: boolean; code?: string } = { ok: false };
      for (let tries = 0; tries < 30 && !answer.ok; tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 500));
        const newest = [...open.keys()].at(-1);
        if (!newest) continue;
        alertId = newest;
        answer = await lead.emitWithAck('alert:acknowledge', { alertId, note: 'on it' });
        if (!answer.ok) expect(answer.code).toBe('not-found');
      }
      expect(answer).toMatchObject({ ok: true });
    } finally {
      manager.disconnect();
      lead.disconnect();
    }
    const batch = [created('takeover-1', queueIds[0]!), created('takeover-2', queueIds[0]!)];
    const accepted = await ingest(a.url, batch);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ accepted: 2, duplicates: 0 });
    // Answered 200 only once committed in PostgreSQL: there now, before A dies.
    expect(await inPostgres("SELECT event_id FROM events WHERE event_id LIKE 'takeover-%' ORDER BY seq")).toEqual([{ event_id: 'takeover-1' }, { event_id: 'takeover-2' }]);
    // A person's command is answered ok only once committed (tests/cluster/command-commit.test.ts): there now too.
    expect(await inPostgres('SELECT id FROM alerts WHERE id = $1 AND acknowledged_by IS NOT NULL', [alertId])).toEqual([{ id: alertId }]);

    await killHard(a);
    const b = await world.evaluator(20_000);
    expect(b).not.toBe(a);
    const manager2 = connect(b.url, { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, { origin: null });
    const lead2 = connect(b.url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' }, { origin: null });
    try {
      const [thresholds, snapshot] = await Promise.all([nextEvent(manager2, 'thresholds', 15_000), nextEvent(lead2, 'snapshot', 15_000)]);
      expect(thresholds.overrides.filter((o) => o.metric === 'backlog' && o.warning === 0.5)).toHaveLength(queueIds.length);
      const alert = snapshot.alerts.find((x) => x.id === alertId);
      expect(alert?.acknowledged).toMatchObject({ by: 'Ana Costa', note: 'on it' });
      const audit = await manager2.emitWithAck('audit:list', { limit: 200 });
      const actions = (audit as { entries: Array<{ action: string }> }).entries.map((entry) => entry.action);
      expect(actions).toContain('alert.acknowledge');
      expect(actions.filter((action) => action === 'threshold.put')).toHaveLength(queueIds.length);
    } finally {
      manager2.disconnect();
      lead2.disconnect();
    }
    // The event log's idempotency keys carried over: the same batch sent again is counted once, cluster-wide.
    const again = await ingest(b.url, batch);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2 });
  }, 120_000);

  it('PostgreSQL stopped for 10 s: ingest answers 503 with Retry-After and a code; nothing acknowledged is lost', async () => {
    const evaluator = await world.evaluator();
    const queueId = 'lis-chat-pt';
    const acknowledged: string[] = [];
    const refusals: Array<{ retryAfter: string | null; code: string }> = [];
    let n = 0;
    let pushing = true;
    const pusher = (async () => {
      while (pushing) {
        const ids = [`down-${++n}-a`, `down-${n}-b`];
        try {
          const response = await ingest(evaluator.url, ids.map((id) => created(id, queueId)));
          if (response.status === 200) acknowledged.push(...ids);
          else if (response.status === 503) refusals.push({ retryAfter: response.headers.get('retry-after'), code: ((await response.json()) as { code: string }).code });
          else throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await until('a few batches acknowledged', () => acknowledged.length >= 6, 10_000);
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const beforeRestart = acknowledged.length;
    await postgres.start();
    await until('ingest acknowledged again', () => acknowledged.length > beforeRestart + 4, 20_000);
    pushing = false;
    await pusher;
    expect(refusals.length).toBeGreaterThan(10);
    expect(refusals.every((r) => r.code === 'store-unavailable' && r.retryAfter === '2')).toBe(true);
    expect(evaluator.child.exitCode).toBeNull();
    await db.end().catch(() => undefined);
    db = await openClient();
    const stored = new Set((await inPostgres("SELECT input_id FROM input_keys WHERE kind = 'event' AND input_id LIKE 'down-%'")).map((row) => row.input_id as string));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
