import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRandom } from '../../server/sources/demo/random';
import { FreshdeskConnectionSchema } from '../../server/sources/freshdesk/freshdesk-config';
import { createFreshdeskSource } from '../../server/sources/freshdesk/freshdesk-source';
import type { PolledSource } from '../../server/sources/polling/polled-source';
import { ZendeskConnectionSchema } from '../../server/sources/zendesk/zendesk-config';
import { createZendeskSource } from '../../server/sources/zendesk/zendesk-source';
import { runConnectorGateway } from '../support/connector-restart-gateway';
import { worldTickets } from '../support/connector-restart-world';
import { fakeFreshdesk, freshdeskTickets } from '../support/fake-freshdesk';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk, type RecordedRequest, type Route } from '../support/fake-helpdesk';
import { fakeIntercom, intercomConversations } from '../support/fake-intercom';
import { FakeTime } from '../support/fake-time';
import { comparable, fakeZendesk } from '../support/fake-zendesk';
import { expectedFigures, recordedZendeskWorld } from '../support/fake-zendesk-world';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';
import { openStoreWorld, type StoreWorld } from '../support/store-world';
import { ticketWorld } from '../support/ticket-world';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('a Zendesk connector restarted on the same store', () => {
  it('resumes the ticket export from its saved cursor, not the backfill window, and still shows the account’s figures', async () => {
    const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
    const QUEUES = [{ id: 'zd-tier1', groupId: 100 }, { id: 'zd-tier2', groupId: 200 }];
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-cursor-zendesk-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const time = new FakeTime(NOW);
    const tickets = recordedZendeskWorld(createRandom(18), NOW);
    const helpdesk = await startFakeHelpdesk(fakeZendesk({ tickets, ticketsPerPage: 40, metricEventsPerPage: 100 }).route, time);
    onTestFinished(helpdesk.close);
    const logger = capturingLogger();
    const { sleep } = fakeSleep(time);
    const open = () => openStoreWorld({ dataDir, time, queues: QUEUES.map((q) => ({ id: q.id, firstResponseTargetSeconds: 3600 })), compactEveryEvents: 50 });
    const connect = (world: StoreWorld): PolledSource => {
      const source = createZendeskSource({
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl: helpdesk.baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop' }),
        queues: QUEUES.map((q) => ({ id: q.id, source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: q.groupId } })),
        fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep, random: () => 0.5, logger, env: {},
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
    const exports = (from: number) => helpdesk.requests.slice(from).filter((r) => r.url.pathname === '/api/v2/incremental/tickets/cursor').map((r) => r.url.searchParams);
    const figures = (world: StoreWorld) => Object.fromEntries(QUEUES.map((q) => [q.id, comparable(world.engine.metricsFor(q.id, time.now()))]));
    const truth = () => Object.fromEntries(QUEUES.map((q) => [q.id, expectedFigures(tickets, q, time.now())]));

    let world = open();
    let source = connect(world);
    await source.settled();
    const firstStart = exports(0).length;
    await poll(source, 60);
    expect(figures(world)).toEqual(truth());
    const before = exports(0);
    expect(before[0]!.get('start_time')).not.toBeNull();
    source.stop();
    world.close();

    const asked = helpdesk.requests.length;
    world = open();
    source = connect(world);
    await source.settled();
    // The first export after the restart goes on from a cursor the last run was given, never from a start time.
    const after = exports(asked);
    expect(after.length).toBeGreaterThan(0);
    // And it is the quicker start: the first read its whole backfill window page by page.
    expect(after.length).toBeLessThan(firstStart);
    expect(after.every((q) => q.get('start_time') === null)).toBe(true);
    expect(before.map((q) => q.get('cursor')).concat(after.slice(1).map((q) => q.get('cursor')))).toContain(after[0]!.get('cursor'));
    expect(logger.lines.some((line) => line.includes('Zendesk resumes from its saved cursor'))).toBe(true);
    // Nothing skipped: the figures are the account's own (a change in the export's last minute shows a poll later).
    await poll(source, 2);
    expect(figures(world)).toEqual(truth());
    expect(world.dropped.render()).toEqual([]);
    source.stop();
    world.close();
  }, 60_000);
});

describe('a Zendesk connector whose saved cursor Zendesk refuses', () => {
  it('reads its backfill window instead, saying so', async () => {
    const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-cursor-refused-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const time = new FakeTime(NOW);
    const zendesk = fakeZendesk({ tickets: recordedZendeskWorld(createRandom(18), NOW), ticketsPerPage: 40, metricEventsPerPage: 100 });
    const refusing: Route = (req, res) =>
      req.url.searchParams.get('cursor') === 'expired'
        ? void res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"InvalidPaginationParameter","description":"cursor is invalid"}')
        : zendesk.route(req, res);
    const helpdesk = await startFakeHelpdesk(refusing, time);
    onTestFinished(helpdesk.close);
    const world = openStoreWorld({ dataDir, time, queues: [{ id: 'zd-tier1', firstResponseTargetSeconds: 3600 }] });
    onTestFinished(() => world.close());
    world.store.cursors.save('main-zendesk', 'tickets', 'expired', NOW - HOUR);
    const logger = capturingLogger();
    const source = createZendeskSource({
      connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl: helpdesk.baseUrl, email: 'ops@acme.test', token: 'zd-Tok3n-abcdefghijklmnop' }),
      queues: [{ id: 'zd-tier1', source: { kind: 'zendesk' as const, connection: 'main-zendesk', groupId: 100 } }],
      fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep: fakeSleep(time).sleep, random: () => 0.5, logger, env: {},
    });
    source.start(world.pipeline);
    onTestFinished(() => source.stop());
    await source.settled();
    const exports = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/incremental/tickets/cursor').map((r) => r.url.searchParams);
    expect(exports[0]!.get('cursor')).toBe('expired');
    expect(exports[1]!.get('start_time')).toBe(String(Math.floor((NOW - 24 * HOUR) / 1000)));
    expect(logger.lines.some((line) => line.startsWith('warn Zendesk refused the saved cursor: reading the backfill window') && line.includes('answered 422'))).toBe(true);
    expect(source.failuresInARow).toBe(0);
    expect(world.store.cursors.read('main-zendesk', 'tickets')?.value).not.toBe('expired');
  }, 60_000);
});

