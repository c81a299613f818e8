import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { openStore } from '../../server/store';
import { silentLogger } from '../../server/runtime/logger';
import type { IncidentsMessage } from '../../shared/protocol/incident-protocol';
import { PROTOCOL_VERSION, type Alert, type Update } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { nextEvent, type TestSocket } from '../support/gateway-harness';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const KEY = 'incidents-integration-key';
const config = GatewayConfigSchema.parse({
  ...oneOfficeConfig([
    lisbonQueue({ staleAfterSeconds: 3600 }),
    lisbonQueue({ id: 'email', name: 'Email', channel: 'email', staleAfterSeconds: 3600 }),
    lisbonQueue({ id: 'phone', name: 'Phone', channel: 'phone', staleAfterSeconds: 3600 }),
  ]),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(KEY) }] },
  auth: {
    tokens: [
      { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
      { name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') },
      { name: 'Carol', role: 'display', sha256: hashKey('carol-token') },
    ],
  },
});

const harness = gatewayHarness();
const { gateways } = harness;
let ids = 0;
const start = (dataDir: string, time: FakeTime) => harness.start({ config, time, dataDir, newIncidentId: () => `incident-${++ids}` });
const open = (url: string, token: string): TestSocket => harness.connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token });

const reading = (url: string, queueId: string, body: unknown) =>
  fetch(`${url}/api/v1/queues/${queueId}/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });

/** Every alert change a socket hears, in order. */
function alertsHeard(socket: TestSocket): Alert[] {
  const heard: Alert[] = [];
  socket.on('update', (update: Update) => heard.push(...(update.alerts ?? [])));
  return heard;
}

describe('incidents over real sockets, on a real SQLite file', () => {
  it('a lead opens one, alerts on its queues group under it, acknowledgements and the close reach its timeline; it all survives a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-incidents-'));
    const time = new FakeTime(Date.UTC(2026, 11, 7, 12, 0, 0));
    const { url } = await start(dataDir, time);
    const ana = open(url, 'ana-token');
    const carol = open(url, 'carol-token');
    const firstList = nextEvent(carol, 'incidents');
    await Promise.all([nextEvent(ana, 'snapshot'), nextEvent(carol, 'snapshot')]);
    expect(await firstList).toEqual({ open: [] });

    // Roles: a display watches, it may not open one.
    expect(await carol.emitWithAck('incident:open', { title: 'Outage', queueIds: ['chat'] })).toEqual({
      ok: false,
      code: 'forbidden',
      issues: ["incident:open: needs the lead role; this screen's token (Carol) has the display role"],
    });
    // Validation names the field and the rule.
    expect(await ana.emitWithAck('incident:open', { title: 'Outage', queueIds: ['chat', 'billing'] })).toEqual({
      ok: false,
      code: 'invalid',
      issues: ['queueIds[1]: no queue "billing" on this gateway (queues: chat, email, phone)'],
    });
    expect(await ana.emitWithAck('incident:open', { title: 'x'.repeat(33), queueIds: ['chat'] })).toMatchObject({
      ok: false,
      code: 'invalid',
      issues: ['title: must be at most 32 characters (it is shown on the wall tiles)'],
    });

    const seen = nextEvent(carol, 'incidents');
    const opened = await ana.emitWithAck('incident:open', { title: 'Card payments failing', queueIds: ['chat', 'email'] });
    expect(opened).toMatchObject({ ok: true, incident: { id: 'incident-1', openedBy: 'Ana Costa', queueIds: ['chat', 'email'] } });
    expect(((await seen) as IncidentsMessage).open.map((incident) => incident.title)).toEqual(['Card payments failing']);

    // Three queues turn critical; two are in the incident.
    const heard = alertsHeard(carol);
    for (const queueId of ['chat', 'email', 'phone']) expect((await reading(url, queueId, { at: time.now(), backlog: 3000, readingId: `${queueId}-1` })).status).toBe(200);
    time.advance(121_000);
    await expect.poll(() => heard.filter((a) => a.level === 'critical').length).toBe(3);
    const byQueue = Object.fromEntries(heard.map((alert) => [alert.queueId, alert]));
    expect(byQueue.chat!.incidentId).toBe('incident-1');
    expect(byQueue.email!.incidentId).toBe('incident-1');
    expect(byQueue.phone!.incidentId ?? null).toBeNull();
    expect(await ana.emitWithAck('alert:acknowledge', { alertId: byQueue.email!.id, note: 'on it' })).toMatchObject({ ok: true });

    // A restart keeps the open incident, and the alerts still name it.
    for (const g of gateways.splice(0)) await g.close();
    const restarted = await start(dataDir, time);
    const marta = open(restarted.url, 'marta-token');
    const [snapshot, list] = await Promise.all([nextEvent(marta, 'snapshot'), nextEvent(marta, 'incidents')]);
    expect((list as IncidentsMessage).open.map((incident) => incident.id)).toEqual(['incident-1']);
    expect(snapshot.alerts.filter((alert) => alert.incidentId === 'incident-1').map((alert) => alert.queueId).sort()).toEqual(['chat', 'email']);

    time.advance(60_000);
    const closedList = nextEvent(marta, 'incidents');
    expect(await marta.emitWithAck('incident:close', { incidentId: 'incident-1' })).toMatchObject({ ok: true, incident: { closedBy: 'Marta Silva' } });
    expect(await closedList).toEqual({ open: [] });
    expect(await marta.emitWithAck('incident:close', { incidentId: 'incident-1' })).toMatchObject({ ok: false, code: 'conflict' });

    const answer = await marta.emitWithAck('incident:timeline', { incidentId: 'incident-1', language: 'nl' });
    if (!answer.ok) throw new Error(answer.issues.join('; '));
    expect(answer.timeline.entries).toEqual([
      { kind: 'opened', at: Date.UTC(2026, 11, 7, 12), actor: 'Ana Costa', title: 'Card payments failing', queueIds: ['chat', 'email'] },
      expect.objectContaining({ kind: 'alert', queueId: 'chat', level: 'critical', alertId: byQueue.chat!.id }),
      expect.objectContaining({ kind: 'alert', queueId: 'email', level: 'critical', alertId: byQueue.email!.id }),
      { kind: 'acknowledged', at: expect.any(Number), actor: 'Ana Costa', alertId: byQueue.email!.id, queueId: 'email', note: 'on it' },
      { kind: 'closed', at: time.now(), actor: 'Marta Silva' },
    ]);
    expect(answer.text).toContain('Getroffen wachtrijen: Chat, Email');
    expect(answer.text).toContain('Gesloten door Marta Silva');

    // Opening and closing are audited: who and when.
    const store = openStore({ dataDir, clock: time, logger: silentLogger });
    harness.onCleanup(() => store.close());
    const audited = store.audit.list({ limit: 10 }).filter((entry) => entry.action.startsWith('incident.'));
    expect(audited.map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'incident.close', actor: 'Marta Silva' },
      { action: 'incident.open', actor: 'Ana Costa' },
    ]);
  });

  it('broadcasts posted while an incident is open, reaching its queues, are on its timeline', async () => {
    const time = new FakeTime(Date.UTC(2026, 11, 7, 12, 0, 0));
    const { url } = await start(mkdtempSync(join(tmpdir(), 'qb-incidents-')), time);
    const marta = open(url, 'marta-token');
    await nextEvent(marta, 'snapshot');
    const opened = await marta.emitWithAck('incident:open', { title: 'Phones down', queueIds: ['phone'] });
    if (!opened.ok) throw new Error(opened.issues.join('; '));
    const endsAt = time.now() + 30 * 60_000;
    expect(await marta.emitWithAck('broadcast:post', { text: { en: 'Phones are down: use chat', pt: 'Telefones em baixo' }, severity: 'critical', audience: { kind: 'all' }, endsAt })).toMatchObject({ ok: true });
    expect(await marta.emitWithAck('broadcast:post', { text: 'Email is slow', severity: 'info', audience: { kind: 'offices', officeIds: ['lisbon'] }, endsAt, linkedQueueIds: ['email'] })).toMatchObject({ ok: true });
    const answer = await marta.emitWithAck('incident:timeline', { incidentId: opened.incident.id });
    if (!answer.ok) throw new Error(answer.issues.join('; '));
    // Both reach every queue of this one-office floor, the phone queue too: both concern the incident.
    expect(answer.timeline.entries.filter((entry) => entry.kind === 'broadcast').map((entry) => 'text' in entry && entry.text)).toEqual(['Phones are down: use chat', 'Email is slow']);
    expect(answer.text).toContain('Phones are down: use chat');
  });
});
