import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedScreen, until } from '../support/feed-screen';
import { killHard, startGatewayProcess, type GatewayProcess } from '../support/gateway-process';

const running: GatewayProcess[] = [];
const cleanup: Array<() => void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) step();
  for (const gateway of running) gateway.child.kill('SIGCONT');
  await Promise.all(running.splice(0).map(killHard));
});

describe('a gateway that goes silent without closing anything', () => {
  it('is noticed by every screen within 5 s, and the screens are live again by themselves when it wakes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-frozen-'));
    const gateway = await startGatewayProcess({ QUEUEBOARD_DATA_DIR: dataDir });
    running.push(gateway);
    const walls = [feedScreen(gateway.url, cleanup), feedScreen(gateway.url, cleanup)];
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
