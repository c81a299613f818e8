import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, runConnectorGateway } from '../support/connector-restart-gateway';
import { worldTickets } from '../support/connector-restart-world';
import { expectedFigures, fakeFreshdesk, freshdeskTickets } from '../support/fake-freshdesk';
import { startFakeHelpdesk, type RecordedRequest, type Route } from '../support/fake-helpdesk';
import { expectedIntercomFigures, fakeIntercom, FIRST_REPLY_TARGET_SECONDS, intercomConversations } from '../support/fake-intercom';
import { FakeTime } from '../support/fake-time';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';
import { ticketWorld } from '../support/ticket-world';

const HOUR = 3_600_000;
/** The recorded world runs two days from here; the gateway starts 26 hours in, its backfill reaching 24 h back. */
const W0 = Date.UTC(2026, 10, 22, 0, 0);
const START = W0 + 26 * HOUR;
const END = W0 + 47 * HOUR;
const POLL_MS = 600_000;
/** One restart a few polls in, one after the store has compacted its log many times over. */
const RESTARTS = [START + 5 * HOUR + 20 * 60_000, START + 14 * HOUR];
/** The figures are compared at each restart (its first poll done) and every hour after. */
const OBSERVE = [...RESTARTS, ...Array.from({ length: 21 }, (_, h) => START + (h + 1) * HOUR)];
const READ_METRICS = ['backlog', 'oldestWaitingSeconds', 'slaBreached'] as const;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

interface Connector {
  queues: Array<{ id: string; source: Record<string, unknown> }>;
  connector: (baseUrl: string, pollMs: number) => Record<string, unknown>;
  route: (world: ReturnType<typeof worldTickets>) => Route;
  /** The fake's own figures for a queue at a time. */
  expected: (world: ReturnType<typeof worldTickets>, queueId: string, at: number) => Record<string, number>;
  /** When the first read of changes in these requests starts from (epoch ms): a restart resumes from its saved cursor. */
  changesFrom?: (requests: readonly RecordedRequest[]) => number | undefined;
}

const GROUPS: Record<string, number> = { 'fd-care': 5, 'fd-returns': 6 };
const TEAMS: Record<string, string> = { 'ic-vip': '42', 'ic-billing': '43' };
const connectors: Record<'Freshdesk' | 'Intercom', Connector> = {
  Freshdesk: {
    queues: Object.entries(GROUPS).map(([id, groupId]) => ({ id, source: { kind: 'freshdesk', connection: 'fd', groupId } })),
    connector: (baseUrl, pollMs) => ({ id: 'fd', kind: 'freshdesk', domain: 'acme', baseUrl, token: 'fd-ApiKey-0123456789abcdef', backfillHours: 24, pollSeconds: pollMs / 1000, rateLimitPerMinute: 100_000 }),
    route: (world) => fakeFreshdesk(freshdeskTickets(world, GROUPS)),
    expected: (world, queueId, at) => expectedFigures(freshdeskTickets(world, GROUPS), GROUPS[queueId]!, at),
    changesFrom: (requests) => {
      const since = requests.find((r) => r.url.pathname === '/api/v2/tickets')?.url.searchParams.get('updated_since');
      return since ? Date.parse(since) : undefined;
    },
  },
  Intercom: {
    queues: Object.entries(TEAMS).map(([id, teamId]) => ({ id, source: { kind: 'intercom', connection: 'ic', teamId, slaTargets: { firstReplySeconds: FIRST_REPLY_TARGET_SECONDS } } })),
    connector: (baseUrl, pollMs) => ({ id: 'ic', kind: 'intercom', baseUrl, token: 'ic-token-0123456789abcdef', pollSeconds: pollMs / 1000 }),
    route: (world) => fakeIntercom(intercomConversations(world, TEAMS)),
    expected: (world, queueId, at) => expectedIntercomFigures(intercomConversations(world, TEAMS), TEAMS[queueId]!, at),
  },
};

interface Case {
  title: string;
  connector: keyof typeof connectors;
  seed: number;
  ticketsPerHour: number;
  neverSolved?: number;
  /** The least backlog a queue must have at the end (above 300: Freshdesk's search must be cut into parts). */
  minBacklog: number;
  /** The poll interval (a divisor of the restart and observation times); POLL_MS unless set. */
  pollMs?: number;
}

