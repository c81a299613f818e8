import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createGatewayCommands, type CommandSocket } from '../../renderer/src/feed/gateway-commands';
import { gatewayNow } from '../../renderer/src/feed/gateway-clock';
import { createAppStore } from '../../renderer/src/store/store';
import type { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const MINUTE = 60_000;
const INGEST = 'clock-skew-ingest-key';
const config = GatewayConfigSchema.parse({
  ...oneOfficeConfig([lisbonQueue({ staleAfterSeconds: 3600 })]),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST) }] },
  auth: { anonymous: 'display', tokens: [{ name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') }] },
});

const harness = gatewayHarness();

async function gatewayWithAlert() {
  const { gateway, time, url } = await harness.start({ config });
  await fetch(`${url}/api/v1/queues/chat/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
    body: JSON.stringify({ at: time.now(), backlog: 500 }),
  });
  // The backlog holds above critical for the pending period: an alert opens; the reading is 2 min 2 s old.
  time.advance(122_000);
  return { gateway, time, url };
}

/** A lead's screen whose own clock is `skewMs` away from the gateway's, fed by the real feed client. */
async function skewedScreen(url: string, time: FakeTime, skewMs: number) {
  const store = createAppStore();
  const localNow = () => time.now() + skewMs;
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: handshakeAuth('desk', 'ana-token') });
  harness.onCleanup(startFeedClient({ store, socket: socket as unknown as FeedSocket, requestFrame: (f) => setTimeout(f, 0), now: localNow }));
  for (let i = 0; i < 250 && store.getState().connection.status !== 'live'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(store.getState().connection.status).toBe('live');
  return { store, localNow, commands: createGatewayCommands(socket as unknown as CommandSocket) };
}

describe('a screen whose clock is off', () => {
  for (const skewMs of [10 * MINUTE, -10 * MINUTE, 8 * 24 * 60 * MINUTE]) {
    const size = Math.abs(skewMs) >= 24 * 60 * MINUTE ? `${Math.abs(skewMs) / (24 * 60 * MINUTE)} days` : `${Math.abs(skewMs) / MINUTE} min`;
    const label = `${size} ${skewMs > 0 ? 'ahead' : 'behind'}`;
    it(`${label}: measures the offset, shows the right data age, and snoozes for exactly the chosen time`, async () => {
      const { gateway, time, url } = await gatewayWithAlert();
      const { store, localNow, commands } = await skewedScreen(url, time, skewMs);
      const offset = store.getState().connection.clockOffsetMs;
      expect(offset).toBe(-skewMs);

      const state = store.getState().feed.states['chat']!;
      const ageMs = gatewayNow(localNow(), offset) - state.updatedAt!;
      expect(ageMs).toBe(122_000);
      // Without the correction the age would be off by the skew (negative for a screen behind).
      expect(localNow() - state.updatedAt!).toBe(122_000 + skewMs);

      // "Snooze for 30 minutes", in gateway time.
      const [alert] = Object.values(store.getState().feed.alerts);
      expect(alert).toBeDefined();
      const result = await commands.snooze(alert!.id, gatewayNow(localNow(), offset) + 30 * MINUTE);
      expect(result).toMatchObject({ ok: true });
      expect(gateway.alerts.openAlerts()[0]!.snoozed!.until - time.now()).toBe(30 * MINUTE);
      // The uncorrected time would be refused (in the past, or beyond a week) or snooze for the wrong time.
      const naive = await commands.snooze(alert!.id, localNow() + 30 * MINUTE);
      if (naive.ok) expect(gateway.alerts.openAlerts()[0]!.snoozed!.until - time.now()).not.toBe(30 * MINUTE);
      else expect(naive).toMatchObject({ ok: false, code: 'invalid' });
    });
  }
});
