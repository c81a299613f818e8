import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../shared/health/default-thresholds';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { demoConfig } from '../config/demo-config';
import { FakeTime } from '../../tests/support/fake-time';
import { QueueBoard } from './queue-board';
import { UpdateBatcher } from './update-batcher';

const config = demoConfig();
const newBoard = () => new QueueBoard(config.offices, config.queues, (q) => DEFAULT_THRESHOLDS[q.channel]);
const values = (partial: Partial<MetricValues>): MetricValues => ({ ...EMPTY_METRICS, ...partial });

describe('QueueBoard', () => {
  it('starts every queue with no data', () => {
    const states = newBoard().currentStates();
    expect(states).toHaveLength(config.queues.length);
    expect(states.every((s) => s.health.status === 'no-data' && s.updatedAt === null)).toBe(true);
  });

  it('records only what changed, with the health when it changes', () => {
    const board = newBoard();
    board.set('lis-chat-pt', values({ backlog: 3, firstResponseP90: 60, agentsOnline: 4 }), 1000);
    expect(board.takeChanges()).toEqual([
      {
        queueId: 'lis-chat-pt',
        metrics: { backlog: 3, firstResponseP90: 60, agentsOnline: 4 },
        health: { status: 'ok', metrics: { backlog: 'ok', firstResponseP90: 'ok' } },
        updatedAt: 1000,
      },
    ]);
    board.set('lis-chat-pt', values({ backlog: 3, firstResponseP90: 61, agentsOnline: 4 }), 1000);
    expect(board.takeChanges()).toEqual([{ queueId: 'lis-chat-pt', metrics: { firstResponseP90: 61 }, updatedAt: 1000 }]);
    // Chat backlog warning is at 90.
    board.set('lis-chat-pt', values({ backlog: 91, firstResponseP90: 61, agentsOnline: 4 }), 2000);
    const [patch] = board.takeChanges();
    expect(patch?.health?.status).toBe('warning');
    expect(patch?.metrics).toEqual({ backlog: 91 });
  });

  it('sends nothing when nothing changed, and the new data time alone when only that moved', () => {
    const board = newBoard();
    board.set('ams-x', values({ backlog: 5 }), 1000);
    board.takeChanges();
    board.set('ams-x', values({ backlog: 5 }), 1000);
    expect(board.takeChanges()).toEqual([]);
    board.set('ams-x', values({ backlog: 5 }), 3000);
    expect(board.takeChanges()).toEqual([{ queueId: 'ams-x', updatedAt: 3000 }]);
  });

  it('merges several changes of one queue into one patch per batch', () => {
    const board = newBoard();
    board.set('ams-x', values({ backlog: 5 }), 1000);
    board.set('ams-x', values({ backlog: 5, firstResponseP90: 100 }), 1500);
    expect(board.takeChanges()).toEqual([
      expect.objectContaining({ queueId: 'ams-x', metrics: { backlog: 5, firstResponseP90: 100 }, updatedAt: 1500 }),
    ]);
    expect(board.takeChanges()).toEqual([]);
  });

  it('refuses an unknown queue', () => {
    expect(() => newBoard().set('nope', values({}), 1)).toThrow(/Unknown queue "nope"/);
  });
});

describe('UpdateBatcher', () => {
  it('sends one numbered update per interval with the changes, and nothing when nothing changed', () => {
    const time = new FakeTime(0);
    const board = newBoard();
    const sent: unknown[] = [];
    const batcher = new UpdateBatcher({ board, clock: time, scheduler: time, intervalMs: 500, broadcast: (u) => sent.push(u) });
    batcher.start();
    time.advance(500);
    expect(sent).toEqual([]);
    board.set('ams-x', values({ backlog: 5 }), 600);
    board.set('ams-chat-nl', values({ backlog: 2 }), 700);
    time.advance(500);
    expect(sent).toEqual([
      { serverTime: 1000, seq: 1, changes: [expect.objectContaining({ queueId: 'ams-x' }), expect.objectContaining({ queueId: 'ams-chat-nl' })] },
    ]);
    board.set('ams-x', values({ backlog: 6 }), 1200);
    time.advance(500);
    expect(sent).toHaveLength(2);
    expect(batcher.lastSeq).toBe(2);
    batcher.stop();
    expect(time.pendingTimers).toBe(0);
  });
});
