import { afterEach, describe, expect, it } from 'vitest';
import { GatewayConfigSchema, type GatewayConfigInput } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey, unscopedKeyWarnings } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { FakeTime } from '../support/fake-time';
import { httpFrom } from '../support/http-from';

// Issue 15, attack 3: the `push` key set backlog 99,999 on a demo-fed queue and opened a critical alert.
const team = (name: string) => ({ name, kind: 'in-house' as const });
const input: GatewayConfigInput = {
  version: 1,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [
    { id: 'demo-chat', name: 'Demo chat', officeId: 'lisbon', channel: 'chat', team: team('Care'), source: { kind: 'demo' } },
    { id: 'crm-email', name: 'CRM email', officeId: 'lisbon', channel: 'email', team: team('Care'), source: { kind: 'push' } },
    { id: 'partner-phone', name: 'Partner phone', officeId: 'lisbon', channel: 'phone', team: team('Tagus'), source: { kind: 'push' } },
  ],
  demo: { seed: 1 },
  ingest: {
    keys: [
      { sourceId: 'push', sha256: hashKey('unscoped-old-key') },
      { sourceId: 'care', sha256: hashKey('care-team-key'), teams: ['Care'] },
      { sourceId: 'demo-feeder', sha256: hashKey('demo-granted-key'), queues: ['demo-chat'] },
    ],
  },
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
  const reading = (key: string, queueId: string) =>
    httpFrom(`http://127.0.0.1:${port}/api/v1/queues/${queueId}/readings`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: { at: time.now(), backlog: 99_999 } });
  const events = (key: string, queueId: string) =>
    httpFrom(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: { events: [{ eventId: `e-${queueId}`, type: 'created', ticketId: `t-${queueId}`, queueId, at: time.now() }] } });
  const post = (key: string, batch: unknown[]) => httpFrom(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: { events: batch } });
  return { gateway, reading, events, post };
}

describe('scoped ingest keys', () => {
  it('refuses an unscoped key on a demo-fed queue with 403 naming the queue, and applies nothing', async () => {
    const { gateway, reading, events } = await start();
    const refused = await reading('unscoped-old-key', 'demo-chat');
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'queue-not-granted', queues: ['demo-chat'] });
    expect(refused.json().error).toMatch(/^the ingest key of source "push" may not write queue "demo-chat"/);
    expect((await events('unscoped-old-key', 'demo-chat')).status).toBe(403);
    expect(gateway.engine.metricsFor('demo-chat', Date.UTC(2026, 10, 24, 10)).backlog).not.toBe(99_999);
    // It keeps working where it always could: queues that HTTP push feeds.
    expect((await reading('unscoped-old-key', 'crm-email')).status).toBe(200);
  });

  it('refuses an event that names no queue for a ticket in a queue the key may not write, and a move out of one', async () => {
    const { gateway, post } = await start();
    const at = Date.UTC(2026, 10, 24, 10);
    expect((await post('demo-granted-key', [{ eventId: 'd-1', type: 'created', ticketId: 'demo-1', queueId: 'demo-chat', at }])).status).toBe(200);
    const reply = await post('care-team-key', [{ eventId: 'c-1', type: 'solved', ticketId: 'demo-1', at }]);
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ queues: ['demo-chat'] });
    expect((await post('care-team-key', [{ eventId: 'c-2', type: 'queued', ticketId: 'demo-1', queueId: 'crm-email', at }])).status).toBe(403);
    expect(gateway.engine.queueOfTicket('demo-1')).toBe('demo-chat');
  });

  it("lets a team key write its team's push-fed queues only, and a demo-fed queue only to a key that names it", async () => {
    const { reading } = await start();
    expect((await reading('care-team-key', 'crm-email')).status).toBe(200);
    expect((await reading('care-team-key', 'partner-phone')).status).toBe(403);
    expect((await reading('care-team-key', 'demo-chat')).status).toBe(403);
    expect((await reading('demo-granted-key', 'demo-chat')).status).toBe(200);
    expect((await reading('demo-granted-key', 'crm-email')).status).toBe(403);
  });

  it('warns at start for every key that is not scoped yet, and refuses grants naming what does not exist', () => {
    expect(unscopedKeyWarnings(GatewayConfigSchema.parse(input))).toEqual([
      'ingest.keys[0] (source "push") names no queues or teams: it may write only push-fed queues, never one fed by a helpdesk or the demo. Scope it with queues: [...] or teams: [...] (README, "Sending data").',
    ]);
    const bad = GatewayConfigSchema.safeParse({ ...input, ingest: { keys: [{ sourceId: 'x', sha256: hashKey('k'), queues: ['nope'], teams: ['Nobody'] }] } });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'ingest.keys.0.queues.0: names queue "nope", which is not among the queues',
      'ingest.keys.0.teams.0: names team "Nobody", which no queue belongs to (Care, Tagus)',
    ]);
  });
});
