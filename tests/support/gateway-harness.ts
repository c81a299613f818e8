import { io, type Socket } from 'socket.io-client';
import { acceleratedClock, systemClock, systemScheduler, type Clock } from '../../server/runtime/clock';
import { createGateway, type Gateway, type GatewayOptions } from '../../server/gateway';
import { demoConfig } from '../../server/config/demo-config';
import { silentLogger } from '../../server/runtime/logger';
import { createDemoSource } from '../../server/sources/demo/demo-source';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A busy weekday morning in both offices (Tuesday 24 November 2026, 10:17 in Lisbon, 11:17 in Amsterdam).
 * The demo's traffic follows the office day, so at night or on a weekend it may have no open alert at
 * all (seed 11 has none at 00:17 UTC on a Monday): tests that need alerts must not depend on the hour
 * at which CI happens to run them.
 */
export const BUSY_MORNING = Date.UTC(2026, 10, 24, 10, 17);

/** The system clock moved so that it reads `startAt` now, and runs on from there. */
export function clockStartingAt(startAt: number): Clock {
  const offset = startAt - systemClock.now();
  return { now: () => systemClock.now() + offset };
}

/**
 * A real gateway on loopback with the demo source, as `npm run gateway` runs it; `speed` runs simulated
 * time faster (as --speed does), so a test sees a few minutes of traffic in seconds. The gateway's clock
 * starts at `startAt` (null: the real time); screens follow the gateway's clock, not their own.
 */
export async function startDemoGateway(
  overrides: Partial<GatewayOptions> = {},
  speed = 1,
  port = 0,
  config = demoConfig(11),
  startAt: number | null = BUSY_MORNING,
): Promise<{ gateway: Gateway; url: string }> {
  const clock = acceleratedClock(startAt === null ? systemClock : clockStartingAt(startAt), speed);
  const gateway = createGateway({
    config,
    // As the gateway's start-up does: the demo feeds only the queues whose source is the demo.
    sources: [
      createDemoSource({
        config: { offices: config.offices, queues: config.queues.filter((q) => q.source.kind === 'demo') },
        settings: config.demo!,
        clock,
        scheduler: systemScheduler,
      }),
    ],
    clock,
    scheduler: systemScheduler,
    logger: silentLogger,
    rendererDir: 'dist/renderer',
    updateIntervalMs: 250,
    clockSpeed: speed,
    ...overrides,
    store: overrides.store ?? null,
  });
  const address = await gateway.listen(port, '127.0.0.1');
  return { gateway, url: `http://127.0.0.1:${address.port}` };
}

/**
 * A screen as a browser on the gateway's own page opens it: with the gateway's Origin, which lets it
 * watch without a token (a client without Origin is a script and needs one).
 */
export function connect(
  url: string,
  auth: Record<string, unknown> = { protocol: PROTOCOL_VERSION, client: 'wall' },
  { origin = new URL(url).origin, localAddress }: { origin?: string | null; localAddress?: string } = {},
): TestSocket {
  const from = localAddress ? { localAddress } : {};
  return io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...(origin ? { extraHeaders: { origin } } : {}), ...from });
}

export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(e: string, f: (v: unknown) => void): void }).once(event, (value) => {
      clearTimeout(timer);
      resolve(value as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}
