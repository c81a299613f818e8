import { describe, expect, it } from 'vitest';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { decodeCompactUpdate, encodeCompactUpdate, queueLayout } from '../../shared/protocol/compact-update';
import { UpdateSchema, type Update } from '../../shared/protocol/protocol';
import { FakeTime } from '../../tests/support/fake-time';
import { AlertManager } from '../alerts/alert-manager';
import { QueueBoard } from '../board/queue-board';
import { QueueRuntime } from '../board/queue-runtime';
import { demoConfig } from '../config/demo-config';
import { ThresholdService } from '../health/threshold-service';
import { silentLogger } from '../runtime/logger';
import { MetricsRegistry } from '../runtime/prometheus';
import type { InflowForecast } from './inflow-forecast';
import { staffingSetups } from './staffing-config';
import { StaffingPlanner } from './staffing-planner';

const START = Date.UTC(2026, 11, 7, 10, 0, 30);

/** The per-queue loop with the real planner over a fake baseline (the contract of inflow-forecast.ts). */
function setup(forecast: InflowForecast | null, values: Partial<MetricValues>) {
  const config = demoConfig();
  const time = new FakeTime(START);
  const board = new QueueBoard(config.offices, config.queues);
  const updates: Update[] = [];
  const overrides = [{ scope: 'default' as const, scopeId: '', metric: 'staffingGap' as const, profile: '', warning: 2, critical: 5, pendingSeconds: null, recoverySeconds: null }];
  const thresholds = new ThresholdService(config.offices, config.health, overrides);
  const runtime = new QueueRuntime({
    board,
    engine: { metricsFor: () => ({ ...EMPTY_METRICS, ...values }) },
    health: { ...config.health, pendingSeconds: 0 },
    thresholds,
    alerts: new AlertManager({ persistence: null, newId: () => 'alert' }),
    staleAfterMs: new Map(),
    history: null,
    clock: time,
    scheduler: time,
    evaluateIntervalMs: 1000,
    updateIntervalMs: 500,
    evaluationSeconds: new MetricsRegistry().histogram('e', 'e', [1]),
    logger: silentLogger,
    staffing: new StaffingPlanner({
      setups: staffingSetups(config.queues, (id) => config.offices.find((o) => o.id === id)!.timeZone),
      forecast,
      handleTimeOf: () => null,
    }),
  });
  runtime.connect({ broadcast: (update) => updates.push(update), heartbeat: () => {}, broadcastThresholds: () => {} });
  const stateOf = (queueId: string) => board.currentStates().find((s) => s.queueId === queueId)!;
  return { time, runtime, stateOf, updates, board };
}

const busy = { backlog: 40, inflowPerHour: 300, outflowPerHour: 280, agentsOnline: 8, oldestWaitingSeconds: 90, slaAttainment: 91 };
const usual: InflowForecast = { expectedArrivals: (_q, from, to) => ({ expected: (300 * (to - from)) / 3_600_000, low: 0, high: (400 * (to - from)) / 3_600_000 }) };

describe('the staffing gap and SLA outlook in the per-queue loop', () => {
  it('puts the need, the gap and the outlook on the board, as metrics and as the state\'s staffing', () => {
    const { runtime, stateOf } = setup(usual, busy);
    runtime.start();
    const chat = stateOf('lis-chat-pt');
    expect(chat.staffing).toMatchObject({ method: 'erlang-a', basis: 'usual', online: 8 });
    expect(chat.metrics.staffingGap).toBe(chat.staffing!.needed - 8);
    expect(chat.metrics.slaOutlook).toBe(chat.staffing!.sla!.expected);
    expect(stateOf('lis-email-pt').staffing).toMatchObject({ method: 'workload', basis: 'usual' });
    runtime.stop();
  });

  it('says the arrivals are the recent inflow while the gateway has no baseline', () => {
    const { runtime, stateOf } = setup(null, busy);
    runtime.start();
    expect(stateOf('lis-chat-pt').staffing?.basis).toBe('recent');
    runtime.stop();
  });

  it('grades the gap like any metric once a manager sets levels for it', () => {
    const { runtime, stateOf, time } = setup(usual, busy);
    runtime.start();
    time.advance(2000);
    const chat = stateOf('lis-chat-pt');
    expect(chat.metrics.staffingGap).toBeGreaterThanOrEqual(5);
    expect(chat.health.metrics.staffingGap).toBe('critical');
    runtime.stop();
  });

  it('sends the staffing in updates, readable and compact, and only when it changes', () => {
    const { runtime, updates, board, time } = setup(usual, busy);
    runtime.start();
    time.advance(600);
    const first = updates.find((u) => u.changes.some((c) => c.queueId === 'lis-chat-pt' && c.staffing));
    expect(first).toBeDefined();
    expect(UpdateSchema.safeParse(first).success).toBe(true);
    const layout = queueLayout(board.queues.map((q) => q.id));
    const decoded = decodeCompactUpdate(JSON.parse(JSON.stringify(encodeCompactUpdate(first!, layout))), layout);
    expect(decoded).toEqual({ ok: true, value: first });
    const count = updates.length;
    time.advance(5000);
    expect(updates.slice(count).some((u) => u.changes.some((c) => c.staffing !== undefined))).toBe(false);
    runtime.stop();
  });
});
