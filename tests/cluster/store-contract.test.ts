import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import type { Incident, TimelineEntry } from '../../shared/protocol/incident-protocol';
import type { Alert } from '../../shared/protocol/protocol';
import type { BroadcastRecord } from '../../server/broadcasts/broadcast-record';
import { ConflictError } from '../../server/store';
import { startRealPostgres, type RealPostgres } from '../support/real-postgres';
import { clock, postgresBackend, sqliteBackend, type StoreBackend } from '../support/store-backends';

// The same store tests against a SQLite file and a real PostgreSQL server: what one gateway wrote is what the next
// one reads (after a restart on SQLite, after a takeover on PostgreSQL), with the same answers to the same calls.
let server: RealPostgres;
beforeAll(async () => {
  server = await startRealPostgres();
});
afterAll(async () => {
  await server?.close();
});

const KEY = { scope: 'queue', scopeId: 'chat', metric: 'backlog', profile: '' } as const;
const alert: Alert = {
  id: 'a1', queueId: 'chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 40, threshold: 30, projectedMinutes: null,
  openedAt: 10, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
};
const created = (eventId: string, at = 5000): TicketEvent => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId: 'chat', at });
const broadcast: BroadcastRecord = {
  id: 'b1', postedBy: 'ana', postedAt: 100, edited: null,
  content: { text: { en: 'Phones down' }, severity: 'warning', audience: { kind: 'all' }, startsAt: 100, endsAt: 10_000, linkedQueueIds: ['chat'] },
} as unknown as BroadcastRecord;
const incident: Incident = { id: 'i1', title: 'Phones', queueIds: ['chat'], openedAt: 50, openedBy: 'ana', closedAt: null, closedBy: null };
const opened: TimelineEntry = { kind: 'opened', at: 50, actor: 'ana', title: 'Phones', queueIds: ['chat'] };

const backends: Array<[string, () => StoreBackend]> = [
  ['a SQLite file', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(server)],
];

