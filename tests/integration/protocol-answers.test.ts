import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';

// What a third party building clients from the README found wrong (issue 14, part 5).
const config = GatewayConfigSchema.parse({
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [{ id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } }],
  auth: {
    anonymous: 'display',
    tokens: [
      { name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') },
      { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
    ],
  },
});

const gateways: Gateway[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

async function start() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const gateway = createGateway({ config, sources: [], clock: time, scheduler: time, logger: silentLogger, store: null, rendererDir: 'dist/renderer' });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { gateway, url: `http://127.0.0.1:${port}` };
}

async function open(url: string, token?: string): Promise<TestSocket> {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', ...(token ? { token } : {}) });
  sockets.push(socket);
  await nextEvent(socket, 'snapshot');
  return socket;
}

describe('protocol answers', () => {
  it('answers 401 with a challenge, not 403, to a threshold import sent without a token', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/v1/thresholds`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': '"0"' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="queueboard"');
    expect(await response.json()).toEqual({ code: 'unauthorized', error: "needs the manager role: send Authorization: Bearer <token> with a manager's token" });
  });

  it('labels connected screens in /metrics by the role of their token', async () => {
    const { url } = await start();
    await Promise.all([open(url), open(url, 'ana-token'), open(url, 'marta-token'), open(url, 'marta-token')]);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('queueboard_connected_clients{client="desk",role="display"} 1');
    expect(metrics).toContain('queueboard_connected_clients{client="desk",role="lead"} 1');
    expect(metrics).toContain('queueboard_connected_clients{client="desk",role="manager"} 2');
    expect(metrics).not.toMatch(/role tokens do not exist|Until role tokens exist/);
  });

  it('counts a command over the size limit in /metrics when it closes the connection', async () => {
    const { url } = await start();
    const lead = await open(url, 'ana-token');
    const closed = new Promise((resolve) => lead.once('disconnect', resolve));
    lead.emit('alert:acknowledge', { alertId: 'a-1', note: 'x'.repeat(MAX_MESSAGE_BYTES) }, () => undefined);
    await closed;
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('queueboard_clients_dropped{reason="message-too-large"} 1');
  });

  it('refuses history for a queue it does not have, naming the field, as ingest does', async () => {
    const { url } = await start();
    const wall = await open(url);
    const answer = await wall.timeout(5000).emitWithAck('history', { spanMs: 3_600_000, metrics: ['backlog'], queueIds: ['chat', 'nowhere'] });
    expect(answer).toEqual({ ok: false, issues: ['queueIds[1]: "nowhere" is not a configured queue'] });
    expect(await wall.timeout(5000).emitWithAck('history', { spanMs: 3_600_000, metrics: ['backlog'], queueIds: ['chat'] })).toMatchObject({ ok: true });
    expect(await wall.timeout(5000).emitWithAck('history', { spanMs: 30_000, metrics: ['backlog'] })).toEqual({ ok: false, issues: ['spanMs: must be at least 60000 (one minute, in ms)'] });
  });

  it('says what a threshold key allows when its scopeId or profile is wrong', async () => {
    const { url } = await start();
    const manager = await open(url, 'marta-token');
    const key = { scope: 'default', scopeId: null, metric: 'backlog', profile: null };
    const answer = await manager.timeout(5000).emitWithAck('thresholds:save', { changes: [{ key: key as never, value: { warning: 1, critical: 2 }, expectedVersion: null }] });
    expect(answer).toEqual({
      ok: false,
      code: 'invalid',
      issues: [
        'changes[0].key.scopeId: must be "" for the default scope, or an office or queue id (a lowercase slug: a-z, 0-9 and "-", up to 63 characters)',
        'changes[0].key.profile: must be "" for no profile, or a profile id (a lowercase slug: a-z, 0-9 and "-", up to 63 characters)',
      ],
    });
  });
});
