import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../shared/health/default-thresholds';
import { evaluateQueueHealth } from '../../shared/health/queue-health';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { FakeTime } from '../../tests/support/fake-time';
import { demoConfig } from '../config/demo-config';
import { MetricsRegistry } from '../runtime/prometheus';
import { Evaluator } from './evaluator';
import { QueueBoard } from './queue-board';

const START = Date.UTC(2026, 10, 17, 12, 0, 30);

function setup() {
  const config = demoConfig();
  const time = new FakeTime(START);
  const board = new QueueBoard(config.offices, config.queues);
  const recorded: Array<{ queueId: string; at: number; backlog: number | null }> = [];
  const evaluator = new Evaluator({
    board,
    // Backlog grows by one per second of clock time, so each evaluation has something new.
    engine: { metricsFor: (_queueId: string, now: number): MetricValues => ({ ...EMPTY_METRICS, backlog: Math.floor((now - START) / 1000) }) },
    assess: (queue, values) => evaluateQueueHealth(values, DEFAULT_THRESHOLDS[queue.channel]),
    history: {
      recordMinute: (at, entries) => entries.forEach(({ queueId, metrics }) => recorded.push({ queueId, at, backlog: metrics.backlog })),
    },
    clock: time,
    scheduler: time,
    intervalMs: 1000,
    evaluationSeconds: new MetricsRegistry().histogram('e', 'e', [1]),
  });
  return { config, time, board, recorded, evaluator };
}

describe('Evaluator', () => {
  it('recomputes every queue each interval and stamps each with when its source last reported', () => {
    const { time, board, evaluator } = setup();
    evaluator.touched('ams-x', START - 5000);
    evaluator.start();
    time.advance(3000);
    const states = board.currentStates();
    expect(states.every((s) => s.metrics.backlog === 3)).toBe(true);
    expect(states.find((s) => s.queueId === 'ams-x')?.updatedAt).toBe(START - 5000);
    expect(states.find((s) => s.queueId === 'lis-chat-pt')?.updatedAt).toBeNull();
    evaluator.touched('ams-x', START - 9000); // older news does not move the data time back
    time.advance(1000);
    expect(board.currentStates().find((s) => s.queueId === 'ams-x')?.updatedAt).toBe(START - 5000);
    evaluator.stop();
    expect(time.pendingTimers).toBe(0);
  });

  it('writes each queue once per minute to the history, stamped with the minute that ended', () => {
    const { config, time, recorded, evaluator } = setup();
    evaluator.start();
    time.advance(150_000); // from 12:00:30 to 12:03:00
    const minutes = [...new Set(recorded.map((r) => r.at))];
    expect(minutes).toEqual([Date.UTC(2026, 10, 17, 12, 0), Date.UTC(2026, 10, 17, 12, 1), Date.UTC(2026, 10, 17, 12, 2)]);
    expect(recorded.filter((r) => r.at === minutes[0])).toHaveLength(config.queues.length);
    // The value as the minute closed: evaluated at 12:01:00, 30 s after start.
    expect(recorded.find((r) => r.at === minutes[0])?.backlog).toBe(30);
    evaluator.stop();
  });
});
