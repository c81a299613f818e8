import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { httpFrom } from '../support/http-from';

// Issue 15, attack 2: a WebSocket upgrade with Origin: http://evil.example got the session and the full snapshot.
const INGEST = 'origins-test-ingest-key';
const config = GatewayConfigSchema.parse({
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [{ id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } }],
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST), queues: ['chat'] }] },
  auth: { tokens: [{ name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') }] },
});

const gateways: Gateway[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

async function start() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const gateway = createGateway({ config, sources: [], clock: time, scheduler: time, logger: silentLogger, store: null, rendererDir: 'dist/renderer', allowedOrigins: ['http://wall-dev.example:5173'] });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { gateway, time, url: `http://127.0.0.1:${port}` };
}

function open(url: string, origin: string | null, token?: string): TestSocket {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'wall', ...(token ? { token } : {}) }, { origin });
  sockets.push(socket);
  return socket;
}
const outcome = (socket: TestSocket) =>
  new Promise<string>((resolve) => {
    socket.once('snapshot', () => resolve('snapshot'));
    socket.once('connect_error', (error) => resolve(`refused: ${(error as { data?: { code: string } }).data?.code ?? error.message}`));
  });

describe('the origin allow-list', () => {
  it('refuses a WebSocket upgrade from another site before sending it anything', async () => {
    const { url, gateway } = await start();
    expect(await outcome(open(url, 'http://evil.example'))).toBe('refused: websocket error');
    expect(gateway.stats.refusedHandshakes.get('origin-not-allowed')).toBe(1);
    expect(gateway.stats.connectedClients).toBe(0);
  });

  it('says which origin was refused and where to allow it', async () => {
    const { url } = await start();
    const answer = await httpFrom(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(answer.status).toBe(403);
    expect(answer.json().message).toBe(
      'origin-not-allowed: Pages from origin http://evil.example may not use this gateway: if it is yours, add it to QUEUEBOARD_ALLOWED_ORIGINS (comma-separated origins such as https://wall.example:8443).',
    );
  });

  it("lets in the gateway's own page, the app, configured origins, and a same-origin request without Origin", async () => {
    const { url } = await start();
    expect(await outcome(open(url, url))).toBe('snapshot');
    expect(await outcome(open(url, 'app://queueboard'))).toBe('snapshot');
    expect(await outcome(open(url, 'http://wall-dev.example:5173'))).toBe('snapshot');
    const polling = await httpFrom(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(polling.status).toBe(200);
    expect((await httpFrom(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('asks a client that is no web page (no Origin) for a token', async () => {
    const { url } = await start();
    expect(await outcome(open(url, null))).toBe('refused: unauthorized');
    const withToken = open(url, null, 'marta-token');
    expect(await nextEvent(withToken, 'session')).toEqual({ role: 'manager', name: 'Marta Silva' });
  });

  it('refuses threshold imports and ingest from another site, even with a valid credential', async () => {
    const { url, time } = await start();
    const evil = { origin: 'http://evil.example' };
    const put = await httpFrom(`${url}/api/v1/thresholds`, {
      method: 'PUT',
      headers: { ...evil, authorization: 'Bearer marta-token', 'if-match': '"0"' },
      body: { format: 'queueboard-thresholds', version: 1, exportedAt: '2026-11-24T10:00:00Z', overrides: [] },
    });
    expect(put.status).toBe(403);
    expect(put.json()).toMatchObject({ code: 'origin-not-allowed' });
    const reading = await httpFrom(`${url}/api/v1/queues/chat/readings`, { method: 'POST', headers: { ...evil, authorization: `Bearer ${INGEST}` }, body: { at: time.now(), backlog: 9 } });
    expect(reading.status).toBe(403);
    expect(reading.json().error).toMatch(/origin http:\/\/evil\.example .*QUEUEBOARD_ALLOWED_ORIGINS/);
    // The same calls from a script (no Origin) with their credentials go through.
    expect((await httpFrom(`${url}/api/v1/queues/chat/readings`, { method: 'POST', headers: { authorization: `Bearer ${INGEST}` }, body: { at: time.now(), backlog: 9 } })).status).toBe(200);
  });
});
