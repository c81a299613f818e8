import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHistoryClient, type HistorySocket } from '../../renderer/src/feed/history-client';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createAppStore } from '../../renderer/src/store/store';
import { backlogTrend } from '../../renderer/src/wall/trend';
import { silentLogger } from '../../server/runtime/logger';
import { openStore, type GatewayStore } from '../../server/store';
import { startDemoGateway, BUSY_MORNING } from '../support/gateway-harness';
import { until } from '../support/feed-screen';

// Issue 17, item 5: a fresh demo gateway replays 24 h into its windows, but its minute history started empty,
// so a wall had no backlog trend (it needs a point from ~15 minutes ago) for its first minutes.
const cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function freshStore(): GatewayStore {
  const dir = mkdtempSync(join(tmpdir(), 'qb-trend-'));
  const store = openStore({ dataDir: dir, clock: { now: () => BUSY_MORNING }, logger: silentLogger });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  return store;
}

describe('a trend from the first second (issue 17)', () => {
  it('a wall that connects to a just-started demo gateway has a backlog trend on every tile at once', async () => {
    const store = freshStore();
    const { gateway, url } = await startDemoGateway({ store });
    cleanup.push(() => gateway.close());

    const screen = createAppStore();
    const socket = io(url, { ...HANDSHAKE_OPTIONS, transports: ['websocket'], auth: handshakeAuth('wall', null), extraHeaders: { origin: new URL(url).origin } });
    cleanup.push(() => void socket.close());
    cleanup.push(startFeedClient({ store: screen, socket: socket as unknown as FeedSocket, requestFrame: (f) => setTimeout(f, 16) }));
    cleanup.push(startHistoryClient({ store: screen, socket: socket as unknown as HistorySocket, setInterval: () => null, clearInterval: () => {} }));

    // The snapshot seeds each series with its current minute at once; the history answer brings the hour.
    await until('history loaded', () => Object.values(screen.getState().history.backlog).some((series) => series.at.length > 1), 5000);
    const { feed, history, connection } = screen.getState();
    const now = Date.now() + connection.clockOffsetMs;
    expect(now - BUSY_MORNING).toBeLessThan(5000); // within the first seconds of the gateway
    for (const queue of feed.queues) {
      const series = history.backlog[queue.id];
      expect(series?.at.length, queue.id).toBeGreaterThanOrEqual(55);
      const trend = backlogTrend(series, feed.states[queue.id]?.metrics.backlog ?? null, now);
      expect(trend, queue.id).not.toBeNull();
    }
  });
});