describe.each(backends)('the store on %s', (_name, make) => {
  const withStore = (test: (backend: StoreBackend) => Promise<void>) => async () => {
    const backend = make();
    try {
      await test(backend);
    } finally {
      await backend.close();
    }
  };

  it('keeps thresholds with their versions and audit, and refuses a stale version after the move', withStore(async (backend) => {
    const store = await backend.first();
    const first = store.thresholds.put({ ...KEY, warning: 12, critical: 20, pendingSeconds: 120, recoverySeconds: null }, null, 'ana', 1000);
    expect(() => store.thresholds.put({ ...KEY, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, null, 'bram', 1001)).toThrow(ConflictError);
    store.thresholds.put({ ...KEY, warning: 14, critical: 22, pendingSeconds: 120, recoverySeconds: 60 }, first.version, 'ana', 1002);
    const revision = store.thresholds.revision();
    const next = await backend.next();
    expect(next.thresholds.list()).toEqual([{ ...KEY, warning: 14, critical: 22, pendingSeconds: 120, recoverySeconds: 60, version: 2, updatedAt: 1002, updatedBy: 'ana' }]);
    expect(next.thresholds.revision()).toBe(revision);
    expect(() => next.thresholds.put({ ...KEY, warning: 1, critical: 2, pendingSeconds: null, recoverySeconds: null }, 1, 'bram', 1003)).toThrow(/now version 2/);
    next.thresholds.remove(KEY, 2, 'ana', 1004);
    const audit = next.audit.list({ limit: 10 });
    expect(audit.map((entry) => entry.action)).toEqual(['threshold.remove', 'threshold.put', 'threshold.put']);
    expect(audit[1]).toMatchObject({ actor: 'ana', before: { warning: 12 }, after: { warning: 14, version: 2 } });
  }));

  it('keeps alerts with acknowledgements and snoozes, and who did them', withStore(async (backend) => {
    const store = await backend.first();
    store.alerts.save(alert);
    store.alerts.saveByPerson({ ...alert, acknowledged: { by: 'ana', at: 30, note: 'on it' } }, 'ana', 'alert.acknowledge', 30);
    store.alerts.save({ ...alert, id: 'a2', snoozed: { by: 'bram', at: 40, until: 4000 } });
    store.alerts.save({ ...alert, id: 'a3', resolvedAt: 60, resolution: 'recovered' });
    const next = await backend.next();
    expect(next.alerts.listOpen()).toEqual([
      { ...alert, acknowledged: { by: 'ana', at: 30, note: 'on it' } },
      { ...alert, id: 'a2', snoozed: { by: 'bram', at: 40, until: 4000 } },
    ]);
    expect(next.alerts.listRecent(5).map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
    expect(next.audit.list({ limit: 5 })).toMatchObject([{ action: 'alert.acknowledge', actor: 'ana', before: alert, subject: 'alert a1 (chat/backlog)' }]);
  }));

  it('keeps broadcasts, incidents with their timelines, and dead letters', withStore(async (backend) => {
    const store = await backend.first();
    store.broadcasts.post(broadcast, 'ana', 100);
    store.broadcasts.post({ ...broadcast, id: 'b2' }, 'ana', 101);
    store.broadcasts.end({ ...broadcast, id: 'b2' }, 'ended', 'ana', 102);
    store.incidents.open(incident, opened);
    store.incidents.append('i1', { kind: 'closed', at: 70, actor: 'ana' });
    const id = store.deadLetters.add({ targetId: 'hook', event: { id: 'ev1', kind: 'alert.opened' } as never, attempts: 3, lastError: '500', failedAt: 9 }, 10);
    const next = await backend.next();
    expect(next.broadcasts.open()).toEqual([broadcast]);
    expect(next.incidents.listOpen()).toEqual([incident]);
    expect(next.incidents.timeline('i1')).toEqual([opened, { kind: 'closed', at: 70, actor: 'ana' }]);
    expect(next.deadLetters.take(id)).toMatchObject({ id, targetId: 'hook', attempts: 3 });
    expect(next.deadLetters.count()).toBe(0);
  }));

  it('accepts an event id once, before and after the move (idempotency keys carry over)', withStore(async (backend) => {
    const store = await backend.first();
    expect(store.events.appendBatch('push', [created('e1'), created('e2'), created('e1')])).toMatchObject({ duplicates: 1 });
    expect(store.events.appendReading('push', 'chat', { at: 5000, backlog: 3, readingId: 'r1' })).toEqual({ accepted: true });
    const next = await backend.next();
    const again = next.events.appendBatch('push', [created('e1'), created('e2'), created('e3')]);
    expect(again.accepted.map((e) => e.eventId)).toEqual(['e3']);
    expect(again.duplicates).toBe(2);
    expect(next.events.appendReading('push', 'chat', { at: 5001, backlog: 4, readingId: 'r1' })).toEqual({ accepted: false });
    expect(next.events.counts()).toEqual({ events: 3, readings: 1, keys: 4 });
  }));

  it('keeps the checkpoint and replays only the tail after it; numbers after a compaction are never reused', withStore(async (backend) => {
    const store = await backend.first();
    store.events.appendBatch('push', [created('e1'), created('e2')]);
    store.events.compact('{"state":1}');
    store.events.appendBatch('push', [created('e3')]);
    const next = await backend.next();
    expect(next.events.checkpoint()).toEqual({ takenAt: clock.now(), state: '{"state":1}' });
    expect([...next.events.replay()].map((r) => r.event.eventId)).toEqual(['e3']);
    // Everything compacted away, then new input: it must land after the checkpoint, on the next gateway too.
    const pending = next.events.startChunks();
    next.events.writeChunk(pending, '{"sta');
    next.events.writeChunk(pending, 'te":2}');
    next.events.commitChunks(pending);
    next.events.deleteCovered(100);
    next.events.deleteStaleChunks(100);
    next.events.appendBatch('push', [created('e4')]);
    const third = await backend.next();
    expect(third.events.checkpoint()?.state).toBe('{"state":2}');
    expect([...third.events.replay()].map((r) => r.event.eventId)).toEqual(['e4']);
  }));

  it('keeps the minute history and the quarter hours, and their pruning', withStore(async (backend) => {
    const store = await backend.first();
    store.history.recordMinute(60_000, [{ queueId: 'chat', metrics: { backlog: 3 } }, { queueId: 'mail', metrics: { backlog: null } }]);
    store.history.recordMinute(120_000, [{ queueId: 'chat', metrics: { backlog: 4 } }]);
    store.history.recordMinute(120_000, [{ queueId: 'chat', metrics: { backlog: 5 } }]);
    store.history.prune(61_000);
    store.quarters.record([{ queueId: 'chat', slot: 900_000, inflow: 4, outflow: 3, backlog: 2, agentsOnline: 1 }]);
    const next = await backend.next();
    expect(next.history.since(0)).toEqual(new Map([['chat', [{ at: 120_000, metrics: { backlog: 5 } }]]]));
    expect(next.quarters.since(0)).toEqual([{ queueId: 'chat', slot: 900_000, inflow: 4, outflow: 3, backlog: 2, agentsOnline: 1 }]);
  }));

  it('keeps the connectors’ cursors, one per connection and name, the latest saved', withStore(async (backend) => {
    const store = await backend.first();
    expect(store.cursors.read('zd', 'tickets')).toBeNull();
    store.cursors.save('zd', 'tickets', 'MTcwMDowMQ', 2000);
    store.cursors.save('zd', 'tickets', 'MTcwMDowMg', 3000);
    store.cursors.save('ic', 'closed-since:vip', '1700000000000', 3500);
    const next = await backend.next();
    expect(next.cursors.read('zd', 'tickets')).toEqual({ value: 'MTcwMDowMg', savedAt: 3000 });
    expect(next.cursors.read('ic', 'closed-since:vip')).toEqual({ value: '1700000000000', savedAt: 3500 });
    expect(next.cursors.read('ic', 'closed-since:billing')).toBeNull();
    next.cursors.save('ic', 'closed-since:vip', '1700000600000', 4000);
    expect((await backend.next()).cursors.read('ic', 'closed-since:vip')).toEqual({ value: '1700000600000', savedAt: 4000 });
  }));
});
