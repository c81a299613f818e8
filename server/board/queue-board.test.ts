import { describe, expect, it, vi } from 'vitest';
import type { StaffingOutlook } from '../../shared/protocol/staffing-outlook';
import { DEFAULT_THRESHOLDS } from '../../shared/health/default-thresholds';
import { evaluateQueueHealth } from '../../shared/health/queue-health';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { demoConfig } from '../config/demo-config';
import { FakeTime } from '../../tests/support/fake-time';
import { QueueBoard } from './queue-board';
import { UpdateBatcher } from './update-batcher';

const config = demoConfig();
const newBoard = () => new QueueBoard(config.offices, config.queues);
const values = (partial: Partial<MetricValues>): MetricValues => ({ ...EMPTY_METRICS, ...partial });
const chat = DEFAULT_THRESHOLDS.chat;

describe('QueueBoard', () => {
  it('starts every queue with no data', () => {
    const states = newBoard().currentStates();
    expect(states).toHaveLength(config.queues.length);
    expect(states.every((s) => s.health.status === 'no-data' && s.updatedAt === null)).toBe(true);
  });

  it('compares a staffing outlook by its figures once, then by identity: an equal outlook in a new object is no change and costs no JSON on the next beats', () => {
    const board = newBoard();
    const health = evaluateQueueHealth(values({ backlog: 3 }), chat);
    const outlook = (): StaffingOutlook => ({ method: 'erlang-a', basis: 'recent', spanMinutes: 30, needed: 5, online: 4, handleSeconds: 300, handleFrom: 'default', sla: null });
    board.set('lis-chat-pt', values({ backlog: 3 }), 1000, health, outlook());
    expect(board.takeChanges()[0]!.staffing).toEqual(outlook());
    const recomputed = outlook();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      board.set('lis-chat-pt', values({ backlog: 3 }), 1000, health, recomputed);
      expect(board.takeChanges()).toEqual([]);
      const afterRecompute = stringify.mock.calls.length;
      // The beats until the next recompute hand back the same object: nothing to compare.
      for (let beat = 0; beat < 5; beat++) board.set('lis-chat-pt', values({ backlog: 3 }), 1000, health, recomputed);
      expect(stringify.mock.calls.length).toBe(afterRecompute);
    } finally {
      stringify.mockRestore();
    }
    expect(board.takeChanges()).toEqual([]);
  });

  it('records only what changed, with the health when it changes', () => {
    const board = newBoard();
    board.set('lis-chat-pt', values({ backlog: 3, firstResponseP90: 60, agentsOnline: 4 }), 1000, evaluateQueueHealth(values({ backlog: 3, firstResponseP90: 60, agentsOnline: 4 }), chat));
    expect(board.takeChanges()).toEqual([
      {
        queueId: 'lis-chat-pt',
        metrics: { backlog: 3, firstResponseP90: 60, agentsOnline: 4 },
        health: { status: 'ok', metrics: { backlog: 'ok', firstResponseP90: 'ok' }, stale: null, atRisk: null },
        updatedAt: 1000,
      },
    ]);
    board.set('lis-chat-pt', values({ backlog: 3, firstResponseP90: 61, agentsOnline: 4 }), 1000, evaluateQueueHealth(values({ backlog: 3, firstResponseP90: 61, agentsOnline: 4 }), chat));
    expect(board.takeChanges()).toEqual([{ queueId: 'lis-chat-pt', metrics: { firstResponseP90: 61 }, updatedAt: 1000 }]);
    // Chat backlog warning is at 90.
    board.set('lis-chat-pt', values({ backlog: 91, firstResponseP90: 61, agentsOnline: 4 }), 2000, evaluateQueueHealth(values({ backlog: 91, firstResponseP90: 61, agentsOnline: 4 }), chat));
    const [patch] = board.takeChanges();
    expect(patch?.health?.status).toBe('warning');
    expect(patch?.metrics).toEqual({ backlog: 91 });
  });

  it('sends nothing when nothing changed, and the new data time alone when only that moved', () => {
    const board = newBoard();
    board.set('ams-x', values({ backlog: 5 }), 1000, evaluateQueueHealth(values({ backlog: 5 }), chat));
    board.takeChanges();
    board.set('ams-x', values({ backlog: 5 }), 1000, evaluateQueueHealth(values({ backlog: 5 }), chat));
    expect(board.takeChanges()).toEqual([]);
    board.set('ams-x', values({ backlog: 5 }), 3000, evaluateQueueHealth(values({ backlog: 5 }), chat));
    expect(board.takeChanges()).toEqual([{ queueId: 'ams-x', updatedAt: 3000 }]);
  });

  it('merges several changes of one queue into one patch per batch', () => {
    const board = newBoard();
    board.set('ams-x', values({ backlog: 5 }), 1000, evaluateQueueHealth(values({ backlog: 5 }), chat));
    board.set('ams-x', values({ backlog: 5, firstResponseP90: 100 }), 1500, evaluateQueueHealth(values({ backlog: 5, firstResponseP90: 100 }), chat));
    expect(board.takeChanges()).toEqual([
      expect.objectContaining({ queueId: 'ams-x', metrics: { backlog: 5, firstResponseP90: 100 }, updatedAt: 1500 }),
    ]);
    expect(board.takeChanges()).toEqual([]);
  });

  it('sends health on its own when only the health changed (a queue going stale keeps its numbers)', () => {
    const board = newBoard();
    const v = values({ backlog: 5 });
    board.set('ams-x', v, 1000, evaluateQueueHealth(v, chat));
    board.takeChanges();
    const stale = { status: 'stale', metrics: { backlog: 'ok' }, stale: { reason: 'source-down', message: 'down', lastStatus: 'ok' }, atRisk: null } as const;
    board.set('ams-x', v, 1000, stale);
    expect(board.takeChanges()).toEqual([{ queueId: 'ams-x', health: stale, updatedAt: 1000 }]);
    board.set('ams-x', v, 1000, { ...stale });
    expect(board.takeChanges()).toEqual([]);
  });

  it('refuses an unknown queue', () => {
    expect(() => newBoard().set('nope', values({}), 1, evaluateQueueHealth(values({}), chat))).toThrow(/Unknown queue "nope"/);
  });
});

