import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { gatewayNow } from '../../renderer/src/feed/gateway-clock';
import { createAppStore } from '../../renderer/src/store/store';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 10, 24, 10);
const INGEST = 'wall-clock-step-ingest-key';
const QUEUES = ['chat', 'mail', 'phone', 'social'];
const config = GatewayConfigSchema.parse({
  // Stale after 10 minutes: a wall clock stepped an hour must not decide that on its own.
  ...oneOfficeConfig(QUEUES.map((id) => lisbonQueue({ id, name: id, staleAfterSeconds: 600 }))),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST) }] },
  auth: { anonymous: 'display', tokens: [{ name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') }] },
  // Hours of readings posted in a few real seconds: the per-key limits count real time (not what this tests).
  limits: { ingest: { requestsPerSecond: 100_000, eventsPerSecond: 1_000_000 } },
});

const harness = gatewayHarness();

/** A store whose history already holds a minute 23 h 30 min old: inside the 24 h screens may ask for. */
function storeWithOldHistory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qb-clock-step-'));
  const store = openStore({ dataDir: dir, clock: { now: () => START }, logger: silentLogger });
  store.history.recordMinute(START - 23.5 * HOUR, [{ queueId: 'chat', metrics: { backlog: 3 } as never }]);
  store.close();
  return dir;
}

async function floor() {
  const time = new FakeTime(START);
  const dataDir = storeWithOldHistory();
  const { gateway, url } = await harness.start({ config, time, dataDir });
  const push = async (queueId: string, backlog: number) => {
    const response = await fetch(`${url}/api/v1/queues/${queueId}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
      body: JSON.stringify({ at: time.now(), backlog }),
    });
    expect(response.status).toBe(200);
  };
  // Load: every queue reports every 5 s; chat holds a critical backlog for the pending period, so an alert opens.
  const load = async (ms: number, quiet: readonly string[] = []) => {
    for (let t = 0; t < ms; t += 5000) {
      await Promise.all(QUEUES.filter((q) => !quiet.includes(q)).map((q) => push(q, q === 'chat' ? 500 : 2)));
      time.advance(5000);
    }
  };
  await load(3 * MINUTE);
  const [alert] = gateway.alerts.openAlerts();
  expect(alert).toBeDefined();
  const statuses = () => gateway.snapshot().states.map((s) => s.health.status);
  const screen = await leadScreen(url, time);
  return { gateway, time, url, dataDir, alert: alert!, push, load, statuses, screen };
}

/** A lead's screen whose own clock keeps true time (the fake's monotonic clock), fed by the real feed client. */
async function leadScreen(url: string, time: FakeTime) {
  const store = createAppStore();
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: handshakeAuth('desk', 'ana-token') });
  harness.onCleanup(startFeedClient({ store, socket: socket as unknown as FeedSocket, requestFrame: (f) => setTimeout(f, 0), now: () => time.monotonic() }));
  for (let i = 0; i < 250 && store.getState().connection.status !== 'live'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(store.getState().connection.status).toBe('live');
  /**
   * The age of a queue's data as this screen shows it, once the updates sent have arrived (polled for up to
   * 3 s on a busy machine). Fake time moves in jumps while messages are in flight, so the measured offset
   * is off by up to one jump: within 5 s of `expected` counts as right.
   */
  const shownAge = async (queueId: string, expected: number) => {
    let age = Number.NaN;
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const { feed, connection } = store.getState();
      age = gatewayNow(time.monotonic(), connection.clockOffsetMs) - feed.states[queueId]!.updatedAt!;
      if (Math.abs(age - expected) <= 5000) break;
    }
    return age;
  };
  return { store, socket, shownAge };
}

async function historyMinutes(dataDir: string): Promise<number[]> {
  await Promise.all(harness.gateways.splice(0).map((g) => g.close()));
  const store = openStore({ dataDir, clock: { now: () => START }, logger: silentLogger });
  const minutes = (store.history.since(0).get('chat') ?? []).map((point) => point.at);
  store.close();
  return minutes;
}

describe('the wall clock steps an hour under load', () => {
  it('forward: no queue goes stale, the snooze holds for its chosen time, live history is kept, screens show true ages', async () => {
    const { gateway, time, dataDir, alert, push, load, statuses, screen } = await floor();
    await push('mail', 2);
    time.advance(1000);
    expect(Math.abs((await screen.shownAge('mail', 1000)) - 1000)).toBeLessThanOrEqual(5000);
    const snoozedAt = time.now();
    expect(gateway.alerts.snooze({ alertId: alert.id, until: snoozedAt + 30 * MINUTE }, 'Ana Costa', snoozedAt)).toMatchObject({ ok: true });

    time.stepWall(HOUR);
    time.advance(2000);
    expect(statuses()).not.toContain('stale');
    // The screen measures the new offset from serverTime, and the data's age stays what it really is.
    expect(Math.abs((await screen.shownAge('mail', 3000)) - 3000)).toBeLessThanOrEqual(5000);
    expect(Math.abs(screen.store.getState().connection.clockOffsetMs - HOUR)).toBeLessThanOrEqual(5000);

    // Load goes on across ten minutes (housekeeping runs); the snooze is still in force after 20 minutes.
    await load(20 * MINUTE - 3000);
    expect(statuses()).not.toContain('stale');
    expect(gateway.alerts.openAlerts().find((a) => a.id === alert.id)?.snoozed).not.toBeNull();
    await load(11 * MINUTE);
    expect(gateway.alerts.openAlerts().find((a) => a.id === alert.id)?.snoozed).toBeNull();

    expect(await historyMinutes(dataDir)).toContain(START - 23.5 * HOUR);
  });

  it('back: a queue whose data stops still goes stale on time, and the snooze ends on time', async () => {
    const { gateway, time, alert, load, statuses, screen } = await floor();
    const snoozedAt = time.now();
    expect(gateway.alerts.snooze({ alertId: alert.id, until: snoozedAt + 30 * MINUTE }, 'Ana Costa', snoozedAt)).toMatchObject({ ok: true });

    time.stepWall(-HOUR);
    // Mail's source stops; the others go on reporting, dated by the stepped clock.
    await load(9 * MINUTE, ['mail']);
    expect(gateway.snapshot().states.find((s) => s.queueId === 'mail')!.health.status).not.toBe('stale');
    await load(90_000, ['mail']);
    const byQueue = Object.fromEntries(gateway.snapshot().states.map((s) => [s.queueId, s.health.status]));
    expect(byQueue['mail']).toBe('stale');
    expect(statuses().filter((s) => s === 'stale')).toHaveLength(1);
    expect(Math.abs((await screen.shownAge('chat', 5000)) - 5000)).toBeLessThanOrEqual(5000);
    expect(Math.abs(screen.store.getState().connection.clockOffsetMs + HOUR)).toBeLessThanOrEqual(5000);

    await load(20 * MINUTE, ['mail']);
    expect(gateway.alerts.openAlerts().find((a) => a.id === alert.id)?.snoozed).toBeNull();
  });
});
