import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { io } from 'socket.io-client';
import { gatewayHarness } from '../support/fake-time-gateway';
import { nextEvent, type TestSocket } from '../support/gateway-harness';
import { oneOfficeConfig } from '../support/one-office';

const INGEST = 'access-test-ingest-key';
const config = (anonymous: 'display' | 'none') =>
  GatewayConfigSchema.parse({
    ...oneOfficeConfig(),
    ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST) }] },
    auth: {
      anonymous,
      maxFailuresPerMinute: 5,
      tokens: [
        { name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') },
        { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
        { name: 'Lisbon floor', role: 'display', sha256: hashKey('wall-token') },
        { name: 'Stolen laptop', role: 'manager', sha256: hashKey('stolen-token'), revoked: true },
      ],
    },
  });

const harness = gatewayHarness();
const { sockets } = harness;
const start = (anonymous: 'display' | 'none' = 'display') => harness.start({ config: config(anonymous) });
const open = (url: string, auth: Record<string, unknown>): TestSocket => harness.connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', ...auth });
const refusal = (socket: TestSocket) => new Promise<{ message: string; data?: { code: string } }>((resolve) => socket.once('connect_error', (e) => resolve(e as never)));

/** Every command above display, with a request that would be valid for the right role. */
const COMMANDS: Array<[event: string, role: 'lead' | 'manager', request: unknown]> = [
  ['alert:acknowledge', 'lead', { alertId: 'a-1' }],
  ['alert:snooze', 'lead', { alertId: 'a-1', until: Date.UTC(2026, 10, 24, 11) }],
  ['thresholds:save', 'manager', { changes: [{ key: { scope: 'queue', scopeId: 'chat', metric: 'backlog' }, value: { warning: 1, critical: 2 }, expectedVersion: null }] }],
  ['thresholds:import', 'manager', { file: { format: 'queueboard-thresholds', version: 1, exportedAt: '2026-11-24T10:00:00Z', overrides: [] }, expectedRevision: 0 }],
  ['audit:list', 'manager', {}],
  ['audit:revert', 'manager', { auditId: 1 }],
];

describe('access over sockets', () => {
  it('a display (with or without a token) is refused every lead and manager command; a lead every manager command', async () => {
    const { gateway, url } = await start();
    const screens = { anonymous: open(url, {}), wall: open(url, { token: 'wall-token' }), lead: open(url, { token: 'ana-token' }) };
    await Promise.all(Object.values(screens).map((s) => nextEvent(s, 'snapshot')));
    for (const [event, needs, request] of COMMANDS) {
      for (const [who, socket] of Object.entries(screens)) {
        if (who === 'lead' && needs === 'lead') continue;
        const answer = await (socket as unknown as { emitWithAck(e: string, r: unknown): Promise<{ ok: boolean; code: string; issues: string[] }> }).emitWithAck(event, request);
        expect(answer, `${event} from ${who}`).toMatchObject({ ok: false, code: 'forbidden' });
        expect(answer.issues[0]).toMatch(new RegExp(`^${event}: needs the ${needs} role`));
      }
    }
    expect(gateway.thresholds.overrides).toEqual([]);
    expect(gateway.stats.rejectedMessages.get('thresholds:import:forbidden')).toBe(3);
  });

  it('a role claimed in the handshake is ignored: only the token decides', async () => {
    const { url } = await start();
    const claims = open(url, { role: 'manager', name: 'Marta Silva', token: 'ana-token', __proto__: { role: 'manager' } });
    expect(await nextEvent(claims, 'session')).toEqual({ role: 'lead', name: 'Ana Costa' });
    const answer = await (claims as unknown as { emitWithAck(e: string, r: unknown): Promise<{ code: string }> }).emitWithAck('audit:list', {});
    expect(answer.code).toBe('forbidden');
  });

  it('takes the token from the handshake auth only: a token in the query string gives no role', async () => {
    const { url } = await start();
    const viaQuery = io(url, { query: { token: 'marta-token' }, auth: { protocol: PROTOCOL_VERSION, client: 'settings' }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: url } });
    sockets.push(viaQuery as TestSocket);
    expect(await nextEvent(viaQuery as TestSocket, 'session')).toEqual({ role: 'display', name: 'anonymous display' });
    const strict = await start('none');
    const refused = io(strict.url, { query: { token: 'marta-token' }, auth: { protocol: PROTOCOL_VERSION, client: 'settings' }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: strict.url } });
    sockets.push(refused as TestSocket);
    expect((await refusal(refused as TestSocket)).data?.code).toBe('unauthorized');
  });

  it('refuses no token (where one is needed), an oversized or non-string token, and a revoked one', async () => {
    const { url, gateway } = await start('none');
    expect((await refusal(open(url, {}))).data?.code).toBe('unauthorized');
    expect((await refusal(open(url, { token: 'm'.repeat(10_000) }))).data?.code).toBe('bad-handshake');
    expect((await refusal(open(url, { token: { $ne: '' } }))).data?.code).toBe('bad-handshake');
    expect((await refusal(open(url, { token: 'stolen-token' }))).data?.code).toBe('revoked-token');
    expect(Object.fromEntries(gateway.stats.refusedHandshakes)).toEqual({ unauthorized: 1, 'bad-handshake': 2, 'revoked-token': 1 });
  });
});

describe('access over HTTP', () => {
  const call = (url: string, path: string, init: RequestInit = {}) => fetch(`${url}${path}`, init);
  const put = (token: string | null): RequestInit => ({
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'if-match': '"0"', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ format: 'queueboard-thresholds', version: 1, exportedAt: '2026-11-24T10:00:00Z', overrides: [] }),
  });

  it('refuses a lead importing thresholds, a token in the query string, an oversized token and a revoked one', async () => {
    const { url } = await start('none');
    const lead = await call(url, '/api/v1/thresholds', put('ana-token'));
    expect(lead.status).toBe(403);
    expect((await lead.json()).error).toBe('needs the manager role; the token of "Ana Costa" has the lead role');
    expect((await call(url, '/api/v1/thresholds?token=marta-token&access_token=marta-token', put(null))).status).toBe(401);
    expect((await call(url, '/api/v1/thresholds?token=marta-token')).status).toBe(401);
    expect((await call(url, '/api/v1/audit', { headers: { authorization: `Bearer ${'m'.repeat(8000)}` } })).status).toBe(401);
    const revoked = await call(url, '/api/v1/audit', { headers: { authorization: 'Bearer stolen-token' } });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).code).toBe('revoked-token');
  });

  it('rate-limits repeated failures on the admin API and the ingest API alike, never the valid credential', async () => {
    const { url, time } = await start();
    for (let i = 0; i < 5; i++) expect((await call(url, '/api/v1/audit', { headers: { authorization: `Bearer guess-${i}` } })).status).toBe(401);
    const limited = await call(url, '/api/v1/audit', { headers: { authorization: 'Bearer guess-9' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).retryAfter).toBe(Number(limited.headers.get('retry-after')));
    expect((await call(url, '/api/v1/audit', { headers: { authorization: 'Bearer marta-token' } })).status).toBe(200);
    const ingest = (key: string) =>
      call(url, '/api/v1/queues/chat/readings', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ at: time.now(), backlog: 1 }) });
    expect((await ingest(INGEST)).status).toBe(200);
    expect((await ingest('wrong-key-0')).status).toBe(429);
  });
});
