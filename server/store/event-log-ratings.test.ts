import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { silentLogger } from '../runtime/logger';
import { openStore, type GatewayStore } from './index';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 9);
const opened: GatewayStore[] = [];
const open = () => {
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-ratings-')), clock: { now: () => NOW }, logger: silentLogger });
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const rated = (eventId: string, at: number, satisfied: boolean): TicketEvent => ({ eventId, type: 'rated', ticketId: `t-${eventId}`, queueId: 'chat', at, satisfied });

describe('rated events in the event log', () => {
  it('come back from a replay with their answer, and open no ticket', () => {
    const store = open();
    store.events.appendBatch('survey', [rated('a', NOW - DAY, true), rated('b', NOW, false)]);
    expect([...store.events.replay()].map((r) => r.event)).toEqual([rated('a', NOW - DAY, true), rated('b', NOW, false)]);
  });
});
