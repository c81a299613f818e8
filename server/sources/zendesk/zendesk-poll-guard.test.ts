import { describe, expect, it, vi } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import type { Route } from '../../../tests/support/fake-helpdesk';
import { fakeZendesk, type FakeZendeskOptions } from '../../../tests/support/fake-zendesk';
import type { FakeZendeskTicket } from '../../../tests/support/fake-zendesk-world';
import { ZendeskConnectionSchema } from './zendesk-config';
import { createZendeskSource } from './zendesk-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const TOKEN = 'zd-Tok3n-abcdefghijklmnop';
const QUEUE_IDS = ['zd-tier1', 'zd-tier2'];
const TICKETS: FakeZendeskTicket[] = [
  { id: 1, groupId: 100, channel: 'email', createdAt: NOW - 30 * MIN, firstReplyAt: NOW - 20 * MIN },
  { id: 2, groupId: 200, channel: 'email', createdAt: NOW - 40 * MIN },
];

async function connect(fake: Partial<FakeZendeskOptions> = {}, connection: Record<string, unknown> = {}, wrap?: (route: Route) => Route) {
  const zendesk = fakeZendesk({ tickets: TICKETS, ...fake });
  const connector = await startConnector({
    now: NOW,
    route: wrap ? wrap(zendesk.route) : zendesk.route,
    env: { ZENDESK_TOKEN: TOKEN },
    create: (baseUrl, capabilities) =>
      createZendeskSource({
        ...capabilities,
        connection: ZendeskConnectionSchema.parse({ id: 'main-zendesk', kind: 'zendesk', subdomain: 'acme', baseUrl, email: 'ops@acme.test', token: TOKEN, ...connection }),
        queues: [
          { id: 'zd-tier1', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 100 } },
          { id: 'zd-tier2', source: { kind: 'zendesk', connection: 'main-zendesk', groupId: 200 } },
        ],
      }),
  });
  return { ...connector, zendesk };
}

const exportAsks = (requests: ReadonlyArray<{ url: URL; at: number }>) => requests.filter((r) => r.url.pathname.startsWith('/api/v2/incremental/'));

