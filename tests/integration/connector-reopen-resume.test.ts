import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { IntercomConnectionSchema } from '../../server/sources/intercom/intercom-config';
import { createIntercomSource } from '../../server/sources/intercom/intercom-source';
import type { ConnectorCapabilities } from '../../server/sources/polling/connector-capabilities';
import type { PolledSource } from '../../server/sources/polling/polled-source';
import { ZendeskConnectionSchema } from '../../server/sources/zendesk/zendesk-config';
import { createZendeskSource } from '../../server/sources/zendesk/zendesk-source';
import { capturingLogger, fakeSleep, startFakeHelpdesk, type Route } from '../support/fake-helpdesk';
import { fakeIntercom, type FakeConversation } from '../support/fake-intercom';
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

type Connect = (baseUrl: string, capabilities: ConnectorCapabilities) => PolledSource;

const zendesk: Connect = (baseUrl, capabilities) =>
  createZendeskSource({
    ...capabilities,
    connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop' }),
    queues: [{ id: QUEUE.id, source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: QUEUE.groupId } }],
  });

/** One connector over a fake on a store, polled minute by minute to END; restarted (new connector, same store) at `restartAt`. */
async function run(route: () => Route, create: Connect, queueId: string, restartAt: number | null) {
  const dataDir = await mkdtemp(join(tmpdir(), 'qb-reopen-resume-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const time = new FakeTime(NOW);
  const helpdesk = await startFakeHelpdesk(route(), time);
  onTestFinished(helpdesk.close);
  const logger = capturingLogger();
  const open = () => openStoreWorld({ dataDir, time, queues: [{ id: queueId, firstResponseTargetSeconds: 3600 }] });
  const connect = (world: StoreWorld): PolledSource => {
    const source = create(helpdesk.baseUrl, { fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep: fakeSleep(time).sleep, random: () => 0.5, logger, env: {} });
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
  return { world, logger, metrics: world.engine.metricsFor(queueId, END) };
}

describe('a Zendesk ticket solved before a restart and reopened after it', () => {
  it('is reopened in the engine, as without the restart: waiting again, in the figures, nothing refused', async () => {
    // A fake of its own each run: it counts the export requests a minute.
    const route = () => fakeZendesk({ tickets: TICKETS }).route;
    const uninterrupted = await run(route, zendesk, QUEUE.id, null);
    const restarted = await run(route, zendesk, QUEUE.id, RESTART);
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

/** An Intercom team's conversations around the same restart. */
const CONVERSATIONS: FakeConversation[] = [
  // Closed before the restart, reopened after it (the customer wrote again).
  { id: 'c1', createdAt: NOW - 5 * HOUR, teams: [{ at: NOW - 5 * HOUR, teamId: '42' }], firstReplyAt: NOW - 290 * MIN, changes: [{ at: NOW - 3 * HOUR, to: 'resolved' }, { at: NOW + 30 * MIN, to: 'reopened' }] },
  // Closed before, reopened and closed again after it.
  { id: 'c3', createdAt: NOW - 4 * HOUR, teams: [{ at: NOW - 4 * HOUR, teamId: '42' }], firstReplyAt: NOW - 230 * MIN, changes: [{ at: NOW - 2 * HOUR, to: 'resolved' }, { at: NOW + 20 * MIN, to: 'reopened' }, { at: NOW + 45 * MIN, to: 'resolved' }] },
  // Open and answered throughout.
  { id: 'c2', createdAt: NOW - HOUR, teams: [{ at: NOW - HOUR, teamId: '42' }], firstReplyAt: NOW - 50 * MIN, changes: [] },
];

const intercom: Connect = (baseUrl, capabilities) =>
  createIntercomSource({
    ...capabilities,
    connection: IntercomConnectionSchema.parse({ id: 'ic', kind: 'intercom', baseUrl, token: 'ic-token-0123456789abcdef' }),
    queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'ic', teamId: '42' } }],
  });

describe('an Intercom conversation closed before a restart and reopened after it', () => {
  it('is reopened in the engine and its next close is a second resolution, as without the restart', async () => {
    const route = () => fakeIntercom(CONVERSATIONS);
    const uninterrupted = await run(route, intercom, 'ic-vip', null);
    const restarted = await run(route, intercom, 'ic-vip', RESTART);
    expect(restarted.logger.lines.some((line) => line.includes('Intercom resumes from its saved cursor'))).toBe(true);
    // Open again from the customer's message, its first reply long had.
    expect(restarted.world.engine.openTicket('intercom-c1')).toEqual({ queueId: 'ic-vip', openedAt: NOW + 30 * MIN, firstReplied: true });
    expect(restarted.world.engine.openTicket('intercom-c3')).toBeNull();
    // Three resolutions: c1 and c3 after 2 h each, and c3 again 25 min after its reopening (from its creation it would be 4 h 45).
    expect([restarted.metrics.resolutionP50, restarted.metrics.resolutionP90]).toEqual([2 * 3600, 2 * 3600]);
    expect(restarted.metrics).toMatchObject({ inflowPerHour: 2, outflowPerHour: 1 });
    expect(restarted.metrics).toEqual(uninterrupted.metrics);
    expect(restarted.world.dropped.render()).toEqual([]);
  }, 60_000);
});
