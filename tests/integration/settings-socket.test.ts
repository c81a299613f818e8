import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import type { ThresholdState } from '../../shared/protocol/admin-protocol';
import { PROTOCOL_VERSION, type Update } from '../../shared/protocol/protocol';
import { gatewayHarness } from '../support/fake-time-gateway';
import { nextEvent, type TestSocket } from '../support/gateway-harness';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const INGEST = 'settings-integration-ingest';
const config = GatewayConfigSchema.parse({
  ...oneOfficeConfig([lisbonQueue({ staleAfterSeconds: 3600 })]),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST) }] },
  auth: {
    anonymous: 'display',
    maxFailuresPerMinute: 5,
    tokens: [
      { name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') },
      { name: 'João Reis', role: 'manager', sha256: hashKey('joao-token') },
      { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
      { name: 'Lisbon floor', role: 'display', sha256: hashKey('wall-token') },
      { name: 'Stolen laptop', role: 'manager', sha256: hashKey('stolen-token'), revoked: true },
    ],
  },
});

const harness = gatewayHarness();
const { gateways } = harness;
const start = () => harness.start({ config, dataDir: 'temp' });

function open(url: string, token?: string, client = 'settings'): TestSocket {
  return harness.connect(url, { protocol: PROTOCOL_VERSION, client, ...(token ? { token } : {}) });
}

const refusalOf = (socket: TestSocket) =>
  new Promise<{ message: string; data?: { code: string } }>((resolve) => socket.once('connect_error', (e) => resolve(e as never)));

const chatBacklog = { scope: 'queue', scopeId: 'chat', metric: 'backlog' } as const;

