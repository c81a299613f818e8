import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { GatewayConfig } from '../../server/config/config-schema';
import { createGateway, type Gateway, type GatewayOptions } from '../../server/gateway';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { FakeTime } from './fake-time';
import { connect, type TestSocket } from './gateway-harness';

export interface HarnessStart extends Partial<Omit<GatewayOptions, 'config' | 'store'>> {
  config: GatewayConfig;
  /** Defaults to a fake clock at 10:00 UTC on Tuesday 24 November 2026. */
  time?: FakeTime;
  /** A real SQLite store in this folder (`'temp'`: a new temporary one); none when left out. */
  dataDir?: string;
}

/**
 * The set-up gateway tests share: a real gateway on loopback with no sources, a fake clock (time moves
 * only when the test advances it) and, when asked, a real SQLite file. Call once per test file, at the
 * top: whatever it started (sockets, gateways, and steps given to `onCleanup`) is closed after each test.
 * `gateways` and `sockets` are the live lists: a test that restarts a gateway takes it out and closes it.
 */
export function gatewayHarness() {
  const sockets: TestSocket[] = [];
  const gateways: Gateway[] = [];
  const steps: Array<() => unknown> = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    for (const step of steps.splice(0)) await step();
  });
  return {
    gateways,
    sockets,
    async start({ config, time = new FakeTime(Date.UTC(2026, 10, 24, 10)), dataDir, ...options }: HarnessStart) {
      const dir = dataDir === 'temp' ? mkdtempSync(join(tmpdir(), 'qb-test-')) : dataDir;
      const gateway = createGateway({
        config,
        sources: [],
        clock: time,
        scheduler: time,
        logger: silentLogger,
        rendererDir: 'dist/renderer',
        ...options,
        store: dir === undefined ? null : openStore({ dataDir: dir, clock: time, logger: silentLogger }),
      });
      gateways.push(gateway);
      const { port } = await gateway.listen(0, '127.0.0.1');
      return { gateway, time, url: `http://127.0.0.1:${port}` };
    },
    /** A socket.io client closed after the test. */
    connect(url: string, auth?: Record<string, unknown>): TestSocket {
      const socket = connect(url, auth);
      sockets.push(socket);
      return socket;
    },
    onCleanup(step: () => unknown): void {
      steps.push(step);
    },
  };
}
