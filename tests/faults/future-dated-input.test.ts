import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const START = Date.UTC(2026, 10, 24, 10);
const IN_2099 = Date.UTC(2099, 0, 1);
const INGEST = 'future-dated-ingest-key';
const configWith = (ingest: Record<string, unknown> = {}) =>
  GatewayConfigSchema.parse({
    ...oneOfficeConfig([lisbonQueue({ staleAfterSeconds: 60 })]),
    ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST) }], ...ingest },
  });

const harness = gatewayHarness();
const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` }, body: JSON.stringify(body) });
const event = (eventId: string, at: number) => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId: 'chat', at });

describe('input dated ahead of the gateway clock', () => {
  it('is refused naming the field, its value and the gateway time, counted in /metrics, and applies nothing', async () => {
    const { gateway, time, url } = await harness.start({ config: configWith() });
    const reading = await post(url, '/api/v1/queues/chat/readings', { at: IN_2099, backlog: 5 });
    expect(reading.status).toBe(400);
    expect(await reading.json()).toMatchObject({
      code: 'future-skew',
      issues: [expect.stringMatching(/^at: 2099-01-01T00:00:00\.000Z is .* ahead of the gateway's clock \(2026-11-24T10:00:00\.000Z\); at most 300 s ahead is accepted$/)],
    });
    const batch = await post(url, '/api/v1/events', { events: [event('e1', time.now()), event('e2', time.now() + 10 * 60_000)] });
    expect(batch.status).toBe(400);
    const { issues } = (await batch.json()) as { issues: string[] };
    expect(issues).toEqual([expect.stringContaining('events[1].at: 2026-11-24T10:10:00.000Z is 6.0e+2 s ahead')]);
    expect(gateway.engine.queueOfTicket('t-e1')).toBeNull();
    expect(gateway.metricsText()).toMatch(/queueboard_input_rejected_total\{reason="future-skew"\} 2/);

    // Within the default skew (a helpdesk clock a little fast) is fine.
    expect((await post(url, '/api/v1/queues/chat/readings', { at: time.now() + 120_000, backlog: 5 })).status).toBe(200);
  });

  it('follows ingest.maxFutureSkewSeconds', async () => {
    const { time, url } = await harness.start({ config: configWith({ maxFutureSkewSeconds: 30 }) });
    const response = await post(url, '/api/v1/queues/chat/readings', { at: time.now() + 120_000, backlog: 5 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('at most 30 s ahead is accepted');
  });

  it('kept in the store by an older gateway, neither keeps the queue fresh after a restart nor dates /healthz in the future', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-future-'));
    const old = openStore({ dataDir, clock: { now: () => START }, logger: silentLogger });
    old.events.appendReading('crm', 'chat', { at: IN_2099, backlog: 5 });
    old.close();

    const time = new FakeTime(START);
    const { gateway, url } = await harness.start({ config: configWith(), time, dataDir });
    const lastReadingAt = async () => ((await (await fetch(`${url}/healthz`)).json()) as { lastReadingAt: string }).lastReadingAt;
    expect(Date.parse(await lastReadingAt())).toBeLessThanOrEqual(time.now());
    time.advance(61_000);
    expect(gateway.snapshot().states[0]!.health).toMatchObject({ status: 'stale', stale: { reason: 'no-recent-data' } });
    expect(Date.parse(await lastReadingAt())).toBeLessThanOrEqual(time.now());
  });
});
