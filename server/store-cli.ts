// `npm run backup -- <target-file>` and `npm run restore -- <backup-file>` (docs/RELIABILITY.md).
// The database is found as the gateway finds it: QUEUEBOARD_DATA_DIR, or .data in the project.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSettings, SettingsError } from './runtime/settings';
import { backupStore, restoreStore, StoreError } from './store';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const [command, fileArgument] = process.argv.slice(2);

try {
  if ((command !== 'backup' && command !== 'restore') || !fileArgument) {
    throw new StoreError('Usage: npm run backup -- <target-file>   or   npm run restore -- <backup-file> (with the gateway stopped)');
  }
  const { dataDir } = readSettings(process.env, projectRoot);
  const file = resolve(fileArgument);
  if (command === 'backup') {
    const result = await backupStore(dataDir, file);
    process.stdout.write(`Backed up ${dataDir} to ${result.file} (${result.bytes} bytes, checked with quick_check).\n`);
  } else {
    const result = restoreStore(file, dataDir, Date.now());
    const aside = result.movedAside ? ` The database it replaced is kept as ${result.movedAside}.` : '';
    process.stdout.write(`Restored ${file} to ${result.file}.${aside} Start the gateway again.\n`);
  }
} catch (error) {
  const known = error instanceof StoreError || error instanceof SettingsError;
  process.stderr.write(known ? `${error.message}\n` : `The ${command} failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
