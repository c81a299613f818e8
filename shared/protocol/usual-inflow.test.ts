import { describe, expect, it } from 'vitest';
import { EMPTY_METRICS } from '../metrics';
import { decodeCompactUpdate, encodeCompactUpdate, queueLayout } from './compact-update';
import { QueueStateSchema, UpdateSchema, type Update } from './protocol';
import type { UsualInflow } from './usual-inflow';

const T = 1_795_494_398_767;
const usual: UsualInflow = { learnedDays: 7, weekday: 2, minuteOfDay: 600, perHour: { expected: 120, low: 96, high: 150 }, backlog: { low: 20, high: 45 } };
const learning: UsualInflow = { learnedDays: 3, weekday: 2, minuteOfDay: 600, perHour: null, backlog: null };

describe('the usual on the wire', () => {
  it('travels in snapshots and updates, readable and compact, and is optional for older gateways', () => {
    const update: Update = {
      serverTime: T,
      seq: 3,
      changes: [
        { queueId: 'chat', usual, metrics: { inflowVsUsual: 2.3 } },
        { queueId: 'mail', usual: learning },
        { queueId: 'push', usual: null },
      ],
    };
    expect(UpdateSchema.parse(update)).toEqual(update);
    const layout = queueLayout(['chat', 'mail', 'push']);
    const decoded = decodeCompactUpdate(JSON.parse(JSON.stringify(encodeCompactUpdate(update, layout))), layout);
    expect(decoded).toEqual({ ok: true, value: update });
    const state = { queueId: 'chat', metrics: { ...EMPTY_METRICS }, health: { status: 'no-data', metrics: {}, stale: null, atRisk: null }, updatedAt: null };
    expect(QueueStateSchema.safeParse(state).success).toBe(true);
    expect(QueueStateSchema.safeParse({ ...state, usual }).success).toBe(true);
  });

  it('names the field of a usual out of its bounds', () => {
    const bad = UpdateSchema.safeParse({ serverTime: T, seq: 1, changes: [{ queueId: 'chat', usual: { ...usual, minuteOfDay: 610, learnedDays: 9 } }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['changes.0.usual.learnedDays', 'changes.0.usual.minuteOfDay']);
  });

  it('bounds the inflowVsUsual ratio: 0 to 1000', () => {
    const ratio = (value: number) => UpdateSchema.safeParse({ serverTime: T, seq: 1, changes: [{ queueId: 'chat', metrics: { inflowVsUsual: value } }] });
    expect(ratio(2.35).success).toBe(true);
    expect(ratio(-1).error!.issues[0]!.message).toBe('must be 0 or more');
    expect(ratio(1001).error!.issues[0]!.message).toBe('must be at most 1000 (a ratio: 2 is twice the usual)');
  });
});
