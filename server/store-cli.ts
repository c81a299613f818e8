// `npm run backup -- <target-file>`, `npm run restore -- <backup-file>` (docs/RELIABILITY.md) and
// `npm run store -- to-postgres --url postgres://… [--data-dir <folder>] [--replace]` (README, "Several gateways").
// The database is found as the gateway finds it: QUEUEBOARD_DATA_DIR, or .data in the project (or --data-dir).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSettings, SettingsError } from './runtime/settings';
import { createLogger } from './runtime/logger';
import { backupStore, restoreStore, StoreError } from './store';
import { moveToPostgres } from './store/pg/move-to-postgres';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const [command, ...rest] = process.argv.slice(2);
const USAGE =
  'Usage: npm run backup -- <target-file>   or   npm run restore -- <backup-file>   or\n' +
  '       npm run store -- to-postgres --url postgres://user@host/db [--data-dir <folder>] [--replace]   (with the gateway stopped)';

try {
  const { dataDir } = readSettings(process.env, projectRoot);
  if (command === 'to-postgres') await toPostgres(dataDir);
  else if ((command === 'backup' || command === 'restore') && rest[0]) {
    const file = resolve(rest[0]);
    if (command === 'backup') {
      const result = await backupStore(dataDir, file);
      process.stdout.write(`Backed up ${dataDir} to ${result.file} (${result.bytes} bytes, checked with quick_check).\n`);
    } else {
      const result = restoreStore(file, dataDir, Date.now());
      const aside = result.movedAside ? ` The database it replaced is kept as ${result.movedAside}.` : '';
      process.stdout.write(`Restored ${file} to ${result.file}.${aside} Start the gateway again.\n`);
    }
  } else throw new StoreError(USAGE);
} catch (error) {
  const known = error instanceof StoreError || error instanceof SettingsError;
  process.stderr.write(known ? `${error.message}\n` : `The ${command} failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}

async function toPostgres(defaultDataDir: string): Promise<void> {
  let values: { url?: string; 'data-dir'?: string; replace?: boolean };
  try {
    ({ values } = parseArgs({ args: rest, options: { url: { type: 'string' }, 'data-dir': { type: 'string' }, replace: { type: 'boolean' } } }));
  } catch (error) {
    throw new StoreError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.url) throw new StoreError(`to-postgres: --url is required (the PostgreSQL store, e.g. postgres://queueboard@db-host/queueboard)\n${USAGE}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir);
  const logger = createLogger({ level: 'warn', write: (line) => process.stderr.write(`${line}\n`) });
  const result = await moveToPostgres({ dataDir, url: values.url, replace: values.replace ?? false, logger });
  const rows = [...result.counts].map(([table, n]) => `  ${table}: ${n}`).join('\n');
  process.stdout.write(`Copied ${result.file} into ${result.target} (rows, the same on both sides):\n${rows}\n` +
    `Start the gateways with QUEUEBOARD_STORE set to that address.\n`);
}
