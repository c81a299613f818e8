import type Database from 'better-sqlite3';
import { STORE_TABLES, sqliteSequences, type Row, type StoreTable } from './store-tables';

/** What changed in the working copy since the last take: per table, rows as they are now and keys of rows gone. */
export interface ChangeSet {
  readonly upserts: ReadonlyArray<{ table: StoreTable; rows: Row[] }>;
  readonly deletes: ReadonlyArray<{ table: StoreTable; keys: Row[] }>;
  readonly sequences: Row[];
  /** How many rows it carries (for the bound and the counters). */
  readonly size: number;
  /** The number of the last change it covers. */
  readonly upto: number;
}

/**
 * Records which rows of the working copy change, with temporary triggers (this connection only, never in the
 * file): every store class keeps writing SQLite as it always has, synchronously, and `take()` turns what it
 * wrote into rows to ship. A row written many times between two takes ships once, as it is at the take.
 * Changes are numbered (n): the sequence `committed()` waits on.
 */
export class ChangeCapture {
  private readonly pending;
  private readonly clear;
  private readonly clearUpto;
  private readonly last;
  private readonly selects: Map<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS queueboard_changes (n INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL)');
    for (const table of STORE_TABLES) {
      const keyOf = (row: 'NEW' | 'OLD') => `json_array(${table.key.map((c) => `${row}."${c}"`).join(', ')})`;
      const record = (row: 'NEW' | 'OLD') => `INSERT INTO temp.queueboard_changes (tbl, key) VALUES ('${table.name}', ${keyOf(row)});`;
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS qb_${table.name}_insert AFTER INSERT ON main.${table.name} BEGIN ${record('NEW')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS qb_${table.name}_update AFTER UPDATE ON main.${table.name} BEGIN ${record('OLD')} ${record('NEW')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS qb_${table.name}_delete AFTER DELETE ON main.${table.name} BEGIN ${record('OLD')} END;
      `);
    }
    this.pending = db.prepare('SELECT n, tbl, key FROM temp.queueboard_changes ORDER BY n LIMIT ?');
    this.clear = db.prepare('DELETE FROM temp.queueboard_changes');
    this.clearUpto = db.prepare('DELETE FROM temp.queueboard_changes WHERE n <= ?');
    this.last = db.prepare('SELECT MAX(n) FROM temp.queueboard_changes').pluck();
    this.selects = new Map(
      STORE_TABLES.map((t) => [t.name, db.prepare(`SELECT * FROM main.${t.name} WHERE ${t.key.map((c) => `"${c}" = ?`).join(' AND ')}`)]),
    );
  }

  /** The number of the latest change recorded and not yet taken, or null: `committed` waits for the set holding it. */
  lastChange(): number | null {
    return (this.last.get() as number | null) ?? null;
  }

  /**
   * The oldest `limit` changes not yet taken (a big write, such as the demo's eight weeks, goes out in several
   * sets so no single take holds the event loop), each row read as it is now, in one go. A row changed again
   * after them ships again in a later set, as it is then: sets apply in order, so the last state wins.
   */
  take(limit = 2000): ChangeSet | null {
    return this.db.transaction(() => {
      const changed = this.pending.all(limit) as Array<{ n: number; tbl: string; key: string }>;
      if (changed.length === 0) return null;
      const upserts = new Map<string, Row[]>();
      const deletes = new Map<string, Row[]>();
      const seen = new Set<string>();
      for (const { tbl, key } of changed) {
        if (seen.has(`${tbl} ${key}`)) continue;
        seen.add(`${tbl} ${key}`);
        const table = STORE_TABLES.find((t) => t.name === tbl)!;
        const values = JSON.parse(key) as unknown[];
        const row = this.selects.get(tbl)!.get(...values) as Row | undefined;
        if (row) push(upserts, tbl, row);
        else push(deletes, tbl, Object.fromEntries(table.key.map((c, i) => [c, values[i]])));
      }
      const upto = changed.at(-1)!.n;
      this.clearUpto.run(upto);
      const list = <T extends 'rows' | 'keys'>(map: Map<string, Row[]>, field: T) =>
        STORE_TABLES.filter((t) => map.has(t.name)).map((table) => ({ table, [field]: map.get(table.name)! }) as { table: StoreTable } & Record<T, Row[]>);
      return { upserts: list(upserts, 'rows'), deletes: list(deletes, 'keys'), sequences: sqliteSequences(this.db), size: seen.size, upto };
    })();
  }

  /** Forgets what was recorded (the working copy was just replaced from PostgreSQL). */
  discard(): void {
    this.clear.run();
  }
}

function push(map: Map<string, Row[]>, table: string, row: Row): void {
  const rows = map.get(table);
  if (rows) rows.push(row);
  else map.set(table, [row]);
}
