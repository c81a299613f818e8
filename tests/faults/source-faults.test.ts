import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';
import { createPollingSource } from './polling-source';

type Mode = 'ok' | 'hang' | 'error' | 'rate-limit';
const harness = gatewayHarness();

/** A local stand-in for a helpdesk's count API that can be told to hang, fail or rate-limit. */
async function fakeHelpdesk() {
  const state = { mode: 'ok' as Mode, backlog: 7, hanging: [] as ServerResponse[] };
  const server: Server = createServer((_request, response) => {
    if (state.mode === 'hang') return void state.hanging.push(response);
    if (state.mode === 'error') return void response.writeHead(503).end('maintenance');
    if (state.mode === 'rate-limit') return void response.writeHead(429, { 'Retry-After': '30' }).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ backlog: state.backlog }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  harness.onCleanup(() => {
    for (const response of state.hanging) response.destroy();
    server.closeAllConnections();
    server.close();
  });
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/search/count` };
}

const config = GatewayConfigSchema.parse(oneOfficeConfig([lisbonQueue({ source: { kind: 'push' } })]));

async function start() {
  const helpdesk = await fakeHelpdesk();
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const source = createPollingSource({ id: 'helpdesk', queueId: 'chat', url: helpdesk.url, scheduler: time, now: () => time.now(), intervalMs: 10_000, timeoutMs: 300, failuresBeforeDown: 3 });
  const { gateway } = await harness.start({ config, time, sources: [source] });
  /** One poll interval: the poll runs (real I/O), then an evaluation sees its result. */
  const tick = async () => {
    time.advance(10_000);
    await source.idle();
    time.advance(1000);
  };
  const chat = () => gateway.snapshot().states.find((s) => s.queueId === 'chat')!;
  return { helpdesk: helpdesk.state, gateway, source, tick, chat, advance: (ms: number) => time.advance(ms) };
}

describe('a helpdesk source that hangs, fails or rate-limits', () => {
  it('marks its queue stale with the reason at once, keeps the last values, and recovers when the helpdesk answers', async () => {
    const { helpdesk, tick, chat } = await start();
    await tick();
    expect(chat().health.status).not.toBe('stale');
    expect(chat().metrics.backlog).toBe(7);

    helpdesk.mode = 'hang';
    await tick();
    expect(chat().health.status).toBe('stale');
    expect(chat().health.stale).toMatchObject({ reason: 'source-down', message: 'The helpdesk did not answer within 300 ms' });
    expect(chat().metrics.backlog).toBe(7);

    helpdesk.mode = 'ok';
    helpdesk.backlog = 9;
    await tick();
    expect(chat().health.status).not.toBe('stale');
    expect(chat().health.stale).toBeNull();
    expect(chat().metrics.backlog).toBe(9);

    // Two 503s are a blip; the third in a row is an outage.
    helpdesk.mode = 'error';
    await tick();
    await tick();
    expect(chat().health.status).not.toBe('stale');
    await tick();
    expect(chat().health.stale).toMatchObject({ reason: 'source-down', message: 'The helpdesk answered 503 3 times in a row' });

    helpdesk.mode = 'rate-limit';
    await tick();
    expect(chat().health.stale).toMatchObject({ reason: 'source-down', message: 'The helpdesk is rate-limiting Queueboard (429): next poll in 30 s' });
    // It honours Retry-After: no poll for 30 s, then back to normal.
    helpdesk.mode = 'ok';
    helpdesk.backlog = 4;
    await tick();
    expect(chat().health.status).toBe('stale');
    await tick();
    await tick();
    expect(chat().health.status).not.toBe('stale');
    expect(chat().metrics.backlog).toBe(4);
  }, 30_000);

  it('a source that silently stops reporting cannot keep its queue green: it goes stale after three intervals, with the age', async () => {
    const { source, tick, chat, advance } = await start();
    await tick();
    expect(chat().health.status).not.toBe('stale');
    source.stop();
    advance(20_000);
    expect(chat().health.status).not.toBe('stale');
    advance(11_000);
    expect(chat().health.stale).toMatchObject({ reason: 'no-recent-data', message: expect.stringMatching(/^No data for 3[12] s \(stale after 30 s\)$/) });
  }, 30_000);
});