describe('UpdateBatcher', () => {
  it('sends one numbered update per interval with the changes, and nothing when nothing changed', () => {
    const time = new FakeTime(0);
    const board = newBoard();
    const sent: unknown[] = [];
    const batcher = new UpdateBatcher({ board, clock: time, scheduler: time, intervalMs: 500, alerts: { takeChanges: () => [] }, broadcast: (u) => sent.push(u) });
    batcher.start();
    time.advance(500);
    expect(sent).toEqual([]);
    board.set('ams-x', values({ backlog: 5 }), 600, evaluateQueueHealth(values({ backlog: 5 }), chat));
    board.set('ams-chat-nl', values({ backlog: 2 }), 700, evaluateQueueHealth(values({ backlog: 2 }), chat));
    time.advance(500);
    expect(sent).toEqual([
      { serverTime: 1000, seq: 1, changes: [expect.objectContaining({ queueId: 'ams-x' }), expect.objectContaining({ queueId: 'ams-chat-nl' })] },
    ]);
    board.set('ams-x', values({ backlog: 6 }), 1200, evaluateQueueHealth(values({ backlog: 6 }), chat));
    time.advance(500);
    expect(sent).toHaveLength(2);
    expect(batcher.lastSeq).toBe(2);
    batcher.stop();
    expect(time.pendingTimers).toBe(0);
  });

  it('sends a heartbeat after a second with nothing to send, and none while updates flow', () => {
    const time = new FakeTime(0);
    const board = newBoard();
    const beats: number[] = [];
    const sent: unknown[] = [];
    const batcher = new UpdateBatcher({
      board, clock: time, scheduler: time, intervalMs: 500, alerts: { takeChanges: () => [] },
      broadcast: (u) => sent.push(u), heartbeat: (at) => beats.push(at), heartbeatAfterIdleFlushes: 2,
    });
    batcher.start();
    time.advance(2000);
    expect(beats).toEqual([1000, 2000]);
    for (let t = 2100; t < 4000; t += 500) {
      const v = values({ backlog: t });
      board.set('ams-x', v, t, evaluateQueueHealth(v, chat));
      time.advance(500);
    }
    expect(beats).toEqual([1000, 2000]);
    expect(sent.length).toBeGreaterThan(2);
    batcher.stop();
  });
});
