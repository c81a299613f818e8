import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PolledSource } from '../../server/sources/polling/polled-source';
import { ZendeskConnectionSchema } from '../../server/sources/zendesk/zendesk-config';
import { createZendeskSource } from '../../server/sources/zendesk/zendesk-source';
import { capturingLogger, fakeSleep, startFakeHelpdesk } from '../support/fake-helpdesk';
import { FakeTime } from '../support/fake-time';
import { comparable, fakeZendesk } from '../support/fake-zendesk';
import { expectedFigures, type FakeZendeskTicket } from '../support/fake-zendesk-world';
import { openStoreWorld, type StoreWorld } from '../support/store-world';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const RESTART = NOW + 10 * MIN;
const END = NOW + 60 * MIN;
const QUEUE = { id: 'zd-tier1', groupId: 100 };

/** A few tickets of one group around a restart at RESTART (whole seconds, as Zendesk's times are). */
const TICKETS: FakeZendeskTicket[] = [
  // Solved before the restart, reopened by the requester after it: the gap.
  { id: 1, groupId: 100, channel: 'email', createdAt: NOW - 5 * HOUR, firstReplyAt: NOW - 4 * HOUR, solvedAt: NOW - 3 * HOUR, reopenedAt: NOW + 30 * MIN },
  // Open and answered before the restart, solved after it.
  { id: 2, groupId: 100, channel: 'email', createdAt: NOW - 2 * HOUR, firstReplyAt: NOW - 110 * MIN, solvedAt: NOW + 40 * MIN },
  // Solved long before, a survey after the restart: nothing new.
  { id: 3, groupId: 100, channel: 'email', createdAt: NOW - 6 * HOUR, firstReplyAt: NOW - 5 * HOUR, solvedAt: NOW - 4 * HOUR, touchedAt: [NOW + 35 * MIN] },
  // Open, answered, untouched: it stays.
  { id: 4, groupId: 100, channel: 'email', createdAt: NOW - 90 * MIN, firstReplyAt: NOW - 80 * MIN },
];

/** One connector over the fake on a store, polled minute by minute to END; restarted (new connector, same store) at `restartAt`. */
async function run(restartAt: number | null) {
  const dataDir = await mkdtemp(join(tmpdir(), 'qb-reopen-resume-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const time = new FakeTime(NOW);
  const helpdesk = await startFakeHelpdesk(fakeZendesk({ tickets: TICKETS }).route, time);
  onTestFinished(helpdesk.close);
  const logger = capturingLogger();
  const open = () => openStoreWorld({ dataDir, time, queues: [{ id: QUEUE.id, firstResponseTargetSeconds: 3600 }] });
  const connect = (world: StoreWorld): PolledSource => {
    const source = createZendeskSource({
      connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl: helpdesk.baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop' }),
      queues: [{ id: QUEUE.id, source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: QUEUE.groupId } }],
      fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep: fakeSleep(time).sleep, random: () => 0.5, logger, env: {},
    });
    source.start(world.pipeline);
    return source;
  };
  let world = open();
  let source = connect(world);
  await source.settled();
  while (time.now() < END) {
    time.advance(MIN);
    await source.settled();
    if (time.now() === restartAt) {
      source.stop();
      world.close();
      world = open();
      source = connect(world);
      await source.settled();
    }
  }
  onTestFinished(() => {
    source.stop();
    world.close();
  });
  return { world, logger, metrics: world.engine.metricsFor(QUEUE.id, END) };
}

describe('a Zendesk ticket solved before a restart and reopened after it', () => {
  it('is reopened in the engine, as without the restart: waiting again, in the figures, nothing refused', async () => {
    const uninterrupted = await run(null);
    const restarted = await run(RESTART);
    expect(restarted.logger.lines.some((line) => line.includes('Zendesk resumes from its saved cursor'))).toBe(true);
    // The reopened ticket is open again from its reopening, waiting since then (the engine's own oldest wait).
    expect(restarted.world.engine.openTicket('zendesk-1')).toEqual({ queueId: QUEUE.id, openedAt: NOW + 30 * MIN, firstReplied: true });
    expect(restarted.world.engine.openTicket('zendesk-2')).toBeNull();
    expect(restarted.world.engine.openTicket('zendesk-4')).toMatchObject({ queueId: QUEUE.id, firstReplied: true });
    expect(comparable(restarted.metrics)).toEqual(expectedFigures(TICKETS, QUEUE, END));
    expect(restarted.metrics.oldestWaitingSeconds).toBe(30 * 60);
    // Every figure, flows included, equals the uninterrupted run's.
    expect(restarted.metrics).toEqual(uninterrupted.metrics);
    expect(restarted.world.dropped.render()).toEqual([]);
  }, 60_000);
});
