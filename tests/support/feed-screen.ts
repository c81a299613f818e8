import { io } from 'socket.io-client';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createAppStore, type AppStore } from '../../renderer/src/store/store';

/**
 * A wall screen as the renderer runs it, without the page: the real feed client and store, with the real
 * reconnection options. `cleanup` receives the function that stops it.
 */
export function feedScreen(url: string, cleanup: Array<() => void>): AppStore {
  const store = createAppStore();
  const socket = io(url, { ...HANDSHAKE_OPTIONS, transports: ['websocket'], auth: handshakeAuth('wall', null), extraHeaders: { origin: new URL(url).origin } });
  cleanup.push(startFeedClient({ store, socket: socket as unknown as FeedSocket, requestFrame: (f) => setTimeout(f, 16) }));
  return store;
}

/** Polls until `predicate` holds; returns how long that took, or fails naming what did not happen. */
export async function until(what: string, predicate: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}
