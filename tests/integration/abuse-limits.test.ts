import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger, type LogFields, type Logger } from '../../server/runtime/logger';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { httpFrom } from '../support/http-from';

// Issue 15, attack 7: 400 sockets from one address, 200,000 refused messages on a socket that stayed connected,
// one log line per refused handshake, and /metrics open to anyone.
const config = GatewayConfigSchema.parse({
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [{ id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } }],
  auth: { tokens: [{ name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') }] },
  limits: { connectionsPerAddress: 5, rejectedMessagesPerMinute: 20 },
});

const gateways: Gateway[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

async function start(logger: Logger = silentLogger, metricsToken: string | null = null) {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const gateway = createGateway({ config, sources: [], clock: time, scheduler: time, logger, store: null, rendererDir: 'dist/renderer', metricsToken });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { gateway, time, url: `http://127.0.0.1:${port}` };
}

function open(url: string, localAddress: string, token?: string): TestSocket {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'wall', ...(token ? { token } : {}) }, { localAddress });
  sockets.push(socket);
  return socket;
}
const outcome = (socket: TestSocket) =>
  new Promise<string>((resolve) => {
    socket.once('snapshot', () => resolve('snapshot'));
    socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
  });

describe('bounded abuse', () => {
  it('caps open sockets per address, counting a burst of handshakes, and frees a place when one closes', async () => {
    const { url } = await start();
    const burst = Array.from({ length: 12 }, () => open(url, '127.0.0.7'));
    const outcomes = await Promise.all(burst.map(outcome));
    expect(outcomes.filter((o) => o === 'snapshot')).toHaveLength(5);
    expect(outcomes.filter((o) => o.startsWith('refused'))).toHaveLength(7);
    expect(await outcome(open(url, '127.0.0.8'))).toBe('snapshot');
    burst.find((s) => s.connected)!.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outcome(open(url, '127.0.0.7'))).toBe('snapshot');
  });

  it('gives the place of a handshake that dies mid-upgrade back, so broken upgrades cannot use up the cap', async () => {
    const { url } = await start();
    const { port } = new URL(url);
    for (let i = 0; i < 8; i++) {
      await new Promise<void>((resolve) => {
        const tcp = createConnection({ host: '127.0.0.1', port: Number(port), localAddress: '127.0.0.11' }, () => {
          tcp.write(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${url}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not-a-key\r\n\r\n`);
        });
        tcp.on('data', () => tcp.destroy());
        tcp.on('close', () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outcome(open(url, '127.0.0.11'))).toBe('snapshot');
  });

  it('disconnects a socket that keeps sending refused messages, saying why', async () => {
    const { url, gateway } = await start();
    const socket = open(url, '127.0.0.9');
    await nextEvent(socket, 'snapshot');
    const issues: string[] = [];
    socket.on('rejected', (r) => issues.push(...r.issues));
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 40; i++) (socket as unknown as { emit(e: string): void }).emit(`nonsense-${i}`);
    expect(await gone).toBe('io server disconnect');
    expect(issues.at(-1)).toBe('disconnected: more than 20 refused messages in a minute; fix the client before it reconnects');
    expect(gateway.stats.droppedClients.get('too-many-rejected-messages')).toBe(1);
  });

  it('logs refused handshakes once per address per minute, with how many were refused since the last line', async () => {
    const lines: LogFields[] = [];
    const logger: Logger = { ...silentLogger, warn: (message, fields = {}) => void (message === 'handshake refused' && lines.push(fields)) };
    const { url, time } = await start(logger);
    const refuse = async (n: number) => {
      for (let i = 0; i < n; i++) await outcome(open(url, '127.0.0.10', `guess-${lines.length}-${i}`));
    };
    await refuse(30);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ address: '127.0.0.10', code: 'bad-token', refusedSinceLastLine: 1 });
    time.advance(60_000);
    await refuse(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ refusedSinceLastLine: 30 });
  });

  it('keeps /metrics behind QUEUEBOARD_METRICS_TOKEN when one is set', async () => {
    const { url } = await start(silentLogger, 'metrics-scraper-token-1');
    expect((await httpFrom(`${url}/metrics`)).status).toBe(401);
    expect((await httpFrom(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    const scraped = await httpFrom(`${url}/metrics`, { headers: { authorization: 'Bearer metrics-scraper-token-1' } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('queueboard_');
  });
});