async function twoRuns({ connector, seed, ticketsPerHour, neverSolved, pollMs = POLL_MS }: Case) {
  const c = connectors[connector];
  const queueIds = c.queues.map((q) => q.id);
  const world = worldTickets(ticketWorld({ seed, start: W0, days: 2, queueIds, ticketsPerHour, ...(neverSolved === undefined ? {} : { neverSolved }) }));
  const run = async (restartsAt: readonly number[]) => {
    const time = new FakeTime(START);
    const helpdesk = await startFakeHelpdesk(c.route(world), time);
    closers.push(helpdesk.close);
    const configText = JSON.stringify(
      oneOfficeConfig(
        c.queues.map((q) => lisbonQueue({ id: q.id, name: q.id, channel: 'email', targets: { firstResponseSeconds: 900 }, source: q.source })),
        { connectors: [c.connector(helpdesk.baseUrl, pollMs)] },
      ),
    );
    const dataDir = await mkdtemp(join(tmpdir(), 'qb-connector-restart-'));
    // Where each run (the first, then one per restart) began in the helpdesk's requests.
    const runsFrom = [0];
    const result = await runConnectorGateway({ configText, dataDir, time, stepMs: pollMs, until: END, restartsAt, observeAt: OBSERVE, restarting: () => runsFrom.push(helpdesk.requests.length) });
    const changesFrom = runsFrom.map((from) => c.changesFrom?.(helpdesk.requests.slice(from)));
    return { ...result, changesFrom };
  };
  const uninterrupted = await run([]);
  const restarted = await run(RESTARTS);
  const expected = (at: number) => Object.fromEntries(queueIds.map((id) => [id, c.expected(world, id, at)]));
  return { uninterrupted, restarted, expected, queueIds };
}

const CASES: Case[] = [
  { title: 'Freshdesk', connector: 'Freshdesk', seed: 18, ticketsPerHour: 4, minBacklog: 4 },
  { title: 'Freshdesk, backlogs above the 300-result search cap', connector: 'Freshdesk', seed: 1836, ticketsPerHour: 12, neverSolved: 0.7, minBacklog: 301, pollMs: 2 * POLL_MS },
  { title: 'Intercom', connector: 'Intercom', seed: 1818, ticketsPerHour: 4, minBacklog: 4 },
];

describe('a gateway restarted over a recorded world', () => {
  for (const world of CASES) {
    it(`${world.title}: every metric of every queue equals an uninterrupted run’s, and the read figures equal the fake’s`, async () => {
      const { uninterrupted, restarted, expected, queueIds } = await twoRuns(world);
      // The world is busy enough to show every flow: backlogs, replies, resolutions.
      for (const id of queueIds) {
        expect(uninterrupted.figures[id]!.backlog).toBeGreaterThanOrEqual(world.minBacklog);
        expect(uninterrupted.figures[id]!.resolutionP90).not.toBeNull();
        expect(uninterrupted.figures[id]!.firstResponseP90).not.toBeNull();
      }
      expect(restarted.beforeRestart).not.toBeNull();
      if (connectors[world.connector].changesFrom) {
        // Each restart resumes from the cursor the run before it saved (within its last poll), not a day back.
        expect(restarted.changesFrom[0]).toBe(START - 24 * HOUR);
        for (const [i, at] of RESTARTS.entries()) expect(restarted.changesFrom[i + 1]).toBeGreaterThan(at - 2 * (world.pollMs ?? POLL_MS));
      }
      expect(restarted.observed.map((o) => o.at)).toEqual([...new Set(OBSERVE)].sort((a, b) => a - b));
      for (const [i, seen] of restarted.observed.entries()) {
        expect({ at: seen.at, ...seen.figures }).toEqual({ at: seen.at, ...uninterrupted.observed[i]!.figures });
        // What the connector reads from the helpdesk equals the fake's own figures, before and after each restart.
        expect({ at: seen.at, ...pick(seen.figures, READ_METRICS) }).toEqual({ at: seen.at, ...expected(seen.at) });
      }
      expect(restarted.figures).toEqual(uninterrupted.figures);
      expect(restarted.shown).toEqual(uninterrupted.shown);
      expect(pick(uninterrupted.figures, READ_METRICS)).toEqual(expected(END));
    }, 120_000);
  }
});
