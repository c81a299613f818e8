import type Database from 'better-sqlite3';
import { TimelineEntrySchema, type Incident, type TimelineEntry } from '../../shared/protocol/incident-protocol';
import type { AuditLog } from '../store/audit-log';

/** Where incidents and their timelines are kept: the SQLite store, or memory for a gateway without one. */
export interface IncidentPersistence {
  /** Saves a new incident with its first entry; audited (who, when) in the same transaction. */
  open(incident: Incident, entry: TimelineEntry): void;
  /** Saves the closed incident with its last entry; audited in the same transaction. */
  close(incident: Incident, entry: TimelineEntry): void;
  append(incidentId: string, entry: TimelineEntry): void;
  get(incidentId: string): Incident | null;
  listOpen(): Incident[];
  timeline(incidentId: string): TimelineEntry[];
}

interface IncidentRow {
  id: string;
  title: string;
  queue_ids: string;
  opened_at: number;
  opened_by: string;
  closed_at: number | null;
  closed_by: string | null;
}

/** Incidents in the gateway's SQLite file (migration 8): they and their timelines survive a restart. */
export class IncidentStore implements IncidentPersistence {
  private readonly upsert;
  private readonly insertEntry;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditLog,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO incidents (id, title, queue_ids, opened_at, opened_by, closed_at, closed_by)
       VALUES (@id, @title, @queue_ids, @opened_at, @opened_by, @closed_at, @closed_by)
       ON CONFLICT (id) DO UPDATE SET closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
    );
    this.insertEntry = db.prepare('INSERT INTO incident_timeline (incident_id, entry) VALUES (?, ?)');
  }

  open(incident: Incident, entry: TimelineEntry): void {
    this.db.transaction(() => {
      this.upsert.run(toRow(incident));
      this.append(incident.id, entry);
      this.audit.append({ at: incident.openedAt, actor: incident.openedBy, action: 'incident.open', subject: subjectOf(incident), before: null, after: incident });
    })();
  }

  close(incident: Incident, entry: TimelineEntry): void {
    this.db.transaction(() => {
      const before = this.get(incident.id);
      this.upsert.run(toRow(incident));
      this.append(incident.id, entry);
      this.audit.append({ at: entry.at, actor: incident.closedBy ?? '', action: 'incident.close', subject: subjectOf(incident), before, after: incident });
    })();
  }

  append(incidentId: string, entry: TimelineEntry): void {
    this.insertEntry.run(incidentId, JSON.stringify(entry));
  }

  get(incidentId: string): Incident | null {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(incidentId) as IncidentRow | undefined;
    return row ? toIncident(row) : null;
  }

  listOpen(): Incident[] {
    return (this.db.prepare('SELECT * FROM incidents WHERE closed_at IS NULL ORDER BY opened_at, id').all() as IncidentRow[]).map(toIncident);
  }

  timeline(incidentId: string): TimelineEntry[] {
    const rows = this.db.prepare('SELECT entry FROM incident_timeline WHERE incident_id = ? ORDER BY seq').all(incidentId) as { entry: string }[];
    // Entries were validated when written; parsing again keeps a hand-edited file from reaching a screen unchecked.
    return rows.map((row) => TimelineEntrySchema.parse(JSON.parse(row.entry)));
  }
}

/** The same, in memory: a gateway run without a store (tests of other parts, `--no-store`). */
export class MemoryIncidentStore implements IncidentPersistence {
  private readonly incidents = new Map<string, Incident>();
  private readonly entries = new Map<string, TimelineEntry[]>();

  open(incident: Incident, entry: TimelineEntry): void {
    this.incidents.set(incident.id, incident);
    this.entries.set(incident.id, [entry]);
  }

  close(incident: Incident, entry: TimelineEntry): void {
    this.incidents.set(incident.id, incident);
    this.append(incident.id, entry);
  }

  append(incidentId: string, entry: TimelineEntry): void {
    this.entries.get(incidentId)?.push(entry);
  }

  get(incidentId: string): Incident | null {
    return this.incidents.get(incidentId) ?? null;
  }

  listOpen(): Incident[] {
    return [...this.incidents.values()].filter((incident) => incident.closedAt === null);
  }

  timeline(incidentId: string): TimelineEntry[] {
    return [...(this.entries.get(incidentId) ?? [])];
  }
}

function subjectOf(incident: Incident): string {
  return `incident ${incident.id} (${incident.queueIds.join(', ')})`;
}

function toRow(incident: Incident): IncidentRow {
  return {
    id: incident.id,
    title: incident.title,
    queue_ids: JSON.stringify(incident.queueIds),
    opened_at: incident.openedAt,
    opened_by: incident.openedBy,
    closed_at: incident.closedAt,
    closed_by: incident.closedBy,
  };
}

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    queueIds: JSON.parse(row.queue_ids) as string[],
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
  };
}
