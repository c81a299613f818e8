import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import type { TicketEvent } from '../../shared/ingest';
import { MetricEngine } from '../metrics';
import { decodeCheckpoint, encodeCheckpoint } from '../metrics/engine-snapshot';
import { silentLogger } from '../runtime/logger';
import { Housekeeping } from './housekeeping';
import { openStore, type GatewayStore } from './index';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 24, 12);
const opened: GatewayStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const engine = () => new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }], windows: { csatMs: 7 * DAY } });

describe('housekeeping and the CSAT window', () => {
  it('compacts rated events into the checkpoint: a restart still counts the week, without the ratings past it', () => {
    const time = new FakeTime(START);
    const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-hk-ratings-')), clock: time, logger: silentLogger });
    opened.push(store);
    const at = (days: number) => START - days * DAY;
    const events: TicketEvent[] = [
      { eventId: 'c', type: 'created', ticketId: 't1', queueId: 'chat', at: at(3) },
      { eventId: 's', type: 'solved', ticketId: 't1', at: at(3) },
      { eventId: 'r3', type: 'rated', ticketId: 't1', queueId: 'chat', at: at(3), satisfied: true },
      { eventId: 'r5', type: 'rated', ticketId: 't2', queueId: 'chat', at: at(5), satisfied: false },
      { eventId: 'r9', type: 'rated', ticketId: 't0', queueId: 'chat', at: at(9), satisfied: false },
    ];
    const live = engine();
    for (const event of store.events.appendBatch('survey', events).accepted) live.applyEvent(event);
    const engineState = (now: number) => {
      live.prune(now);
      return encodeCheckpoint(live.snapshot(), new Map());
    };
    new Housekeeping({ store, clock: time, scheduler: time, clockSpeed: 1, logger: silentLogger, engineState, timed: (write) => write() }).run();
    expect([...store.events.replay()]).toEqual([]);

    const checkpoint = store.events.checkpoint();
    const decoded = decodeCheckpoint(checkpoint!.state);
    if (!decoded.ok) throw new Error(decoded.problem);
    const restarted = engine();
    restarted.restore(decoded.checkpoint.engine);
    expect(restarted.metricsFor('chat', START)).toMatchObject({ csat: 50, csatRatings: 2 });
    expect(restarted.metricsFor('chat', START)).toEqual(live.metricsFor('chat', START));
  });
});
