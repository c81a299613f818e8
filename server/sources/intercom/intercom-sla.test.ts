import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson } from '../../../tests/support/fake-helpdesk';
import { expectedBreached, slaSearchAnswer, type FakeSlaConversation } from '../../../tests/support/fake-intercom-sla';
import { IntercomConnectionSchema, type IntercomSlaTargets } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
/** The VIP SLA as set in Intercom: first reply within 10 min, next reply within 30 min. */
const TARGETS: IntercomSlaTargets = { firstReplySeconds: 600, nextReplySeconds: 1800 };

const world: FakeSlaConversation[] = [
  // Waiting for a first reply 25 min: past the 10 min target, Intercom still says active.
  { id: 'late-first', state: 'open', createdAt: NOW - 25 * MIN, dueAt: NOW - 15 * MIN },
  // Waiting 5 min: within target.
  { id: 'fresh', state: 'open', createdAt: NOW - 5 * MIN, dueAt: NOW + 5 * MIN },
  // Replied, then the customer wrote again 40 min ago: past the 30 min next-reply target.
  { id: 'late-next', state: 'open', createdAt: NOW - 90 * MIN, firstReplyAt: NOW - 85 * MIN, waitingSince: NOW - 40 * MIN, dueAt: NOW - 10 * MIN },
  // Replied in time and nobody waits: hit.
  { id: 'answered', state: 'open', createdAt: NOW - 60 * MIN, firstReplyAt: NOW - 55 * MIN },
  // Replied late: Intercom recorded the miss.
  { id: 'missed', state: 'open', createdAt: NOW - 60 * MIN, firstReplyAt: NOW - 30 * MIN, missedRecorded: true },
  // SLA removed by hand: sla_status null, documented; not a breach, and the conversation still counts in the backlog.
  { id: 'removed', state: 'open', createdAt: NOW - 120 * MIN, removed: true },
  // No SLA applies.
  { id: 'no-sla', state: 'open', createdAt: NOW - 300 * MIN, noSla: true },
  // Snoozed past its deadline: nobody owes a reply until it wakes.
  { id: 'snoozed', state: 'snoozed', createdAt: NOW - 60 * MIN, dueAt: NOW - 50 * MIN },
];

function setup(conversations: FakeSlaConversation[], slaTargets: IntercomSlaTargets | undefined) {
  return startConnector({
    now: NOW,
    route: (req, res) => sendJson(res, 200, slaSearchAnswer(req, conversations)),
    create: (baseUrl, capabilities) =>
      createIntercomSource({
        ...capabilities,
        connection: IntercomConnectionSchema.parse({ id: 'intercom-eu', kind: 'intercom', baseUrl, token: 'intercom-secret-token' }),
        queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'intercom-eu', teamId: '42', ...(slaTargets ? { slaTargets } : {}) } }],
      }),
  });
}

describe('Intercom SLA breaches', () => {
  it('reads a conversation whose sla_status is null (SLA removed) instead of skipping it', async () => {
    const { readings, events, source } = await setup(world.filter((c) => c.id === 'removed'), TARGETS);
    expect(source.skippedItems).toBe(0);
    expect(readings).toEqual([expect.objectContaining({ backlog: 1, slaBreached: 0 })]);
    expect(events.map((e) => [e.type, e.ticketId])).toEqual([['created', 'intercom-removed']]);
  });

  it('counts open conversations already past their SLA target, as the fake counts them', async () => {
    const { readings, source } = await setup(world, TARGETS);
    expect(source.skippedItems).toBe(0);
    expect(expectedBreached(world, NOW)).toBe(3);
    expect(readings.map((r) => [r.backlog, r.slaBreached])).toEqual([[world.length, expectedBreached(world, NOW)]]);
  });

  it('counts a conversation once its deadline passes, poll by poll', async () => {
    const { readings, poll } = await setup(world.filter((c) => c.id === 'fresh'), TARGETS);
    expect(readings.map((r) => r.slaBreached)).toEqual([0]);
    for (let i = 0; i < 6; i++) await poll();
    expect(readings.map((r) => r.slaBreached)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('without configured targets counts only what Intercom marks missed', async () => {
    const { readings } = await setup(world, undefined);
    expect(readings.map((r) => r.slaBreached)).toEqual([1]);
  });
});
