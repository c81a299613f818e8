import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { MetricEngine } from '../metrics';
import { Counter } from '../runtime/prometheus';
import { IngestPipeline } from './ingest-pipeline';

const T0 = Date.UTC(2026, 10, 17, 9);
const QUEUES = [
  { id: 'demo', firstResponseTargetSeconds: 60 },
  { id: 'chat', firstResponseTargetSeconds: 60 },
];
const created = (id: string, queueId: string, at: number): TicketEvent => ({ eventId: id, type: 'created', ticketId: id, queueId, at });

/** The gateway's pipeline with a demo source (not logged) beside pushed input (logged), as in server/gateway.ts. */
function pipeline(touched: Array<[string, number]> = []) {
  const engine = new MetricEngine({ queues: QUEUES });
  const durableEngine = new MetricEngine({ queues: QUEUES });
  const log = {
    appendBatch: (_: string, events: readonly TicketEvent[]) => ({ accepted: [...events], duplicates: 0 }),
    appendReading: () => ({ accepted: true }),
  };
  const p = new IngestPipeline({
    engine,
    durableEngine,
    log,
    isDurable: (sourceId) => sourceId !== 'demo',
    dropped: new Counter('dropped'),
    touched: (queueId, at) => touched.push([queueId, at]),
    sourceStatus: () => {},
  });
  return { p, engine };
}

describe('IngestPipeline checkpoints', () => {
  it('hold only logged input: a demo ticket is not in the checkpoint, since the demo starts afresh after a restart', () => {
    const before = pipeline();
    before.p.ingestEvents('demo', [created('d1', 'demo', T0)]);
    before.p.ingestEvents('push', [created('p1', 'chat', T0 + 1000)]);
    before.p.ingestReading('push', 'chat', { at: T0 + 2000, agentsOnline: 3 });
    expect(before.engine.metricsFor('demo', T0 + 5000).backlog).toBe(1);
    const state = before.p.checkpointState(T0 + 5000);

    const touched: Array<[string, number]> = [];
    const after = pipeline(touched);
    expect(after.p.restore(state)).toEqual({ ok: true });
    expect(after.engine.metricsFor('demo', T0 + 5000).backlog).toBe(0);
    expect(after.engine.metricsFor('chat', T0 + 5000)).toEqual(before.engine.metricsFor('chat', T0 + 5000));
    // The age of each queue's data survives the restart with it: the latest logged input, not the demo's.
    expect(touched).toEqual([['chat', T0 + 2000]]);
  });

  it('refuses a checkpoint it cannot read and leaves the engine as it was', () => {
    const { p, engine } = pipeline();
    p.ingestEvents('push', [created('p1', 'chat', T0)]);
    expect(p.restore('{"version":2}')).toEqual({ ok: false, problem: 'version 2, this gateway reads version 1' });
    expect(engine.metricsFor('chat', T0).backlog).toBe(1);
  });
});