describe('threshold changes over real sockets, by role', () => {
  it('a manager saves; every screen gets the thresholds and the new health within a second; a lead is refused', async () => {
    const { url, time } = await start();
    await fetch(`${url}/api/v1/queues/chat/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
      body: JSON.stringify({ at: time.now(), backlog: 60 }),
    });
    time.advance(1000);
    const manager = open(url, 'marta-token');
    const wall = open(url, undefined, 'wall');
    const lead = open(url, 'ana-token', 'desk');
    const [managerSession, wallSession] = await Promise.all([
      nextEvent(manager, 'session'),
      nextEvent(wall, 'session'),
      nextEvent(manager, 'snapshot'),
      nextEvent(wall, 'snapshot'),
      nextEvent(lead, 'snapshot'),
    ]);
    expect(managerSession).toEqual({ role: 'manager', name: 'Marta Silva' });
    expect(wallSession).toEqual({ role: 'display', name: 'anonymous display' });
    expect(gateways[0]!.snapshot().states[0]!.health.status).toBe('ok'); // chat backlog warning is 90 by default

    const refused = await lead.emitWithAck('thresholds:save', { changes: [{ key: chatBacklog, value: { warning: 40, critical: 50 }, expectedVersion: null }] });
    expect(refused).toEqual({ ok: false, code: 'forbidden', issues: ["thresholds:save: needs the manager role; this screen's token (Ana Costa) has the lead role"] });
    expect(gateways[0]!.thresholds.overrides).toEqual([]);

    const started = performance.now();
    const thresholdsSeen = nextEvent(wall, 'thresholds');
    const healthSeen = new Promise<Update>((resolve) => wall.on('update', (u) => u.changes.some((c) => c.health?.status === 'critical') && resolve(u)));
    const saved = await manager.emitWithAck('thresholds:save', { changes: [{ key: chatBacklog, value: { warning: 40, critical: 50 }, expectedVersion: null }] });
    expect(saved).toMatchObject({ ok: true, applied: 1 });
    const state: ThresholdState = await thresholdsSeen;
    await healthSeen;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(state.overrides).toEqual([expect.objectContaining({ ...chatBacklog, warning: 40, critical: 50, version: 1, updatedBy: 'Marta Silva' })]);

    // A second manager working from the old version is told, not silently overwritten.
    const other = open(url, 'joao-token');
    await nextEvent(other, 'snapshot');
    const conflict = await other.emitWithAck('thresholds:save', { changes: [{ key: chatBacklog, value: { warning: 70, critical: 95 }, expectedVersion: null }] });
    expect(conflict).toMatchObject({ ok: false, code: 'conflict' });

    const audit = await manager.emitWithAck('audit:list', { limit: 10 });
    expect(audit.ok && audit.entries.map((e) => [e.actor, e.action, e.revertible])).toEqual([['Marta Silva', 'threshold.put', true]]);
    expect(await lead.emitWithAck('audit:list', {})).toMatchObject({ ok: false, code: 'forbidden' });
    const revert = await manager.emitWithAck('audit:revert', { auditId: audit.ok ? audit.entries[0]!.id : 0 });
    expect(revert).toMatchObject({ ok: true, applied: 1 });
    expect(gateways[0]!.thresholds.overrides).toEqual([]);
  });

  it('refuses a wrong, revoked or missing token as it should, and then rate-limits the address', async () => {
    const { url, gateway } = await start();
    expect((await refusalOf(open(url, 'guess-1'))).data?.code).toBe('bad-token');
    const revoked = await refusalOf(open(url, 'stolen-token'));
    expect(revoked.data?.code).toBe('revoked-token');
    expect(revoked.message).toContain('Stolen laptop');
    // Too many failures from one address: the next unknown token waits out the minute, the right one does not.
    for (let i = 0; i < 3; i++) await refusalOf(open(url, `guess-${i + 2}`));
    const limited = await refusalOf(open(url, 'guess-9'));
    expect(limited.data?.code).toBe('too-many-attempts');
    expect((limited.data as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
    expect(await nextEvent(open(url, 'marta-token'), 'session')).toEqual({ role: 'manager', name: 'Marta Silva' });
    expect(Object.fromEntries(gateway.stats.refusedHandshakes)).toMatchObject({ 'bad-token': 4, 'revoked-token': 1, 'too-many-attempts': 1 });
  });

  it('exports and imports thresholds over HTTP with bearer tokens, checking role and revision', async () => {
    const { url } = await start();
    const call = (method: string, token: string | null, body?: unknown, ifMatch?: string) =>
      fetch(`${url}/api/v1/thresholds`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const exported = await call('GET', 'wall-token');
    expect(exported.status).toBe(200);
    const etag = exported.headers.get('etag')!;
    const file = await exported.json();
    expect(file).toMatchObject({ format: 'queueboard-thresholds', version: 1, overrides: [] });
    const next = { ...file, overrides: [{ ...chatBacklog, profile: '', warning: 30, critical: 60, pendingSeconds: 60, recoverySeconds: null }] };

    expect((await call('PUT', 'ana-token', next, etag)).status).toBe(403);
    expect((await call('PUT', 'nope', next, etag)).status).toBe(401);
    expect((await call('PUT', 'marta-token', next)).status).toBe(428);
    const bad = await call('PUT', 'marta-token', { ...next, overrides: [{ ...next.overrides[0], critical: 10 }] }, etag);
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues).toEqual(['file.overrides[0].warning: warning (30) must be below critical (10) when higher-is-worse']);
    const ok = await call('PUT', 'marta-token', next, etag);
    expect(ok.status).toBe(200);
    expect((await call('PUT', 'marta-token', next, etag)).status).toBe(409);
    const audit = await fetch(`${url}/api/v1/audit?limit=5`, { headers: { authorization: 'Bearer marta-token' } });
    expect((await audit.json()).entries[0]).toMatchObject({ actor: 'Marta Silva', action: 'threshold.import' });
    expect((await fetch(`${url}/api/v1/audit`, { headers: { authorization: 'Bearer wall-token' } })).status).toBe(403);
  });
});
