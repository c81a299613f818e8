import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { PROTOCOL_VERSION, type Alert, type Update } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { nextEvent, type TestSocket } from '../support/gateway-harness';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const KEY = 'alerts-integration-key';
const config = GatewayConfigSchema.parse({
  ...oneOfficeConfig([lisbonQueue({ staleAfterSeconds: 3600 })]),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(KEY) }] },
  auth: {
    tokens: [
      { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
      { name: 'Bram de Vries', role: 'lead', sha256: hashKey('bram-token') },
      { name: 'Carol', role: 'display', sha256: hashKey('carol-token') },
    ],
  },
});

const harness = gatewayHarness();
const { gateways } = harness;
/** A real gateway on loopback with a real SQLite file; time moves only when the test advances it. */
const start = (dataDir: string, time: FakeTime) => harness.start({ config, time, dataDir });
const open = (url: string, token: string): TestSocket => harness.connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token });

const reading = (url: string, body: unknown) =>
  fetch(`${url}/api/v1/queues/chat/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });

/** Resolves with the first alert change that matches, from the updates a socket receives. */
function alertChange(socket: TestSocket, match: (a: Alert) => boolean, timeoutMs = 1000): Promise<{ alert: Alert; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching alert within ${timeoutMs} ms`)), timeoutMs);
    const listener = (update: Update) => {
      const alert = update.alerts?.find(match);
      if (!alert) return;
      clearTimeout(timer);
      socket.off('update', listener);
      resolve({ alert, ms: performance.now() - started });
    };
    socket.on('update', listener);
  });
}

describe('alerts over real sockets, on a real SQLite file', () => {
  it('one lead acknowledges, the other sees it within a second; snoozes too; both survive a gateway restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-alerts-'));
    const time = new FakeTime(Date.UTC(2026, 10, 24, 10, 0, 0));
    const { url } = await start(dataDir, time);
    const ana = open(url, 'ana-token');
    const bram = open(url, 'bram-token');
    await Promise.all([nextEvent(ana, 'snapshot'), nextEvent(bram, 'snapshot')]);

    // Chat backlog critical is 150 by default; it must hold for the 2-minute pending period.
    expect((await reading(url, { at: time.now(), backlog: 180, readingId: 'r1' })).status).toBe(200);
    const opened = alertChange(bram, (a) => a.kind === 'threshold' && a.level === 'critical');
    // First seen by the evaluation one second later, so the period ends at 121 s.
    time.advance(120_000);
    expect(gateways[0]!.alerts.openAlerts()).toEqual([]);
    time.advance(1000);
    const { alert } = await opened;
    expect(alert).toMatchObject({ queueId: 'chat', metric: 'backlog', value: 180, threshold: 150, acknowledged: null, resolvedAt: null });

    const seenByBram = alertChange(bram, (a) => a.id === alert.id && a.acknowledged !== null);
    const answer = await ana.emitWithAck('alert:acknowledge', { alertId: alert.id, note: 'pulling two agents from email' });
    expect(answer).toMatchObject({ ok: true, alert: { acknowledged: { by: 'Ana Costa', note: 'pulling two agents from email' } } });
    const acked = await seenByBram;
    expect(acked.alert.acknowledged).toEqual({ by: 'Ana Costa', at: time.now(), note: 'pulling two agents from email' });
    expect(acked.ms).toBeLessThan(1000);

    const until = time.now() + 15 * 60_000;
    const seenByAna = alertChange(ana, (a) => a.id === alert.id && a.snoozed !== null);
    expect(await bram.emitWithAck('alert:snooze', { alertId: alert.id, until })).toMatchObject({ ok: true });
    expect((await seenByAna).alert.snoozed).toEqual({ by: 'Bram de Vries', at: time.now(), until });

    // Bad commands are refused with the field named, and counted.
    expect(await ana.emitWithAck('alert:snooze', { alertId: alert.id, until: 'later' } as never)).toEqual({
      ok: false,
      code: 'invalid',
      issues: ['until: Invalid input: expected number, received string'],
    });
    expect(await ana.emitWithAck('alert:acknowledge', { alertId: 'nope' })).toMatchObject({ ok: false, code: 'not-found' });

    for (const g of gateways.splice(0)) await g.close();
    const restarted = await start(dataDir, time);
    const carol = open(restarted.url, 'carol-token');
    const snapshot = await nextEvent(carol, 'snapshot');
    // A display may watch but not act: refused with the reason, nothing changed.
    expect(await carol.emitWithAck('alert:acknowledge', { alertId: alert.id })).toEqual({
      ok: false,
      code: 'forbidden',
      issues: ["alert:acknowledge: needs the lead role; this screen's token (Carol) has the display role"],
    });
    expect(snapshot.alerts).toEqual([
      expect.objectContaining({
        id: alert.id,
        acknowledged: { by: 'Ana Costa', at: expect.any(Number), note: 'pulling two agents from email' },
        snoozed: { by: 'Bram de Vries', at: expect.any(Number), until },
      }),
    ]);
    // The reading was logged, so the restarted gateway still sees the queue critical and keeps the same alert.
    time.advance(1000);
    expect(restarted.gateway.alerts.openAlerts().map((a) => a.id)).toEqual([alert.id]);
    expect(restarted.gateway.snapshot().states[0]!.health.status).toBe('critical');

    // Recovery resolves it on every screen.
    await reading(restarted.url, { at: time.now(), backlog: 5, readingId: 'r2' });
    const resolved = alertChange(carol, (a) => a.id === alert.id && a.resolvedAt !== null, 3000);
    time.advance(125_000);
    expect((await resolved).alert.resolution).toBe('recovered');
  });

  it('shows a push queue stale, with its age and last status, once nothing arrived for three expected intervals', async () => {
    const time = new FakeTime(Date.UTC(2026, 10, 24, 10, 0, 0));
    const pushConfig = GatewayConfigSchema.parse({ ...config, queues: [{ ...config.queues[0], staleAfterSeconds: undefined }] });
    const { gateway, url } = await harness.start({ config: pushConfig, time });
    await reading(url, { at: time.now(), backlog: 12 });
    time.advance(180_000);
    expect(gateway.snapshot().states[0]!.health.status).toBe('ok');
    time.advance(2000);
    expect(gateway.snapshot().states[0]!.health).toMatchObject({
      status: 'stale',
      stale: { reason: 'no-recent-data', message: 'No data for 3 min (stale after 3 min)', lastStatus: 'ok' },
    });
    await reading(url, { at: time.now(), backlog: 12 });
    time.advance(1000);
    expect(gateway.snapshot().states[0]!.health.status).toBe('ok');
  });
});