describe('Zendesk while it limits or refuses the connector', () => {
  it('keeps its own export limit on the monotonic clock: a wall clock stepped back an hour makes it wait for nothing', async () => {
    // A ticket a page: the first poll spends the limit of 10 exports a minute twice, waiting a minute inside
    // the poll, so its last minute holds a full limit when the wall clock goes back.
    const tickets = Array.from({ length: 25 }, (_, i): FakeZendeskTicket => ({ id: 10 + i, groupId: 100, channel: 'email', createdAt: NOW - (30 + i) * MIN }));
    const { time, poll, waits, helpdesk } = await connect({ tickets, ticketsPerPage: 1 });
    const before = exportAsks(helpdesk.requests).length;
    expect(before).toBeGreaterThanOrEqual(20);
    waits.length = 0;
    time.stepWall(-60 * MIN);
    await poll();
    expect(exportAsks(helpdesk.requests).length).toBeGreaterThan(before);
    // At most the limit's own minute, never the hour the wall clock went back.
    expect(Math.max(0, ...waits)).toBeLessThanOrEqual(MIN);
  });

  it('sends each queue’s backlog as soon as it is counted, before the exports wait for their limit', async () => {
    let connector: Awaited<ReturnType<typeof connect>> | null = null;
    /** The backlog readings the connector had sent when each export request arrived. */
    const sentBefore: number[] = [];
    connector = await connect({}, {}, (route) => (req, res) => {
      if (req.url.pathname.startsWith('/api/v2/incremental/') && connector) sentBefore.push(connector.readings.filter((r) => r.backlog !== undefined).length);
      return route(req, res);
    });
    const { zendesk, time, poll, readings, queueReadings } = connector;
    readings.length = 0;
    queueReadings.length = 0;
    // The account is over its limit for 90 s: the export waits for it inside the poll.
    zendesk.throttle(time.now() + MIN + 90_000);
    await poll();
    expect(sentBefore[0]).toBe(2);
    expect(queueReadings.slice(0, 2).map(({ queueId, reading }) => [queueId, reading.at, reading.backlog])).toEqual([
      ['zd-tier1', NOW + MIN, 1],
      ['zd-tier2', NOW + MIN, 1],
    ]);
    // The breaches follow once the metric events are read, after the wait.
    expect(queueReadings.slice(2).map(({ queueId, reading }) => [queueId, reading.slaBreached])).toEqual([
      ['zd-tier1', 0],
      ['zd-tier2', 0],
    ]);
    expect(queueReadings[2]!.reading.at).toBeGreaterThanOrEqual(NOW + MIN + 90_000);
  });

  it('reports its queues rate-limited with the time Zendesk gave, asks nothing before it, and up after; never down', async () => {
    const { zendesk, time, poll, statuses, helpdesk, logger } = await connect();
    expect(statuses).toEqual([]);
    const limitedAt = time.now() + MIN;
    zendesk.throttle(limitedAt + 300_000);
    await poll();
    expect(statuses).toHaveLength(1);
    const [limited] = statuses;
    expect(limited).toMatchObject({ state: 'rate-limited', queueIds: QUEUE_IDS, reason: 'Zendesk asked us to wait 5 min (until 09:06 UTC); data from 09:00 UTC' });
    const retryAt = (limited as { retryAt: number }).retryAt;
    expect(retryAt).toBeGreaterThanOrEqual(limitedAt + 300_000);
    const asked = exportAsks(helpdesk.requests).length;
    while (time.now() + MIN < retryAt) await poll();
    expect(exportAsks(helpdesk.requests)).toHaveLength(asked);
    await poll();
    expect(exportAsks(helpdesk.requests).length).toBeGreaterThan(asked);
    expect(exportAsks(helpdesk.requests).at(-1)!.at).toBeGreaterThanOrEqual(retryAt);
    expect(statuses.at(-1)).toEqual({ state: 'up', queueIds: QUEUE_IDS });
    expect(statuses.filter((s) => s.state === 'down')).toEqual([]);
    expect(logger.lines.join('\n')).not.toMatch(/kept answering 429/);
  });

  it('waits as long as Zendesk asked when the wall clock steps back an hour meanwhile, not an hour more', async () => {
    const { zendesk, time, poll, statuses, helpdesk } = await connect();
    zendesk.throttle(time.now() + MIN + 300_000);
    await poll();
    const retryAt = (statuses.at(-1) as { retryAt: number }).retryAt;
    const asked = exportAsks(helpdesk.requests).length;
    time.stepWall(-60 * MIN);
    // Zendesk's own clock did not step: its wait ends five minutes after it asked, an hour earlier on ours now.
    zendesk.throttle(retryAt - 60 * MIN);
    for (let minute = 0; minute < 6; minute++) await poll();
    expect(exportAsks(helpdesk.requests).length).toBeGreaterThan(asked);
    expect(statuses.at(-1)).toEqual({ state: 'up', queueIds: QUEUE_IDS });
  });

  it('says a 403 on an export needs an admin’s token, naming the fields, never the token', async () => {
    const { statuses, logger } = await connect({ admin: false });
    expect(statuses).toEqual([
      {
        state: 'down',
        queueIds: QUEUE_IDS,
        reason:
          "Zendesk refused the credentials (403: “Zendesk's incremental exports need an admin: connector main-zendesk: set email (now ops@acme.test) to an admin's address and token to that admin's API token”): check the token and its permissions",
      },
    ]);
    const text = logger.lines.join('\n') + JSON.stringify(statuses);
    expect(text).not.toContain(TOKEN);
  });

  it('names the environment variable and the OAuth token’s last characters when there is no email', async () => {
    // The configuration check reads the variable when the file is loaded.
    vi.stubEnv('ZENDESK_TOKEN', TOKEN);
    const { statuses } = await connect({ admin: false }, { email: undefined, token: undefined, tokenEnv: 'ZENDESK_TOKEN' });
    vi.unstubAllEnvs();
    expect(statuses[0]).toMatchObject({ state: 'down', reason: expect.stringContaining("set the variable ZENDESK_TOKEN (tokenEnv) to an admin's OAuth token (now one ending …mnop)") });
    expect(JSON.stringify(statuses)).not.toContain(TOKEN);
  });
});
