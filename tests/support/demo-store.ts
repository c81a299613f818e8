import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GatewayConfig } from '../../server/config/config-schema';
import { demoConfig } from '../../server/config/demo-config';
import { silentLogger } from '../../server/runtime/logger';
import { seedDemoHistory } from '../../server/sources/demo/demo-history';
import { openStore, type GatewayStore } from '../../server/store';

export interface DemoStore {
  store: GatewayStore;
  /** Quarter-hour rows the demo's eight weeks wrote. */
  rows: number;
  /** Closes the store (unless the gateway using it already has) and deletes its folder. */
  remove(): void;
}

/**
 * A real SQLite store in a fresh folder with the demo's eight weeks of quarter-hour history, as `npm start`
 * writes them at a first start (server/start-gateway.ts): the baseline knows what is usual from the first beat.
 */
export function seededDemoStore(startAt: number, config: GatewayConfig = demoConfig(11)): DemoStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'queueboard-demo-store-'));
  const store = openStore({ dataDir, clock: { now: () => startAt }, logger: silentLogger });
  const demoQueues = config.queues.filter((q) => q.source.kind === 'demo');
  const rows = seedDemoHistory(store.quarters, { config: { offices: config.offices, queues: demoQueues }, seed: config.demo!.seed, startAt });
  return {
    store,
    rows,
    remove() {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
