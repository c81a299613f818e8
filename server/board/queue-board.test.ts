import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../shared/health/default-thresholds';
import { demoConfig } from '../config/demo-config';
import { FakeTime } from '../../tests/support/fake-time';
import { QueueBoard } from './queue-board';
import { UpdateBatcher } from './update-batcher';

const config = demoConfig();
const newBoard = () => new QueueBoard(config.offices, config.queues, (q) => DEFAULT_THRESHOLDS[q.channel]);
const reading = (queueId: string, at: number, metrics: Record<string, number>) => ({ sourceId: 't', queueId, at, metrics });

describe('QueueBoard', () => {
  it('starts every queue with no data', () => {
    const states = newBoard().currentStates();
    expect(states).toHaveLength(config.queues.length);
    expect(states.every((s) => s.health.status === 'no-data' && s.updatedAt === null)).toBe(true);
  });

  it('records only what changed, with the health when it changes', () => {
    const board = newBoard();
    board.apply(reading('lis-chat-pt', 1000, { backlog: 3, firstResponseP90: 60, resolutionP90: 900 }));
    expect(board.takeChanges()).toEqual([
      {
        queueId: 'lis-chat-pt',
        metrics: { backlog: 3, firstResponseP90: 60, resolutionP90: 900 },
        health: { status: 'ok', metrics: { backlog: 'ok', firstResponseP90: 'ok', resolutionP90: 'ok' } },
        updatedAt: 1000,
      },
    ]);
    board.apply(reading('lis-chat-pt', 2000, { backlog: 3, firstResponseP90: 61, resolutionP90: 900 }));
    expect(board.takeChanges()).toEqual([{ queueId: 'lis-chat-pt', metrics: { firstResponseP90: 61 }, updatedAt: 2000 }]);
    // Chat backlog warning is at 15.
    board.apply(reading('lis-chat-pt', 3000, { backlog: 16 }));
    const [patch] = board.takeChanges();
    expect(patch?.health?.status).toBe('warning');
    expect(patch?.metrics).toEqual({ backlog: 16 });
  });

  it('merges several readings of one queue into one patch per batch', () => {
    const board = newBoard();
    board.apply(reading('ams-x', 1000, { backlog: 5 }));
    board.apply(reading('ams-x', 1500, { firstResponseP90: 100 }));
    expect(board.takeChanges()).toEqual([
      expect.objectContaining({ queueId: 'ams-x', metrics: { backlog: 5, firstResponseP90: 100 }, updatedAt: 1500 }),
    ]);
    expect(board.takeChanges()).toEqual([]);
  });

  it('refuses readings for unknown queues and readings older than what it has', () => {
    const board = newBoard();
    expect(board.apply(reading('nope', 1, { backlog: 1 }))).toEqual({ applied: false, reason: 'unknown-queue' });
    board.apply(reading('ams-x', 5000, { backlog: 5 }));
    expect(board.apply(reading('ams-x', 4000, { backlog: 50 }))).toEqual({ applied: false, reason: 'out-of-order' });
    expect(board.currentStates().find((s) => s.queueId === 'ams-x')?.metrics.backlog).toBe(5);
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
    board.apply(reading('ams-x', 600, { backlog: 5 }));
    board.apply(reading('ams-chat-nl', 700, { backlog: 2 }));
    time.advance(500);
    expect(sent).toEqual([{ serverTime: 1000, seq: 1, changes: [expect.objectContaining({ queueId: 'ams-x' }), expect.objectContaining({ queueId: 'ams-chat-nl' })] }]);
    board.apply(reading('ams-x', 1200, { backlog: 6 }));
    time.advance(500);
    expect(sent).toHaveLength(2);
    expect(batcher.lastSeq).toBe(2);
    batcher.stop();
    expect(time.pendingTimers).toBe(0);
  });
});
