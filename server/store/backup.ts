import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './database';
import { MIGRATIONS } from './migrations';
import { isDamageError, moveAside, quickCheck, refuseEmptyFile } from './store-check';
import { DAMAGED_WAY_OUT, DamagedStoreError, StoreError } from './store-errors';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the live database to `target` with SQLite's online backup (better-sqlite3's `db.backup()`):
 * the gateway keeps running and writing; the copy is one consistent moment. Written to `<target>.partial`,
 * checked with quick_check, then renamed, so a file at `target` is always a whole backup.
 */
export async function backupStore(dataDir: string, target: string): Promise<BackupResult> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new StoreError(`There is no database to back up at ${source}: check QUEUEBOARD_DATA_DIR.`);
  if (existsSync(target)) throw new StoreError(`The backup target ${target} already exists: name a new file (backups are never overwritten).`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = openExisting(source);
  try {
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new StoreError(`The backup of ${source} to ${target} failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  try {
    checkBackup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    if (!(error instanceof DamagedStoreError)) throw error;
    throw new StoreError(`The copy of ${source} is damaged (${error.detail}), so the database itself is; nothing was written to ${target}. ${DAMAGED_WAY_OUT}`);
  }
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size };
}

export interface RestoreResult {
  file: string;
  /** Where the database that was replaced went, or null if there was none. */
  movedAside: string | null;
}

/**
 * Puts a backup in place of the gateway's database. The backup is checked first (quick_check and a schema
 * this gateway knows); the gateway must be stopped; the current file is moved aside, never deleted.
 */
export function restoreStore(backup: string, dataDir: string, now: number): RestoreResult {
  if (!existsSync(backup)) throw new StoreError(`The backup ${backup} does not exist.`);
  try {
    checkBackup(backup);
  } catch (error) {
    if (!(error instanceof DamagedStoreError)) throw error;
    throw new StoreError(`The backup ${backup} is damaged (${error.detail}): nothing was restored; choose another backup.`);
  }
  const file = join(dataDir, DATABASE_FILE);
  if (existsSync(file)) refuseWhileInUse(file);
  const movedAside = existsSync(file) ? moveAside(file, 'before-restore', now) : null;
  mkdirSync(dataDir, { recursive: true });
  const partial = `${file}.partial`;
  copyFileSync(backup, partial);
  renameSync(partial, file);
  return { file, movedAside };
}

/** A backup is whole, a Queueboard store, and of a schema version this gateway can open. */
function checkBackup(file: string): void {
  refuseEmptyFile(file);
  const db = openExisting(file);
  try {
    quickCheck(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    const isStore = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    if (!isStore) throw new StoreError(`${file} is an SQLite file but not a Queueboard store (it has no schema_migrations table).`);
    if (version > known) throw new StoreError(`The backup ${file} has schema version ${version}, newer than this gateway knows (${known}): restore it with the newer gateway.`);
  } catch (error) {
    if (isDamageError(error)) throw new DamagedStoreError(file, (error as Error).message);
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Leaving WAL mode needs the database to itself: SQLite answers SQLITE_BUSY while a gateway has it open.
 * When it succeeds it also folds the WAL into the file, so what is moved aside is one whole file.
 */
function refuseWhileInUse(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StoreError(`The database ${file} is in use by a running gateway: stop the gateway, then restore.`);
    }
    // A damaged current file is what a restore is for: it is moved aside as it is.
    if (!isDamageError(error)) throw error;
  } finally {
    if (db?.open) db.close();
  }
}

function openExisting(file: string): Database.Database {
  try {
    return new Database(file, { fileMustExist: true });
  } catch (error) {
    if (isDamageError(error)) throw new DamagedStoreError(file, (error as Error).message);
    throw new StoreError(`Cannot open ${file}: ${(error as Error).message}`);
  }
}
