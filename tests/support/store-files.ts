import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import type { TicketEvent } from '../../shared/ingest';
import type { Alert } from '../../shared/protocol/protocol';
import { IngestPipeline } from '../../server/ingest/ingest-pipeline';
import { MetricEngine } from '../../server/metrics';
import { silentLogger } from '../../server/runtime/logger';
import { Counter } from '../../server/runtime/prometheus';
import { openStore, type GatewayStore } from '../../server/store';
import { restoreState } from '../../server/store/restore-state';

export const THRESHOLD_KEY = { scope: 'queue', scopeId: 'chat', metric: 'backlog', profile: '' } as const;

export const storedAlert: Alert = {
  id: 'a1', queueId: 'chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 40, threshold: 30, projectedMinutes: null,
  openedAt: 10, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
};

/** A store with what an operator cannot afford to lose: a threshold, an acknowledged alert, their audit, and `events` events. */
export function fillStore(store: GatewayStore, events = 6000): void {
  store.thresholds.put({ ...THRESHOLD_KEY, warning: 12, critical: 20, pendingSeconds: 120, recoverySeconds: null }, null, 'ana', 1000);
  store.alerts.save(storedAlert);
  store.alerts.saveByPerson({ ...storedAlert, acknowledged: { by: 'ana', at: 30, note: 'on it' } }, 'ana', 'alert.acknowledge', 30);
  store.cursors.save('main-zendesk', 'tickets', 'MTcwMDAwMDAwMDAwMDoxMg', 1000);
  for (let b = 0; b < events / 500; b++) {
    const batch = Array.from({ length: 500 }, (_, i): TicketEvent => ({ eventId: `e${b}-${i}`, type: 'created', ticketId: `t${b}-${i}`, queueId: 'chat', at: 5000 + i }));
    store.events.appendBatch('push', batch);
  }
}

/** Creates a store in `dataDir` with data, closed (so the WAL is folded into the file). Returns the file. */
export function storeFileWithData(dataDir: string): string {
  const store = openStore({ dataDir, clock: { now: () => 1000 }, logger: silentLogger });
  fillStore(store);
  store.close();
  return store.file;
}

/** Overwrites the pages from 40 % to 60 % of the file with garbage: a bad disk or a stray write, not the header. */
export function corruptMiddle(file: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(file).size / pageSize);
  const from = Math.floor(pages * 0.4);
  const count = Math.max(1, Math.floor(pages * 0.2));
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(count * pageSize, 0xab), 0, count * pageSize, from * pageSize);
  closeSync(fd);
}

/** Reads back what `fillStore` wrote, for comparing a restored store with the original. */
export function essentials(store: GatewayStore) {
  return {
    thresholds: store.thresholds.list().map((t) => ({ warning: t.warning, critical: t.critical, pendingSeconds: t.pendingSeconds, version: t.version })),
    alert: store.alerts.get('a1'),
    audit: store.audit.list({ limit: 10 }).map((e) => [e.actor, e.action, e.subject]),
    openTickets: ticketsRebuilt(store),
  };
}

/** The open tickets of queue `chat` a gateway rebuilds from the store (its checkpoint and the tail after it). */
function ticketsRebuilt(store: GatewayStore): number {
  const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
  const pipeline = new IngestPipeline({ engine, log: null, isDurable: () => true, dropped: new Counter('dropped'), touched: () => {}, sourceStatus: () => {} });
  restoreState({ log: store.events, pipeline, alerts: { restore: () => 0 }, logger: silentLogger });
  return engine.metricsFor('chat', 10_000).backlog ?? 0;
}
