import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { raiseBacklogAlerts } from '../support/backlog-alerts';
import { startClusterWorld, type ClusterGateway, type ClusterWorld } from '../support/cluster-world';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { openPgClient, startRealPostgres, type RealPostgres } from '../support/real-postgres';

// A person's command on a shared store is answered once PostgreSQL has committed it (issue 21): an
// "acknowledged" or "saved" seen on a desk is in the record a gateway taking over starts from.
let postgres: RealPostgres;
let world: ClusterWorld;
let db: pg.Client;
let evaluator: ClusterGateway;
let standby: ClusterGateway;
let queueIds: string[];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  postgres = await startRealPostgres();
  world = await startClusterWorld(2, { QUEUEBOARD_STORE: postgres.url });
  db = await openClient();
  evaluator = await world.evaluator();
  standby = world.gateways.find((g) => g !== evaluator)!;
  const lead = screen(evaluator, 'desk', 'demo-lead-token');
  queueIds = (await nextEvent(lead, 'snapshot', 15_000)).queues.map((q) => q.id);
}, 90_000);
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await db?.end().catch(() => undefined);
  await world?.close();
  await postgres?.close();
});

/** The test's own look into PostgreSQL. */
const openClient = () => openPgClient(postgres.url);

function screen(gateway: ClusterGateway, client: 'desk' | 'settings', token: string): TestSocket {
  const socket = connect(gateway.url, { protocol: PROTOCOL_VERSION, client, token }, { origin: null });
  sockets.push(socket);
  return socket;
}

/**
 * Holds the write queue's next transaction for `ms`: a second connection locks `table` against writes (reads go
 * on), as a PostgreSQL that is slow to commit would. Resolves once the lock is released.
 */
async function holdWrites(table: string, ms: number): Promise<{ released: Promise<void> }> {
  const locker = await openClient();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  const released = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(async () => {
    await locker.query('COMMIT');
    await locker.end();
  });
  return { released };
}

/** Sends a command and, the moment its answer arrives, reads PostgreSQL: what the answer said beside what the record held then. */
async function answeredThenRead<A>(send: () => Promise<A>, sql: string, params: unknown[]): Promise<{ answer: A; rows: unknown[]; ms: number }> {
  const started = performance.now();
  const answer = await send();
  const ms = performance.now() - started;
  const rows = (await db.query(sql, params)).rows;
  return { answer, rows, ms };
}

