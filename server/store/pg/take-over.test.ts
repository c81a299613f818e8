import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../shared/protocol/validation';
import { gatewayHarness } from '../../../tests/support/fake-time-gateway';
import { oneOfficeConfig } from '../../../tests/support/one-office';
import { InProcessLeaseStore } from '../../cluster/in-process-lease';
import type { ClusterLink } from '../../cluster/redis-link';
import { GatewayConfigSchema, type GatewayConfig } from '../../config/config-schema';
import { silentLogger } from '../../runtime/logger';
import { openStore } from '../database';

const harness = gatewayHarness();
const parsed = parseWith(GatewayConfigSchema, oneOfficeConfig());
if (!parsed.ok) throw new Error(parsed.issues.join('; '));
const config: GatewayConfig = parsed.value;

/** A gateway in a cluster of one (the lease in this process; socket.io's default in-memory adapter) whose store is loaded by `loadStore` when it takes the lease. */
async function clustered(dataDir: string, loadStore: () => Promise<void>) {
  const lost: string[] = [];
  const leases = new InProcessLeaseStore(() => performance.now());
  const started = await harness.start({
    config,
    dataDir,
    cluster: { link: { serverOptions: {} as ClusterLink['serverOptions'], leases, close: async () => undefined }, holder: 'test', leaseLost: (reason) => lost.push(reason), loadStore },
  });
  return { ...started, lost };
}

/** Beats of the lease (fake time) until `done`, at most four. */
async function beats(time: { advance(ms: number): void }, done: () => boolean): Promise<void> {
  for (let beat = 0; beat < 4 && !done(); beat++) {
    time.advance(1400);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('taking the lease with the store in PostgreSQL', () => {
  it('loads the store first, then restores from it: thresholds the load wrote are the ones judged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-take-over-'));
    // What loading from PostgreSQL does to the working copy: another connection writes the file.
    const { gateway, time } = await clustered(dataDir, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const copy = openStore({ dataDir, clock: { now: () => 1 }, logger: silentLogger });
      copy.thresholds.put({ scope: 'queue', scopeId: 'chat', metric: 'backlog', profile: '', warning: 7, critical: 9, pendingSeconds: null, recoverySeconds: null }, null, 'ana', 1);
      copy.close();
    });
    expect(gateway.evaluating).toBe(false);
    expect(gateway.thresholds.overrides).toEqual([]);
    await beats(time, () => gateway.evaluating);
    expect(gateway.evaluating).toBe(true);
    expect(gateway.thresholds.overrides).toEqual([expect.objectContaining({ scopeId: 'chat', metric: 'backlog', warning: 7, critical: 9 })]);
  });

  it('a load that fails (PostgreSQL down) gives the lease up, naming why, and the gateway never evaluates', async () => {
    const { gateway, time, lost } = await clustered('temp', () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')));
    await beats(time, () => lost.length > 0);
    expect(lost).toEqual(['store not loaded: connect ECONNREFUSED 10.0.0.5:5432']);
    expect(gateway.evaluating).toBe(false);
  });
});
