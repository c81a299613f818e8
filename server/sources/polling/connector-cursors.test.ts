import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../shared/ingest';
import { IngestPipeline } from '../../ingest/ingest-pipeline';
import { MetricEngine } from '../../metrics';
import { Counter } from '../../runtime/prometheus';
import type { LogFields } from '../../runtime/logger';
import type { SavedCursor } from '../../store/cursor-store';
import type { SourceSink } from '../source';
import { ConnectorCursors, CURSOR_MAX_AGE_MS } from './connector-cursors';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 86_400_000;

function cursorsOver(saved: Map<string, SavedCursor>) {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: LogFields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const cursors = new ConnectorCursors({
    sourceId: 'zd', label: 'Zendesk', clock: { now: () => NOW },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
  });
  const sink: SourceSink = {
    events: () => {}, reading: () => {}, status: () => {},
    savedCursor: (sourceId, name) => saved.get(`${sourceId}/${name}`) ?? null,
    saveCursor: (sourceId, name, value, savedAt) => saved.set(`${sourceId}/${name}`, { value, savedAt }),
  };
  return { cursors, sink, lines };
}

describe('ConnectorCursors', () => {
  it('resumes from a cursor saved within 30 days, and saves with the connector’s clock', () => {
    const saved = new Map([['zd/tickets', { value: 'abc', savedAt: NOW - DAY }]]);
    const { cursors, sink, lines } = cursorsOver(saved);
    expect(cursors.resume(sink, 'tickets')).toEqual({ value: 'abc', savedAt: NOW - DAY });
    expect(lines.at(-1)).toMatch(/^info Zendesk resumes from its saved cursor/);
    cursors.saveTime(sink, 'closed-since:vip', NOW - 5000);
    expect(saved.get('zd/closed-since:vip')).toEqual({ value: String(NOW - 5000), savedAt: NOW });
    expect(cursors.resumeTime(sink, 'closed-since:vip')).toBe(NOW - 5000);
  });

  it('reads the backfill window instead of a cursor saved too long ago, or one that is not a time, saying so', () => {
    const saved = new Map([
      ['zd/tickets', { value: 'abc', savedAt: NOW - CURSOR_MAX_AGE_MS - 1 }],
      ['zd/since', { value: 'yesterday', savedAt: NOW }],
    ]);
    const { cursors, sink, lines } = cursorsOver(saved);
    expect(cursors.resume(sink, 'tickets')).toBeNull();
    expect(lines.at(-1)).toMatch(/^warn Zendesk cursor saved too long ago to resume from: reading the backfill window .*"maxAgeDays":30/);
    expect(cursors.resumeTime(sink, 'since')).toBeNull();
    expect(lines.at(-1)).toMatch(/^warn Zendesk refused the saved cursor: reading the backfill window .*not a time/);
    expect(cursors.resume(sink, 'other')).toBeNull();
  });
});

describe('IngestPipeline.saveCursor', () => {
  it('saves a cursor only after the events sent before it are logged, also while a checkpoint holds input', () => {
    const order: string[] = [];
    const pipeline = new IngestPipeline({
      engine: new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] }),
      log: {
        appendBatch: (_: string, events: readonly TicketEvent[]) => {
          order.push(`events ${events.map((e) => e.eventId).join(',')}`);
          return { accepted: [...events], duplicates: 0 };
        },
        appendReading: () => ({ accepted: true }),
      },
      cursors: { read: () => null, save: (_s, name, value) => order.push(`cursor ${name}=${value}`) },
      isDurable: () => true, dropped: new Counter('dropped'), touched: () => {}, sourceStatus: () => {},
    });
    const created: TicketEvent = { eventId: 'e1', type: 'created', ticketId: 't1', queueId: 'chat', at: NOW };
    const open = pipeline.hold();
    pipeline.events('zd', [created]);
    pipeline.saveCursor('zd', 'tickets', 'c1', NOW);
    expect(order).toEqual([]);
    open();
    pipeline.events('zd', [{ ...created, eventId: 'e2', ticketId: 't2' }]);
    pipeline.saveCursor('zd', 'tickets', 'c2', NOW);
    expect(order).toEqual(['events e1', 'cursor tickets=c1', 'events e2', 'cursor tickets=c2']);
  });
});
