import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HANDSHAKE_OPTIONS, handshakeAuth, startFeedClient, type FeedSocket } from '../../renderer/src/feed/feed-client';
import { createAppStore, type AppStore } from '../../renderer/src/store/store';
import { killHard, startGatewayProcess, type GatewayProcess } from '../support/gateway-process';

const running: GatewayProcess[] = [];
const cleanup: Array<() => void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) step();
  for (const gateway of running) gateway.child.kill('SIGCONT');
  await Promise.all(running.splice(0).map(killHard));
});

async function until(what: string, predicate: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

function screen(url: string): AppStore {
  const store = createAppStore();
  const socket = io(url, { ...HANDSHAKE_OPTIONS, transports: ['websocket'], auth: handshakeAuth('wall', null) });
  cleanup.push(startFeedClient({ store, socket: socket as unknown as FeedSocket, requestFrame: (f) => setTimeout(f, 16) }));
  return store;
}

describe('a gateway that goes silent without closing anything', () => {
  it('is noticed by every screen within 5 s, and the screens are live again by themselves when it wakes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-frozen-'));
    const gateway = await startGatewayProcess({ QUEUEBOARD_DATA_DIR: dataDir });
    running.push(gateway);
    const walls = [screen(gateway.url), screen(gateway.url)];
    await until('screens live', () => walls.every((w) => w.getState().connection.status === 'live'), 10_000);

    // SIGSTOP: the process is frozen, its sockets stay open, nothing is sent or closed: a hung host or a cut cable.
    gateway.child.kill('SIGSTOP');
    const noticed = await until('screens notice the silence', () => walls.every((w) => w.getState().connection.status === 'reconnecting'), 8000);
    console.log(`silent gateway noticed after ${Math.round(noticed)} ms`);
    expect(noticed).toBeLessThan(5000);

    gateway.child.kill('SIGCONT');
    const recovered = await until('screens live again', () => walls.every((w) => w.getState().connection.status === 'live'), 10_000);
    console.log(`live again ${Math.round(recovered)} ms after the gateway woke`);
    expect(recovered).toBeLessThan(5000);
  });
});
