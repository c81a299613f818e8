import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { fakeIntercom, type FakeConversation } from '../../../tests/support/fake-intercom';
import { IntercomConnectionSchema } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const MIN = 60_000;
/** A whole second; the first poll comes 200 ms into it. */
const T = Date.UTC(2026, 10, 24, 9, 0, 0);

const conversation = (id: string, closedAt: number): FakeConversation => ({
  id, createdAt: T - 60 * MIN, teams: [{ at: T - 60 * MIN, teamId: '42' }], firstReplyAt: T - 50 * MIN, changes: [{ at: closedAt, to: 'resolved' }],
});

describe('Intercom closed conversations', () => {
  it('a conversation closed in the same second as the newest one read, after the search answered, is still read', async () => {
    // Intercom's times are whole seconds: both show updated_at T, but only a is closed when the first poll asks.
    const conversations = [conversation('a', T), conversation('b', T + 500)];
    const { events, poll } = await startConnector({
      now: T + 200,
      route: fakeIntercom(conversations),
      create: (baseUrl, capabilities) =>
        createIntercomSource({
          ...capabilities,
          connection: IntercomConnectionSchema.parse({ id: 'ic', kind: 'intercom', baseUrl, token: 'ic-token-0123456789abcdef' }),
          queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'ic', teamId: '42' } }],
        }),
    });
    expect(events.filter((e) => e.type === 'solved').map((e) => e.ticketId)).toEqual(['intercom-a']);
    await poll();
    expect(events.filter((e) => e.type === 'solved').map((e) => e.ticketId)).toEqual(['intercom-a', 'intercom-b']);
  });
});