const W0 = Date.UTC(2026, 10, 22, 0, 0);
const START = W0 + 26 * HOUR;
const RESTART = START + 2 * HOUR;
const POLL_MS = 600_000;

/** A gateway with one connector over a recorded world, restarted once on the same store: what the helpdesk was asked before and after. */
async function restartedOnce(queues: Array<{ id: string; source: Record<string, unknown> }>, connector: (baseUrl: string) => Record<string, unknown>, route: Route) {
  const time = new FakeTime(START);
  const helpdesk = await startFakeHelpdesk(route, time);
  onTestFinished(helpdesk.close);
  const dataDir = await mkdtemp(join(tmpdir(), 'qb-cursor-resume-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const configText = JSON.stringify(
    oneOfficeConfig(queues.map((q) => lisbonQueue({ id: q.id, name: q.id, channel: 'email', targets: { firstResponseSeconds: 900 }, source: q.source })), { connectors: [connector(helpdesk.baseUrl)] }),
  );
  let asked = 0;
  await runConnectorGateway({ configText, dataDir, time, stepMs: POLL_MS, until: RESTART + HOUR, restartsAt: [RESTART], restarting: () => (asked = helpdesk.requests.length) });
  return { before: helpdesk.requests.slice(0, asked), after: helpdesk.requests.slice(asked) };
}

const world = (queueIds: string[]) => worldTickets(ticketWorld({ seed: 18, start: W0, days: 2, queueIds, ticketsPerHour: 4 }));

describe('a Freshdesk or Intercom connector in a gateway restarted on the same store', () => {
  it('Freshdesk: the first ticket list after the restart asks from where the last run got to, not the 24 h backfill', async () => {
    const groups = { 'fd-care': 5 };
    const { before, after } = await restartedOnce(
      [{ id: 'fd-care', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } }],
      (baseUrl) => ({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, token: 'fd-ApiKey-0123456789abcdef', backfillHours: 24, pollSeconds: POLL_MS / 1000, rateLimitPerMinute: 100_000 }),
      fakeFreshdesk(freshdeskTickets(world(['fd-care']), groups)),
    );
    const since = (requests: RecordedRequest[]) => requests.filter((r) => r.url.pathname === '/api/v2/tickets').map((r) => Date.parse(r.url.searchParams.get('updated_since')!));
    expect(since(before)[0]).toBe(START - 24 * HOUR);
    const resumedFrom = since(after)[0]!;
    expect(resumedFrom).toBeGreaterThanOrEqual(since(before).at(-1)!);
    expect(resumedFrom).toBeGreaterThan(START - 2 * HOUR);
  }, 60_000);

  it('Intercom: the first search for closed conversations after the restart asks from the last closure read, not a day back', async () => {
    const teams = { 'ic-vip': '42' };
    const { before, after } = await restartedOnce(
      [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'ic', teamId: '42' } }],
      (baseUrl) => ({ id: 'ic', kind: 'intercom', baseUrl, token: 'ic-token-0123456789abcdef', pollSeconds: POLL_MS / 1000 }),
      fakeIntercom(intercomConversations(world(['ic-vip']), teams)),
    );
    type Body = { query: { value: Array<{ field: string; value: unknown }> } };
    const closedAfter = (requests: RecordedRequest[]) =>
      requests.flatMap((r) => {
        const filters = (r.body as Body | undefined)?.query.value ?? [];
        const updated = filters.find((f) => f.field === 'updated_at');
        return updated ? [(updated.value as number) * 1000] : [];
      });
    expect(closedAfter(before)[0]).toBe(RESTART - 2 * HOUR - 24 * HOUR);
    const resumedFrom = closedAfter(after)[0]!;
    expect(resumedFrom).toBeGreaterThanOrEqual(closedAfter(before).at(-1)!);
    expect(resumedFrom).toBeGreaterThan(START - 2 * HOUR);
  }, 60_000);
});

