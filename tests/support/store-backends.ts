import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { silentLogger } from '../../server/runtime/logger';
import { openStore, type GatewayStore } from '../../server/store';
import { openReplicatedStore } from '../../server/store/pg/replicated-store';
import type { RealPostgres } from './real-postgres';

/**
 * One store as the store tests see it: `first()` opens it; `next()` closes it and opens what the next gateway
 * works from (the same file again for SQLite; for PostgreSQL, a new gateway's working copy loaded from it).
 */
export interface StoreBackend {
  readonly name: string;
  first(): Promise<GatewayStore>;
  next(): Promise<GatewayStore>;
  close(): Promise<void>;
}

export const clock = { now: () => 1_000_000 };

export function sqliteBackend(): StoreBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'qb-contract-'));
  let store: GatewayStore | null = null;
  const open = async () => (store = openStore({ dataDir, clock, logger: silentLogger }));
  return {
    name: 'a SQLite file',
    first: open,
    async next() {
      store?.close();
      return open();
    },
    async close() {
      store?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

/** A database of its own on the real server, for one test. */
export async function freshDatabase(server: RealPostgres): Promise<string> {
  const name = `contract_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

export function postgresBackend(server: RealPostgres): StoreBackend {
  const folders: string[] = [];
  let url = '';
  let store: Awaited<ReturnType<typeof openReplicatedStore>> | null = null;
  const open = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-contract-pg-'));
    folders.push(dataDir);
    store = await openReplicatedStore({ url, dataDir, clock, logger: silentLogger });
    await store.systemOfRecord.hydrate();
    store.systemOfRecord.arm();
    return store;
  };
  const end = async () => {
    if (!store) return;
    await store.systemOfRecord.committed();
    await store.systemOfRecord.stop();
    store.close();
  };
  return {
    name: 'PostgreSQL (a working copy, then another gateway loading it)',
    async first() {
      url = await freshDatabase(server);
      return open();
    },
    async next() {
      await end();
      return open();
    },
    async close() {
      await end();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}
