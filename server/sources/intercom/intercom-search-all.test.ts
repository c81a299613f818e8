import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { expectedIntercomFigures, fakeIntercom, FIRST_REPLY_TARGET_SECONDS, type FakeConversation } from '../../../tests/support/fake-intercom';
import { IntercomConnectionSchema } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const TEAM = '42';

/** `count` open conversations of the team, one a minute back from two hours ago: none answered, all past the SLA. */
function backlog(count: number): FakeConversation[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(5000 + i), createdAt: NOW - 120 * MIN - i * MIN, teams: [{ at: NOW - 120 * MIN - i * MIN, teamId: TEAM }], changes: [] }));
}

function setup(conversations: readonly FakeConversation[]) {
  return startConnector({
    now: NOW,
    route: fakeIntercom(conversations),
    create: (baseUrl, capabilities) =>
      createIntercomSource({
        ...capabilities,
        connection: IntercomConnectionSchema.parse({ id: 'intercom-eu', kind: 'intercom', baseUrl, token: 'dG9rOmludGVyY29tLXNlY3JldA==' }),
        queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'intercom-eu', teamId: TEAM, slaTargets: { firstReplySeconds: FIRST_REPLY_TARGET_SECONDS } } }],
      }),
  });
}

describe('Intercom connector past 3,000 open conversations', () => {
  it('reads every page of a big backlog: the oldest wait and the breaches are the workspace\'s own, not those of the first 20 pages', async () => {
    // 3,200 open conversations are 22 pages of 150; the oldest ones sort last in this fake.
    const conversations = backlog(3200);
    const { readings } = await setup(conversations);
    const expected = expectedIntercomFigures(conversations, TEAM, NOW);
    expect(expected).toEqual({ backlog: 3200, oldestWaitingSeconds: (120 + 3199) * 60, slaBreached: 3200 });
    expect(readings).toEqual([{ at: NOW, ...expected }]);
  });

  it('sends only the backlog, and says so, when even the bounded read cannot see every open conversation', async () => {
    // Past 200 pages of 150 the read stops: figures from part of the backlog would be too low, so none are sent.
    const conversations = backlog(30_001);
    const { readings, logger } = await setup(conversations);
    expect(readings).toEqual([{ at: expect.any(Number), backlog: 30_001 }]);
    expect(logger.lines.join('\n')).toMatch(/past what one poll reads: only the backlog is sent.*"total":30001,"read":30000/);
  }, 60_000);
});
