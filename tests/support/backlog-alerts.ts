import { expect } from 'vitest';
import type { TestSocket } from './gateway-harness';

export interface SeenAlert {
  readonly id: string;
  readonly metric: string;
  readonly resolvedAt: number | null;
}

/**
 * Every queue in critical at any backlog, at once, so alerts open for a person to acknowledge; returns the backlog
 * alerts open as the desk `lead` hears them, by id, oldest first (a demo queue's backlog falls to 0 now and then,
 * resolving its alert, and the saved rule escalates, resolves and replaces, those of the old one).
 * Listened for before the save: the evaluation it starts sends the escalated and new alerts before the save's
 * answer, which waits for the store's commit. A ticket of its own on the first queue, never answered, holds a
 * backlog whatever the demo's hour (its nights are quiet: at 22:30 UTC no new backlog alert opened).
 */
export async function raiseBacklogAlerts(options: {
  url: string;
  lead: TestSocket;
  manager: TestSocket;
  snapshot: { alerts: readonly SeenAlert[]; queues: readonly { id: string }[] };
}): Promise<ReadonlyMap<string, SeenAlert>> {
  const { url, lead, manager, snapshot } = options;
  const open = new Map<string, SeenAlert>();
  const seen = (alerts: readonly SeenAlert[]) => {
    for (const alert of alerts) {
      if (alert.metric !== 'backlog') continue;
      if (alert.resolvedAt === null) open.set(alert.id, alert);
      else open.delete(alert.id);
    }
  };
  seen(snapshot.alerts);
  lead.on('update' as never, ((update: { alerts?: SeenAlert[] }) => seen(update.alerts ?? [])) as never);
  const queueIds = snapshot.queues.map((queue) => queue.id);
  const held = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
    body: JSON.stringify({ events: [{ eventId: 'held-open', type: 'created', ticketId: 'held-open', queueId: queueIds[0], at: new Date().toISOString() }] }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(held.status).toBe(200);
  const changes = queueIds.map((queueId) => ({ key: { scope: 'queue' as const, scopeId: queueId, metric: 'backlog' as const }, value: { warning: 0.5, critical: 1, pendingSeconds: 1 }, expectedVersion: null }));
  const saved = await manager.emitWithAck('thresholds:save', { changes });
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true, applied: queueIds.length });
  return open;
}
