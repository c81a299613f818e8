import type Database from 'better-sqlite3';
import type pg from 'pg';

/** A table of the store and its primary key, the same in SQLite and PostgreSQL (pg-migrations.ts). */
export interface StoreTable {
  readonly name: string;
  readonly key: readonly string[];
}

/** Every table a gateway keeps, parents before children (incident_timeline refers to incidents). */
export const STORE_TABLES: readonly StoreTable[] = [
  { name: 'events', key: ['seq'] },
  { name: 'readings', key: ['seq'] },
  { name: 'input_keys', key: ['source_id', 'kind', 'input_id'] },
  { name: 'engine_checkpoint', key: ['id'] },
  { name: 'engine_checkpoint_chunks', key: ['generation', 'idx'] },
  { name: 'metric_history', key: ['queue_id', 'minute'] },
  { name: 'quarter_history', key: ['queue_id', 'slot'] },
  { name: 'thresholds', key: ['scope', 'scope_id', 'metric', 'profile'] },
  { name: 'alerts', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'broadcasts', key: ['id'] },
  { name: 'incidents', key: ['id'] },
  { name: 'incident_timeline', key: ['seq'] },
  { name: 'webhook_dead_letters', key: ['id'] },
  { name: 'connector_cursors', key: ['source_id', 'name'] },
];

export type Row = Record<string, unknown>;

/** Rows whose JSON stays under this per statement: checkpoint chunks are 256 KiB each. */
const STATEMENT_BYTES = 4 * 1024 * 1024;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes whole rows, replacing any with the same key; the table's columns are the rows' own. */
export async function upsertRows(client: pg.ClientBase, table: StoreTable, rows: readonly Row[]): Promise<void> {
  for (const part of bySize(rows)) {
    const columns = Object.keys(part[0]!).map(quote);
    const keys = table.key.map(quote);
    const update = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
    const onConflict = update.length > 0 ? `DO UPDATE SET ${update.join(', ')}` : 'DO NOTHING';
    await client.query(
      `INSERT INTO ${quote(table.name)} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json)
       ON CONFLICT (${keys.join(', ')}) ${onConflict}`,
      [JSON.stringify(part)],
    );
  }
}

/** Deletes the rows with these keys (objects of the key columns). */
export async function deleteRows(client: pg.ClientBase, table: StoreTable, keys: readonly Row[]): Promise<void> {
  const columns = table.key.map(quote).join(', ');
  for (const part of bySize(keys)) {
    await client.query(
      `DELETE FROM ${quote(table.name)} WHERE (${columns}) IN (SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json))`,
      [JSON.stringify(part)],
    );
  }
}

/** SQLite's AUTOINCREMENT marks (table sqlite_sequence), kept in PostgreSQL as sqlite_sequences. */
export function sqliteSequences(db: Database.Database): Row[] {
  return db.prepare('SELECT name, seq FROM sqlite_sequence').all() as Row[];
}

export async function writeSequences(client: pg.ClientBase, rows: readonly Row[]): Promise<void> {
  if (rows.length > 0) await upsertRows(client, { name: 'sqlite_sequences', key: ['name'] }, rows);
}

/** Every row of every table of a SQLite store, then its sequences, into PostgreSQL (inside the caller's transaction). */
export async function copySqliteToPostgres(db: Database.Database, client: pg.ClientBase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of STORE_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${quote(table.name)}`).all() as Row[];
    if (rows.length > 0) await upsertRows(client, table, rows);
    counts.set(table.name, rows.length);
  }
  await writeSequences(client, sqliteSequences(db));
  return counts;
}

/** Rows of every table in PostgreSQL: what a working copy is loaded with (hydrate). */
export async function readPostgres(client: pg.ClientBase): Promise<{ tables: Map<string, Row[]>; sequences: Row[] }> {
  const tables = new Map<string, Row[]>();
  for (const table of STORE_TABLES) {
    const { rows } = await client.query<Row>(`SELECT * FROM ${quote(table.name)} ORDER BY ${table.key.map(quote).join(', ')}`);
    tables.set(table.name, rows);
  }
  const { rows: sequences } = await client.query<Row>('SELECT name, seq FROM sqlite_sequences');
  return { tables, sequences };
}

/** Replaces every table of a SQLite working copy with `content`, and its sequences, in one transaction. */
export function replaceSqlite(db: Database.Database, content: { tables: Map<string, Row[]>; sequences: Row[] }): void {
  db.transaction(() => {
    for (const table of [...STORE_TABLES].reverse()) db.prepare(`DELETE FROM ${quote(table.name)}`).run();
    for (const table of STORE_TABLES) {
      const rows = content.tables.get(table.name) ?? [];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const insert = db.prepare(`INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      for (const row of rows) insert.run(row);
    }
    db.prepare('DELETE FROM sqlite_sequence').run();
    const insertSequence = db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
    for (const { name, seq } of content.sequences) insertSequence.run(name, seq);
  })();
}

/** The rows of one table in SQLite, in key order (tests and the move command compare both sides with it). */
export function sqliteRows(db: Database.Database, table: StoreTable): Row[] {
  return db.prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${table.key.map(quote).join(', ')}`).all() as Row[];
}

function* bySize(rows: readonly Row[]): Generator<Row[]> {
  let part: Row[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (part.length > 0 && bytes + size > STATEMENT_BYTES) {
      yield part;
      part = [];
      bytes = 0;
    }
    part.push(row);
    bytes += size;
  }
  if (part.length > 0) yield part;
}