const ingest = (gateway: ClusterGateway, events: unknown[]) =>
  fetch(`${gateway.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(10_000),
  });

const change = (queueId: string, warning: number) => ({
  changes: [{ key: { scope: 'queue' as const, scopeId: queueId, metric: 'oldestWaitingSeconds' as const }, value: { warning, critical: warning * 2 }, expectedVersion: null }],
});
const THRESHOLD_SQL = "SELECT warning FROM thresholds WHERE scope = 'queue' AND scope_id = $1 AND metric = 'oldestWaitingSeconds'";

describe('a person\'s command on a PostgreSQL store', () => {
  it('answers ok only once PostgreSQL holds the change: on the evaluating gateway and through a standby\'s relay', async () => {
    for (const [gateway, queueId, warning] of [[evaluator, queueIds[1]!, 4321], [standby, queueIds[2]!, 5432]] as const) {
      const manager = screen(gateway, 'settings', 'demo-manager-token');
      await nextEvent(manager, 'thresholds', 15_000);
      // PostgreSQL slow to commit for 300 ms: the answer waits for it (the old gateway answered at once).
      const { released } = await holdWrites('thresholds', 300);
      const saved = await answeredThenRead(() => manager.emitWithAck('thresholds:save', change(queueId, warning)), THRESHOLD_SQL, [queueId]);
      await released;
      expect(saved.answer, `${JSON.stringify(saved.answer)}\n${evaluator.output().slice(-2000)}`).toMatchObject({ ok: true });
      expect(saved.rows).toEqual([{ warning }]);
      expect(saved.ms).toBeGreaterThanOrEqual(280);
    }
  }, 60_000);

  it('answers an admin API import (PUT /api/v1/thresholds) through a standby only once PostgreSQL holds it', async () => {
    const call = (method: 'GET' | 'PUT', body?: unknown, etag?: string) =>
      fetch(`${standby.url}/api/v1/thresholds`, {
        method,
        headers: { authorization: 'Bearer demo-manager-token', ...(body ? { 'content-type': 'application/json' } : {}), ...(etag ? { 'if-match': etag } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
    const exported = await call('GET');
    const file = (await exported.json()) as { overrides: unknown[] };
    const queueId = queueIds[4]!;
    const override = { scope: 'queue', scopeId: queueId, metric: 'oldestWaitingSeconds', profile: '', warning: 7654, critical: 15308, pendingSeconds: null, recoverySeconds: null };
    const { released } = await holdWrites('thresholds', 300);
    const saved = await answeredThenRead(() => call('PUT', { ...file, overrides: [...file.overrides, override] }, exported.headers.get('etag')!), THRESHOLD_SQL, [queueId]);
    await released;
    expect(saved.answer.status, await saved.answer.clone().text()).toBe(200);
    expect(saved.rows).toEqual([{ warning: 7654 }]);
    expect(saved.ms).toBeGreaterThanOrEqual(280);
  }, 60_000);

  it('no commit within 2 s: refused with store-pending, saying the change stands; it reaches PostgreSQL once the commit can be made', async () => {
    const manager = screen(standby, 'settings', 'demo-manager-token');
    await nextEvent(manager, 'thresholds', 15_000);
    const queueId = queueIds[3]!;
    const { released } = await holdWrites('thresholds', 3500);
    const saved = await answeredThenRead(() => manager.emitWithAck('thresholds:save', change(queueId, 6543)), THRESHOLD_SQL, [queueId]);
    expect(saved.answer).toEqual({ ok: false, code: 'store-pending', issues: [expect.stringContaining('thresholds:save: made on the evaluating gateway and shown on the screens, but not yet saved in the shared store')] });
    expect(saved.rows).toEqual([]);
    expect(saved.ms).toBeGreaterThanOrEqual(1900);
    await released;
    const deadline = Date.now() + 5000;
    while ((await db.query(THRESHOLD_SQL, [queueId])).rows.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.query(THRESHOLD_SQL, [queueId])).rows).toEqual([{ warning: 6543 }]);
  }, 60_000);

  it('PostgreSQL stopped: an acknowledgement is refused with store-unavailable and not made; once it is back, ok comes after the commit', async () => {
    const manager = screen(evaluator, 'settings', 'demo-manager-token');
    const lead = screen(evaluator, 'desk', 'demo-lead-token');
    const standbyLead = screen(standby, 'desk', 'demo-lead-token');
    const [snapshot] = await Promise.all([nextEvent(lead, 'snapshot', 15_000), nextEvent(manager, 'thresholds', 15_000)]);
    const open = await raiseBacklogAlerts({ url: evaluator.url, lead, manager, snapshot });
    const openAlert = async (): Promise<string> => {
      const deadline = Date.now() + 15_000;
      while (open.size === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const alertId = [...open.keys()].at(-1);
      if (!alertId) throw new Error('no open backlog alert within 15 s');
      return alertId;
    };
    await openAlert();

    await postgres.stop();
    // The ingest API finds PostgreSQL gone first (its 503): from then on the gateway knows, and says so at once.
    const refused = await ingest(evaluator, [{ eventId: `cc-${Date.now()}`, type: 'created', ticketId: 'cc-t1', queueId: queueIds[0], at: new Date().toISOString() }]);
    expect(refused.status).toBe(503);
    const alertId = await openAlert();
    for (const socket of [lead, standbyLead]) {
      expect(await socket.emitWithAck('alert:acknowledge', { alertId, note: 'on it' })).toEqual({
        ok: false, code: 'store-unavailable', issues: [expect.stringMatching(/^alert:acknowledge: nothing was changed: the PostgreSQL store cannot be reached/)],
      });
    }
    const resynced = nextEvent(lead, 'snapshot', 5000);
    lead.emit('resync');
    expect((await resynced).alerts.find((alert) => alert.id === alertId)?.acknowledged).toBeFalsy();

    await postgres.start();
    await db.end().catch(() => undefined);
    db = await openClient();
    const ACK_SQL = 'SELECT acknowledged_by, ack_note FROM alerts WHERE id = $1';
    // The pool finds PostgreSQL again at its next attempt (within a second): until then the refusal stands.
    const acknowledge = async () => {
      const id = await openAlert();
      return { id, ...(await answeredThenRead(() => standbyLead.emitWithAck('alert:acknowledge', { alertId: id, note: 'on it' }), ACK_SQL, [id])) };
    };
    let acknowledged = await acknowledge();
    for (let tries = 0; tries < 20 && !acknowledged.answer.ok; tries++) {
      // An alert resolved between choosing it and acknowledging it is not-found: another is chosen.
      expect(acknowledged.answer).toMatchObject({ ok: false, code: expect.stringMatching(/^(store-unavailable|store-pending|not-found)$/) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      acknowledged = await acknowledge();
    }
    expect(acknowledged.answer).toMatchObject({ ok: true });
    expect(acknowledged.rows).toEqual([{ acknowledged_by: 'Ana Costa', ack_note: 'on it' }]);
  }, 90_000);
});
