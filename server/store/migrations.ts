/** Schema versions, applied in order, each in its own transaction. Never edit a released one: add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, readings, history, thresholds, alerts, audit',
    sql: `
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        queue_id TEXT,
        at INTEGER NOT NULL,
        UNIQUE (source_id, event_id)
      );
      CREATE INDEX events_at ON events (at);
      CREATE INDEX events_ticket ON events (ticket_id);
      -- Tickets still open, so pruning keeps the events a restart needs to rebuild them.
      CREATE TABLE open_tickets (
        ticket_id TEXT PRIMARY KEY,
        queue_id TEXT NOT NULL,
        opened_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE readings (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id TEXT NOT NULL,
        reading_id TEXT,
        queue_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        backlog INTEGER,
        agents_online INTEGER,
        oldest_waiting_seconds REAL,
        UNIQUE (source_id, reading_id)
      );
      CREATE INDEX readings_at ON readings (at);
      CREATE TABLE metric_history (
        queue_id TEXT NOT NULL,
        minute INTEGER NOT NULL,
        metrics TEXT NOT NULL,
        PRIMARY KEY (queue_id, minute)
      ) WITHOUT ROWID;
      CREATE INDEX metric_history_minute ON metric_history (minute);
      CREATE TABLE thresholds (
        scope TEXT NOT NULL CHECK (scope IN ('default', 'office', 'queue')),
        scope_id TEXT NOT NULL DEFAULT '',
        metric TEXT NOT NULL,
        warning REAL NOT NULL,
        critical REAL NOT NULL,
        pending_seconds INTEGER,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (scope, scope_id, metric)
      ) WITHOUT ROWID;
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        queue_id TEXT NOT NULL,
        metric TEXT NOT NULL,
        level TEXT NOT NULL,
        value REAL,
        threshold REAL,
        opened_at INTEGER NOT NULL,
        resolved_at INTEGER,
        acknowledged_by TEXT,
        acknowledged_at INTEGER,
        ack_note TEXT,
        snoozed_until INTEGER,
        snoozed_by TEXT
      );
      CREATE INDEX alerts_open ON alerts (resolved_at);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'alert kinds, resolutions and snooze times; thresholds per time-of-day profile with recovery periods',
    sql: `
      ALTER TABLE alerts ADD COLUMN kind TEXT NOT NULL DEFAULT 'threshold';
      ALTER TABLE alerts ADD COLUMN projected_minutes INTEGER;
      ALTER TABLE alerts ADD COLUMN resolution TEXT;
      ALTER TABLE alerts ADD COLUMN snoozed_at INTEGER;
      CREATE TABLE thresholds_v2 (
        scope TEXT NOT NULL CHECK (scope IN ('default', 'office', 'queue')),
        scope_id TEXT NOT NULL DEFAULT '',
        metric TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '',
        warning REAL NOT NULL,
        critical REAL NOT NULL,
        pending_seconds INTEGER,
        recovery_seconds INTEGER,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (scope, scope_id, metric, profile)
      ) WITHOUT ROWID;
      INSERT INTO thresholds_v2 (scope, scope_id, metric, warning, critical, pending_seconds, version, updated_at, updated_by)
        SELECT scope, scope_id, metric, warning, critical, pending_seconds, version, updated_at, updated_by FROM thresholds;
      DROP TABLE thresholds;
      ALTER TABLE thresholds_v2 RENAME TO thresholds;
    `,
  },
  {
    version: 3,
    name: 'readings report open tickets in breach of an SLA target',
    sql: `
      ALTER TABLE readings ADD COLUMN sla_breached INTEGER;
    `,
  },
  {
    version: 4,
    name: 'rated events carry whether the customer was satisfied',
    sql: `
      ALTER TABLE events ADD COLUMN satisfied INTEGER;
    `,
  },
  {
    version: 5,
    name: 'compacted event log: engine checkpoint plus the tail since it; idempotency keys kept on their own',
    sql: `
      -- Keys of accepted input, kept for a horizon after arrival (inputKeyHorizonMs: 48 h or more) whether or not
      -- the event itself is still in the log, so a retried batch is recognised after a compaction.
      CREATE TABLE input_keys (
        source_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'reading')),
        input_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (source_id, kind, input_id)
      ) WITHOUT ROWID;
      CREATE INDEX input_keys_received ON input_keys (received_at);
      INSERT INTO input_keys (source_id, kind, input_id, received_at) SELECT source_id, 'event', event_id, at FROM events;
      INSERT INTO input_keys (source_id, kind, input_id, received_at)
        SELECT source_id, 'reading', reading_id, at FROM readings WHERE reading_id IS NOT NULL;
      -- The engine's state as of events.seq <= events_upto and readings.seq <= readings_upto; only those
      -- after it are replayed at a restart. One row, replaced together with the deletion of what it covers.
      CREATE TABLE engine_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        taken_at INTEGER NOT NULL,
        events_upto INTEGER NOT NULL,
        readings_upto INTEGER NOT NULL,
        state TEXT NOT NULL
      );
      DROP INDEX events_at;
      DROP INDEX events_ticket;
      DROP TABLE open_tickets;
    `,
  },
  {
    version: 6,
    name: 'quarter-hour history: per queue inflow, outflow, backlog and agents online for 8 weeks (the baseline learns from it)',
    sql: `
      -- One row per queue per 15 minutes (slot = its start, epoch ms), pruned past 8 weeks: bounded at
      -- queues x 96 x 57 rows. Counts are arrivals and departures within the slot; backlog and agents as it ended.
      CREATE TABLE quarter_history (
        queue_id TEXT NOT NULL,
        slot INTEGER NOT NULL,
        inflow INTEGER NOT NULL,
        outflow INTEGER NOT NULL,
        backlog INTEGER,
        agents_online INTEGER,
        PRIMARY KEY (queue_id, slot)
      ) WITHOUT ROWID;
      CREATE INDEX quarter_history_slot ON quarter_history (slot);
    `,
  },
  {
    version: 7,
    name: 'broadcasts: banners posted to the walls, with who posted, edited and ended them',
    sql: `
      -- content: the JSON of what was chosen (text, severity, audience, start, end, linked queues), audited as is.
      CREATE TABLE broadcasts (
        id TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        posted_by TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        edited_by TEXT,
        edited_at INTEGER,
        ended_at INTEGER,
        ended_by TEXT,
        end_reason TEXT CHECK (end_reason IN ('ended', 'expired'))
      );
      CREATE INDEX broadcasts_open ON broadcasts (posted_at) WHERE ended_at IS NULL;
    `,
  },
  {
    version: 8,
    name: 'incidents: affected queues and title, their timelines, and the incident an alert opened under',
    sql: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        queue_ids TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        closed_at INTEGER,
        closed_by TEXT
      );
      CREATE INDEX incidents_open ON incidents (closed_at);
      -- One row per timeline entry (JSON, shared/protocol/incident-protocol.ts TimelineEntrySchema), in order.
      CREATE TABLE incident_timeline (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        entry TEXT NOT NULL
      );
      CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, seq);
      ALTER TABLE alerts ADD COLUMN incident_id TEXT;
    `,
  },
  {
    version: 9,
    name: 'webhook deliveries that failed (the dead-letter list), bounded by webhooks.deadLetterLimit',
    sql: `
      CREATE TABLE webhook_dead_letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        event TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT NOT NULL,
        failed_at INTEGER NOT NULL
      );
    `,
  },
  {
    // 6 to 9 are other parts' of this round (forecast, broadcasts, incidents, webhooks): numbers fixed to merge.
    version: 10,
    name: 'the engine checkpoint written in chunks, so no single write holds the event loop',
    sql: `
      -- The checkpoint's text as numbered chunks of a generation; engine_checkpoint.generation names the one that
      -- counts (NULL: the text is in engine_checkpoint.state, as before). Chunks of another generation are garbage.
      CREATE TABLE engine_checkpoint_chunks (
        generation INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (generation, idx)
      );
      ALTER TABLE engine_checkpoint ADD COLUMN generation INTEGER;
    `,
  },
  {
    version: 11,
    name: 'connector cursors: where each helpdesk connection has read up to, so a restart or a takeover resumes there',
    sql: `
      -- One row per connection (source_id) and cursor (name: "tickets", "closed-since:<queue>"); value is the
      -- helpdesk's own (an opaque cursor, or epoch ms). Written after the events it covers are logged.
      CREATE TABLE connector_cursors (
        source_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (source_id, name)
      ) WITHOUT ROWID;
    `,
  },
];
