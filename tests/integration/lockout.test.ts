import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { httpFrom } from '../support/http-from';

// Issue 15, attack 1: one stale token blacked out every wall and stopped ingest behind the same address.
const INGEST = 'lockout-test-ingest-key';
const config = (trustedProxies: string[] = []) =>
  GatewayConfigSchema.parse({
    version: 1,
    offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
    queues: [{ id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } }],
    ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST), queues: ['chat'] }] },
    auth: {
      maxFailuresPerMinute: 10,
      trustedProxies,
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

async function start(trustedProxies?: string[]) {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const gateway = createGateway({ config: config(trustedProxies), sources: [], clock: time, scheduler: time, logger: silentLogger, store: null, rendererDir: 'dist/renderer' });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { time, url: `http://127.0.0.1:${port}` };
}

function open(url: string, token: string | undefined, localAddress: string): TestSocket {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'wall', ...(token ? { token } : {}) }, { localAddress });
  sockets.push(socket);
  return socket;
}
const refusal = (socket: TestSocket) =>
  new Promise<{ code: string; retryAfter?: number }>((resolve) => socket.once('connect_error', (e) => resolve((e as { data: { code: string; retryAfter?: number } }).data)));

describe('failure limits punish only the failing credential', () => {
  it('after twelve bad tokens from one address, the valid manager token, ingest key, a lead socket and an anonymous wall there all still work', async () => {
    const { url, time } = await start();
    const from = '127.0.0.2';
    for (let i = 0; i < 6; i++) expect((await refusal(open(url, `stale-${i}`, from))).code).toBe('bad-token');
    for (let i = 6; i < 12; i++) {
      const answer = await httpFrom(`${url}/api/v1/audit`, { headers: { authorization: `Bearer stale-${i}` }, localAddress: from });
      expect(answer.status).toBe(i < 10 ? 401 : 429);
    }
    // The guesser itself is slowed down, told for how long, on both doors.
    const limited = await refusal(open(url, 'stale-99', from));
    expect(limited).toMatchObject({ code: 'too-many-attempts' });
    expect(limited.retryAfter).toBeGreaterThan(0);

    expect((await httpFrom(`${url}/api/v1/audit`, { headers: { authorization: 'Bearer marta-token' }, localAddress: from })).status).toBe(200);
    const reading = await httpFrom(`${url}/api/v1/queues/chat/readings`, { method: 'POST', headers: { authorization: `Bearer ${INGEST}` }, body: { at: time.now(), backlog: 3 }, localAddress: from });
    expect(reading.status).toBe(200);
    expect(await nextEvent(open(url, 'ana-token', from), 'session')).toEqual({ role: 'lead', name: 'Ana Costa' });
    expect(await nextEvent(open(url, undefined, from), 'session')).toEqual({ role: 'display', name: 'anonymous display' });
    // Another address is not punished for the first one's guesses.
    expect((await refusal(open(url, 'stale-99', '127.0.0.3'))).code).toBe('bad-token');
  });

  it('a token that keeps failing is refused from every address, with the seconds to wait', async () => {
    const { url } = await start();
    for (let i = 0; i < 10; i++) expect((await refusal(open(url, 'old-laptop-token', `127.0.1.${i + 1}`))).code).toBe('bad-token');
    const limited = await refusal(open(url, 'old-laptop-token', '127.0.2.1'));
    expect(limited.code).toBe('too-many-attempts');
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(60);
  });

  it('believes X-Forwarded-For only from a trusted proxy, so clients behind one proxy are counted apart', async () => {
    const guess = (url: string, forwardedFor: string, i: number) =>
      httpFrom(`${url}/api/v1/audit`, { headers: { authorization: `Bearer guess-${i}`, 'x-forwarded-for': forwardedFor }, localAddress: '127.0.0.5' });
    const behindProxy = await start(['loopback']);
    for (let i = 0; i < 10; i++) expect((await guess(behindProxy.url, '203.0.113.7', i)).status).toBe(401);
    expect((await guess(behindProxy.url, '203.0.113.7', 50)).status).toBe(429);
    expect((await guess(behindProxy.url, '203.0.113.8', 51)).status).toBe(401);
    // Without trusted proxies the header is ignored: a client cannot dodge its limit by writing one.
    const direct = await start();
    for (let i = 0; i < 10; i++) expect((await guess(direct.url, `198.51.100.${i}`, i)).status).toBe(401);
    expect((await guess(direct.url, '198.51.100.200', 60)).status).toBe(429);
  });

  it('refuses a trusted proxy that is not an address, a range or a known name, naming the field', () => {
    const result = GatewayConfigSchema.safeParse({ ...config(), auth: { trustedProxies: ['the-office-proxy'] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['auth', 'trustedProxies', 0] });
    expect(result.error!.issues[0]!.message).toMatch(/use an address/);
  });
});
