import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createAppStore } from '../../renderer/src/store/store';
import type { Gateway } from '../../server/gateway';
import { until } from '../support/feed-screen';
import { startDemoGateway } from '../support/gateway-harness';

const cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * A wall on a real gateway whose first `lost` board answers never reach it (an overloaded gateway, an answer
 * lost between gateways): the real socket and the real feed client, with those snapshots dropped on arrival.
 */
function wallLosingBoards(url: string, lost: number) {
  const store = createAppStore();
  const socket = io(url, { ...HANDSHAKE_OPTIONS, auth: handshakeAuth('wall', null), extraHeaders: { origin: new URL(url).origin } });
  const asked: number[] = [];
  let dropped = 0;
  const lossy: FeedSocket = {
    on: ((event: string, listener: (...args: unknown[]) => void) =>
      socket.on(event as 'connect', (...args: unknown[]) => {
        if (event === 'snapshot' && dropped < lost) return void dropped++;
        (listener as (...a: unknown[]) => void)(...args);
      })) as FeedSocket['on'],
    emit: (event) => (asked.push(Date.now()), socket.emit(event)),
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
  };
  const rejected: string[] = [];
  socket.on('rejected', (r: { issues: string[] }) => rejected.push(...r.issues));
  cleanup.push(startFeedClient({ store, socket: lossy, requestFrame: (f) => setTimeout(f, 16) }));
  return { store, asked, rejected, dropped: () => dropped };
}

describe('a wall whose requests for its board go unanswered, on a real gateway', () => {
  it('says it has no data while it keeps asking, within the gateway limit, and shows the board once one arrives', async () => {
    const { gateway, url }: { gateway: Gateway; url: string } = await startDemoGateway();
    cleanup.push(() => gateway.close());
    const wall = wallLosingBoards(url, 3); // the board sent on connect and the next two answers are lost

    await until('the wall asks again', () => wall.asked.length >= 1, 5000);
    expect(wall.store.getState().connection.status).toBe('connecting');
    expect(wall.store.getState().feed.queues).toEqual([]);
    await until('the wall says how often it asked', () => wall.store.getState().connection.problem?.key === 'awaiting-board', 5000);

    await until('the wall shows the board', () => wall.store.getState().connection.status === 'live', 20_000);
    expect(wall.dropped()).toBe(3);
    expect(wall.asked).toHaveLength(3);
    expect(wall.store.getState().feed.queues.length).toBe(gateway.snapshot().queues.length);
    // Never faster than the gateway's one resync a second: none of the requests was refused.
    expect(wall.rejected).toEqual([]);
    expect(wall.asked[2]! - wall.asked[1]!).toBeGreaterThanOrEqual(1000);
  }, 30_000);
});
