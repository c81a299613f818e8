import { existsSync, renameSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DamagedStoreError } from './store-errors';

/** SQLite's answers for a file that is not a whole database (truncated, overwritten, not SQLite at all). */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function isDamageError(error: unknown): boolean {
  return error instanceof Database.SqliteError && DAMAGE_CODES.has(error.code);
}

/**
 * Refuses an existing zero-length file before SQLite sees it: SQLite would take it for a new database
 * and the gateway would start empty, silently losing thresholds, alerts and the audit trail.
 */
export function refuseEmptyFile(file: string): void {
  if (existsSync(file) && statSync(file).size === 0) throw new DamagedStoreError(file, 'the file is empty: 0 bytes');
}

/** `PRAGMA quick_check`: every page and b-tree is read, so a truncated file or damaged pages are found here, not mid-replay. */
export function quickCheck(db: Database.Database, file: string): void {
  let rows: unknown[];
  try {
    rows = db.pragma('quick_check', { simple: false }) as unknown[];
  } catch (error) {
    if (isDamageError(error)) throw new DamagedStoreError(file, `quick_check: ${(error as Error).message}`);
    throw error;
  }
  const problems = rows.map((row) => String(Object.values(row as object)[0])).filter((answer) => answer !== 'ok');
  if (problems.length > 0) {
    const first = problems[0]!.replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new DamagedStoreError(file, `quick_check found ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first: ${first}`);
  }
}

/** Renames the database and its WAL and shared-memory files to `<file>.<label>-<time>`, never deleting them. */
export function moveAside(file: string, label: string, now: number): string {
  const aside = `${file}.${label}-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