describe('a Freshdesk connector whose ticket list is longer than one poll reads', () => {
  it('saves its cursor only once the list was read to its end: a list cut short left changes before its newest unread', async () => {
    const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-cursor-freshdesk-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const time = new FakeTime(NOW);
    // 2,500 tickets updated one a second from an hour ago: more than the 20 pages of 100 one poll reads.
    const updated = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, group_id: 77, status: 2, created_at: '2026-11-24T07:00:00Z', updated_at: new Date(NOW - HOUR + i * 1000).toISOString().replace('.000', ''), stats: {} }));
    const route: Route = (req, res) => {
      if (req.url.pathname === '/api/v2/search/tickets') return sendJson(res, 200, { results: [], total: 0 });
      if (req.url.pathname === '/api/v2/surveys/satisfaction_ratings') return sendJson(res, 200, []);
      const since = Date.parse(req.url.searchParams.get('updated_since')!);
      const page = Number(req.url.searchParams.get('page'));
      const matching = updated.filter((t) => Date.parse(t.updated_at) >= since);
      sendJson(res, 200, matching.slice((page - 1) * 100, page * 100));
    };
    const helpdesk = await startFakeHelpdesk(route, time);
    onTestFinished(helpdesk.close);
    const world = openStoreWorld({ dataDir, time, queues: [{ id: 'fd-care', firstResponseTargetSeconds: 3600 }] });
    onTestFinished(() => world.close());
    const source = createFreshdeskSource({
      connection: FreshdeskConnectionSchema.parse({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl: helpdesk.baseUrl, token: 'fd-ApiKey-0123456789abcdef', backfillHours: 2, pollSeconds: 60, rateLimitPerMinute: 100_000 }),
      queues: [{ id: 'fd-care', source: { kind: 'freshdesk', connection: 'fd', groupId: 5 } }],
      fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep: fakeSleep(time).sleep, random: () => 0.5, logger: capturingLogger(), env: {},
    });
    source.start(world.pipeline);
    onTestFinished(() => source.stop());
    await source.settled();
    // 2,000 read, 500 left: nothing saved, a restart now reads from the backfill window again.
    expect(world.store.cursors.read('fd', 'updated-since')).toBeNull();
    time.advance(60_000);
    await source.settled();
    // The rest read, from the newest of the first 2,000 on: the cursor is the newest of all.
    const lists = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/tickets');
    expect(lists.at(-1)!.url.searchParams.get('updated_since')).toBe(new Date(NOW - HOUR + 1999_000).toISOString());
    expect(world.store.cursors.read('fd', 'updated-since')?.value).toBe(String(NOW - HOUR + 2499_000));
  }, 60_000);
});
