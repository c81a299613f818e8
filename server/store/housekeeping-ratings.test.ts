import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import type { TicketEvent } from '../../shared/ingest';
import { silentLogger } from '../runtime/logger';
import { Housekeeping } from './housekeeping';
import { openStore, type GatewayStore } from './index';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 24, 12);
const opened: GatewayStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('housekeeping and the CSAT window', () => {
  it('keeps ratings for csatDays, while other closed-ticket events go after a day', () => {
    const time = new FakeTime(START);
    const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-hk-ratings-')), clock: time, logger: silentLogger });
    opened.push(store);
    const at = (days: number) => START - days * DAY;
    const events: TicketEvent[] = [
      { eventId: 'c', type: 'created', ticketId: 't1', queueId: 'chat', at: at(3) },
      { eventId: 's', type: 'solved', ticketId: 't1', at: at(3) },
      { eventId: 'r3', type: 'rated', ticketId: 't1', queueId: 'chat', at: at(3), satisfied: true },
      { eventId: 'r9', type: 'rated', ticketId: 't0', queueId: 'chat', at: at(9), satisfied: false },
    ];
    store.events.appendBatch('survey', events);
    new Housekeeping({ store, clock: time, scheduler: time, resolutionHours: 24, csatDays: 7, clockSpeed: 1, timed: (write) => write() }).run();
    expect([...store.events.replay()].map((r) => r.event.eventId)).toEqual(['r3']);
  });
});
