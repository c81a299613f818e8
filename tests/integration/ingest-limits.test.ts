import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema, type GatewayConfigInput } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { FakeTime } from '../support/fake-time';
import { httpFrom } from '../support/http-from';

// Issue 16, fault 1: one ingest key pushing 690,000 events in 15 s slowed the whole gateway. Each key now has
// its own limits, answered 429 with Retry-After, and one key past them leaves the others alone.
const team = { name: 'Care', kind: 'in-house' as const };
const input: GatewayConfigInput = {
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [
    { id: 'crm-email', name: 'CRM email', officeId: 'lisbon', channel: 'email', team, source: { kind: 'push' } },
    { id: 'crm-chat', name: 'CRM chat', officeId: 'lisbon', channel: 'chat', team, source: { kind: 'push' } },
  ],
  ingest: {
    keys: [
      { sourceId: 'flooder', sha256: hashKey('flooding-sender-key'), queues: ['crm-email'] },
      { sourceId: 'steady', sha256: hashKey('steady-sender-key'), queues: ['crm-chat'] },
    ],
  },
  limits: { ingest: { requestsPerSecond: 5, eventsPerSecond: 500 } },
};

const gateways: Gateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

async function start() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 10));
  const gateway = createGateway({ config: GatewayConfigSchema.parse(input), sources: [], clock: time, scheduler: time, logger: silentLogger, store: null, rendererDir: 'dist/renderer' });
  gateways.push(gateway);
  const { port } = await gateway.listen(0, '127.0.0.1');
  let next = 0;
  const batch = (queueId: string, count: number) =>
    Array.from({ length: count }, () => ({ eventId: `e${next}`, type: 'created', ticketId: `t${next++}`, queueId, at: time.now() }));
  const post = (key: string, queueId: string, count: number) =>
    httpFrom(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: { events: batch(queueId, count) } });
  const backlog = (queueId: string) => gateway.engine.metricsFor(queueId, time.now()).backlog;
  return { gateway, post, backlog, port };
}

describe('ingest limits per key', () => {
  it('refuses events past a key\'s volume with 429, Retry-After and the limit named, applies nothing of that batch, and serves another key', async () => {
    const { gateway, post, backlog } = await start();
    // 500 a second over ten seconds: one full batch of 5,000 fits, the next does not.
    expect((await post('flooding-sender-key', 'crm-email', 5000)).status).toBe(200);
    const refused = await post('flooding-sender-key', 'crm-email', 10);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({ code: 'ingest-rate-limited', limit: 'eventsPerSecond', source: 'flooder' });
    expect(refused.json().error).toMatch(/^the ingest key of source "flooder" is past its limit of 500 events a second \(limits\.ingest\.eventsPerSecond\)/);
    expect(JSON.stringify(refused.json())).not.toContain('flooding-sender-key');
    expect(backlog('crm-email')).toBe(5000);
    // Another key's budget is its own.
    expect((await post('steady-sender-key', 'crm-chat', 3)).status).toBe(200);
    expect(backlog('crm-chat')).toBe(3);
    expect(gateway.metricsText()).toMatch(/queueboard_input_rejected_total\{reason="ingest-rate-limited"\} 1/);
  });

  it('refuses requests past a key\'s rate before reading them, and keeps serving the others and /healthz', async () => {
    const { post, port } = await start();
    const answers = [];
    for (let i = 0; i < 52; i++) answers.push((await post('flooding-sender-key', 'crm-email', 1)).status);
    // Five a second over ten seconds: fifty go through, the rest are refused.
    expect(answers.filter((s) => s === 200)).toHaveLength(50);
    expect(answers.slice(50)).toEqual([429, 429]);
    const refused = await post('flooding-sender-key', 'crm-email', 1);
    expect(refused.json()).toMatchObject({ code: 'ingest-rate-limited', limit: 'requestsPerSecond', source: 'flooder' });
    expect((await post('steady-sender-key', 'crm-chat', 1)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('refuses a limit too small for a full batch, naming the field and the rule', () => {
    const parsed = GatewayConfigSchema.safeParse({ ...input, limits: { ingest: { eventsPerSecond: 100 } } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('must be at least 500 (a full batch of 5000 events must fit in ten seconds)');
  });
});
