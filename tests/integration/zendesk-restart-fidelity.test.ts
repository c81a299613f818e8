import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRandom } from '../../server/sources/demo/random';
import type { PolledSource } from '../../server/sources/polling/polled-source';
import { ZendeskConnectionSchema } from '../../server/sources/zendesk/zendesk-config';
import { createZendeskSource } from '../../server/sources/zendesk/zendesk-source';
import { capturingLogger, fakeSleep, startFakeHelpdesk } from '../support/fake-helpdesk';
import { comparable, fakeZendesk } from '../support/fake-zendesk';
import { expectedFigures, recordedZendeskWorld } from '../support/fake-zendesk-world';
import { FakeTime } from '../support/fake-time';
import { openStoreWorld, type StoreWorld } from '../support/store-world';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const QUEUES = [
  { id: 'zd-tier1', groupId: 100 },
  { id: 'zd-tier2', groupId: 200 },
];

describe('Zendesk across a gateway restart', () => {
  it('shows the fake account’s own figures for every queue, before the restart, right after it, and once it polls again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-zendesk-restart-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const time = new FakeTime(NOW);
    const tickets = recordedZendeskWorld(createRandom(18), NOW);
    const zendesk = fakeZendesk({ tickets, ticketsPerPage: 40, metricEventsPerPage: 100 });
    const helpdesk = await startFakeHelpdesk(zendesk.route, time);
    onTestFinished(helpdesk.close);
    const logger = capturingLogger();
    const { sleep } = fakeSleep(time);

    const open = () => openStoreWorld({ dataDir, time, queues: QUEUES.map((q) => ({ id: q.id, firstResponseTargetSeconds: 3600 })), compactEveryEvents: 50 });
    const connect = (world: StoreWorld): PolledSource => {
      const source = createZendeskSource({
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl: helpdesk.baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop' }),
        queues: QUEUES.map((q) => ({ id: q.id, source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: q.groupId } })),
        fetch: (url, init) => fetch(url, init),
        clock: time,
        scheduler: time,
        sleep,
        random: () => 0.5,
        logger,
        env: {},
      });
      source.start(world.pipeline);
      return source;
    };
    const poll = async (source: PolledSource, minutes: number) => {
      for (let i = 0; i < minutes; i++) {
        time.advance(MIN);
        await source.settled();
      }
    };
    const figures = (world: StoreWorld) => Object.fromEntries(QUEUES.map((q) => [q.id, comparable(world.engine.metricsFor(q.id, time.now()))]));
    const truth = () => Object.fromEntries(QUEUES.map((q) => [q.id, expectedFigures(tickets, q, time.now())]));

    let world = open();
    let source = connect(world);
    await source.settled();
    await poll(source, 60);
    const before = figures(world);
    expect(before).toEqual(truth());
    expect(before['zd-tier1']!.resolutionP90).not.toBeNull();
    expect(before['zd-tier1']!.slaBreached).toBeGreaterThan(0);
    // Nothing the connector sent was refused (a first reply for a ticket the engine had let go, a solve of one never opened).
    expect(world.dropped.render()).toEqual([]);

    source.stop();
    world.close();
    world = open();
    expect(figures(world)).toEqual(before);

    // The new connector resumes the ticket export from the cursor saved in the store and reads the old open tickets again.
    source = connect(world);
    await source.settled();
    await poll(source, 2);
    expect(figures(world)).toEqual(truth());
    expect(world.dropped.render()).toEqual([]);
    source.stop();
    world.close();
  });
});
