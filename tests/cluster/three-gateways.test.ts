import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { startClusterWorld, type ClusterWorld } from '../support/cluster-world';
import { until } from '../support/feed-screen';
import { connect, nextEvent } from '../support/gateway-harness';
import { killHard } from '../support/gateway-process';
import type { AppStore } from '../../renderer/src/store/store';

let world: ClusterWorld;

/** Live, and the gateway spoke within the last 2.5 s (heartbeats come every second; CI shares its cores). */
const fresh = (screen: AppStore) => {
  const { status, lastMessageAt } = screen.getState().connection;
  return status === 'live' && lastMessageAt !== null && Date.now() - lastMessageAt < 2500;
};

/** A person's change shows within a second on one gateway; across three processes on CI's shared cores, allow three. */
const FAN_OUT_MS = 3000;

/** A manager's threshold change made on `url`; resolves once every screen shows it, with how long that took. */
async function changeThresholds(url: string, screens: AppStore[], warning: number): Promise<number> {
  const queueId = screens[0]!.getState().feed.queues[0]!.id;
  const manager = connect(url, { protocol: PROTOCOL_VERSION, client: 'settings', token: 'demo-manager-token' }, { origin: null });
  try {
    const thresholds = await nextEvent(manager, 'thresholds', 10_000);
    const current = thresholds.overrides.find((o) => o.scopeId === queueId && o.metric === 'backlog');
    const key = { scope: 'queue', scopeId: queueId, metric: 'backlog' } as const;
    const started = performance.now();
    const saved = await manager.emitWithAck('thresholds:save', { changes: [{ key, value: { warning, critical: warning + 1 }, expectedVersion: current?.version ?? null }] });
    expect(saved).toMatchObject({ ok: true, applied: 1 });
    const shown = (s: AppStore) => s.getState().thresholds?.overrides.some((o) => o.scopeId === queueId && o.warning === warning) ?? false;
    await until(`warning ${warning} on every screen`, () => screens.every(shown), 5000);
    return performance.now() - started;
  } finally {
    manager.disconnect();
  }
}

beforeAll(async () => {
  world = await startClusterWorld(3);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('three gateways on one Redis', () => {
  it('exactly one evaluates; a threshold change made on one reaches screens on the other two at once', async () => {
    const evaluator = await world.evaluator();
    const others = world.gateways.filter((g) => g !== evaluator);
    // Screens on the two standing by: their board comes from the evaluator. The manager is on a standby too:
    // the command goes to the evaluator and its answer comes back.
    const screens = others.map((g) => world.screen(world.urls.indexOf(g.url)));
    await until('both screens live', () => screens.every((s) => s.getState().connection.status === 'live'), 15_000);
    expect(await changeThresholds(others[0]!.url, screens, 1)).toBeLessThan(FAN_OUT_MS);
  });

  // Ingest and the admin API are taken on any gateway: tests/cluster/ingest-any-gateway.test.ts, admin-any-gateway.test.ts.

  it('a screen whose connection drops for a moment gets its session back (connection-state recovery), its token checked again', async () => {
    const evaluator = await world.evaluator();
    const standby = world.gateways.find((g) => g !== evaluator)!;
    const socket = io(standby.url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 200, auth: { protocol: PROTOCOL_VERSION, client: 'wall', token: 'demo-display-token' } });
    try {
      await nextEvent(socket as never, 'snapshot', 10_000);
      const id = socket.id;
      expect(socket.recovered).toBe(false);
      // The network drops: the transport closes without a word from either side.
      (socket.io.engine as unknown as { close(): void }).close();
      const session = await nextEvent(socket as never, 'session', 10_000);
      expect(session).toEqual({ role: 'display', name: 'Lisbon floor screen' });
      expect(socket.recovered).toBe(true);
      expect(socket.id).toBe(id);
      // It is still sent a snapshot to draw from.
      await nextEvent(socket as never, 'snapshot', 10_000);
    } finally {
      socket.disconnect();
    }
  });

  it('Redis restarted: the lease stays with its holder, every screen is live again and changes fan out again', async () => {
    const before = await world.evaluator();
    const screens = [0, 1, 2].map((first) => world.screen(first));
    await until('three screens live', () => screens.every(fresh), 15_000);
    await world.redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await world.redis.start();
    const restarted = performance.now();
    await until('every screen live and fresh after the restart', () => screens.every(fresh), 10_000);
    expect(performance.now() - restarted).toBeLessThan(10_000);
    expect((await world.evaluator()).url).toBe(before.url);
    const standby = world.gateways.find((g) => g !== before)!;
    expect(await changeThresholds(standby.url, screens, 3)).toBeLessThan(FAN_OUT_MS);
  });

  it('the evaluating gateway killed: another takes over within 10 s and every screen is live again, its own included', async () => {
    const evaluator = await world.evaluator();
    const at = world.urls.indexOf(evaluator.url);
    const screens = [world.screen(at), world.screen((at + 1) % world.urls.length)];
    await until('both screens live', () => screens.every(fresh), 15_000);
    const killedAt = Date.now();
    await killHard(evaluator);
    const next = await world.evaluator(15_000);
    expect(next).not.toBe(evaluator);
    // Taken over when the new holder took the lease, then at once started the work (its log says when, to the ms);
    // /healthz answers a little later, once the demo has replayed its day (about 2 s of one core).
    const tookLeaseAt = [...next.output().matchAll(/^(\S+Z) INFO {2}took the lease/gm)].map((m) => Date.parse(m[1]!)).at(-1);
    expect(tookLeaseAt, 'the new evaluator logs when it took the lease').toBeDefined();
    expect(tookLeaseAt! - killedAt).toBeGreaterThan(0);
    expect(tookLeaseAt! - killedAt).toBeLessThanOrEqual(10_000);
    // The screen of the dead gateway moved to a live one; the other drew the new evaluator's board.
    await until('both screens live again', () => screens.every(fresh), 10_000);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    const survivor = world.gateways.find((g) => g !== evaluator && g !== next) ?? next;
    expect(await changeThresholds(survivor.url, screens, 5)).toBeLessThan(FAN_OUT_MS);
  });

  it('Redis gone longer than the lease: the evaluator stops (exit 75, for its supervisor); with Redis back a standby takes over and screens resync', async () => {
    const evaluator = await world.evaluator();
    const standby = world.gateways.find((g) => g !== evaluator && g.child.exitCode === null && g.child.signalCode === null)!;
    const screen = world.screen(world.urls.indexOf(standby.url));
    await until('the screen live', () => fresh(screen), 15_000);
    const exited = new Promise<number | null>((resolve) => evaluator.child.once('exit', (code) => resolve(code)));
    await world.redis.stop();
    expect(await exited).toBe(75);
    expect(evaluator.output()).toMatch(/lost the lease while evaluating: stopping, to start again as a standby/);
    await world.redis.start();
    expect(await world.evaluator(15_000)).toBe(standby);
    await until('the screen live again', () => fresh(screen), 10_000);
  });
});
