import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PG_TYPES } from '../../server/store/pg/pg-pool';
import { findBinary, freePort, postgresBinDirs, run, waitForPort } from './real-servers';

export interface RealPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust on loopback: a throwaway server). */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data folder. */
  close(): Promise<void>;
}

/**
 * A test's own look into PostgreSQL, read the way the store reads it (its type parsers). A server stopped under it
 * ends it, which a test that stops PostgreSQL expects: that error is no crash.
 */
export async function openPgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * A real PostgreSQL server on loopback, on a free port, with its own data folder, log file and socket folder.
 * PostgreSQL refuses to run as root: as root it runs as the `postgres` user (Debian's package makes it),
 * which then owns the folders.
 */
export async function startRealPostgres(): Promise<RealPostgres> {
  const dirs = postgresBinDirs();
  const binary = (name: string) => findBinary(name, [...dirs.map((dir) => `${dir}/${name}`), `/usr/local/bin/${name}`], 'postgresql');
  const initdb = binary('initdb');
  const pgCtl = binary('pg_ctl');
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'queueboard-postgres-'));
  const data = join(root, 'data');
  const sockets = join(root, 'sockets');
  const logFile = join(root, 'postgres.log');
  mkdirSync(data);
  mkdirSync(sockets);
  const asRoot = process.getuid?.() === 0;
  const as = (file: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]);
  if (asRoot) {
    const uid = Number(run('id', ['-u', 'postgres'], 'id -u postgres (the postgresql package makes this user)').trim());
    const gid = Number(run('id', ['-g', 'postgres'], 'id -g postgres').trim());
    for (const path of [root, data, sockets]) chownSync(path, uid, gid);
  }
  run(...as(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C']), 'initdb');

  const start = async () => {
    const serverOptions = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off`;
    run(...as(pgCtl, ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '30', 'start']), 'pg_ctl start');
    await waitForPort(port, 10_000, 'postgres');
  };
  const stop = async () => {
    run(...as(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']), 'pg_ctl stop');
  };
  let running = false;
  // An aborted run leaves no server behind.
  const onExit = () => {
    if (running) {
      try {
        run(...as(pgCtl, ['-D', data, '-m', 'immediate', 'stop']), 'pg_ctl stop');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', onExit);
  await start();
  running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async close() {
      if (running) await stop();
      running = false;
      process.off('exit', onExit);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
