import { describe, expect, it } from 'vitest';
import type { ThresholdOverride } from '../../shared/health/threshold-model';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import type { ThresholdState } from '../../shared/protocol/admin-protocol';
import { HEARTBEAT_EVERY_MS, type Update } from '../../shared/protocol/protocol';
import { FakeTime } from '../../tests/support/fake-time';
import { AlertManager } from '../alerts/alert-manager';
import { demoConfig } from '../config/demo-config';
import { ThresholdService } from '../health/threshold-service';
import { silentLogger } from '../runtime/logger';
import { MetricsRegistry } from '../runtime/prometheus';
import { QueueBoard } from './queue-board';
import { QueueRuntime } from './queue-runtime';

const START = Date.UTC(2026, 10, 17, 12, 0, 30);

/** What the screens were sent, in order. */
type Sent = { kind: 'update'; update: Update } | { kind: 'heartbeat'; serverTime: number } | { kind: 'thresholds'; state: ThresholdState };

function setup(options: { staleAfterMs?: Record<string, number>; values?: (queueId: string, now: number) => Partial<MetricValues>; updateIntervalMs?: number } = {}) {
  const config = demoConfig();
  const time = new FakeTime(START);
  const board = new QueueBoard(config.offices, config.queues);
  const recorded: Array<{ queueId: string; at: number; backlog: number | null }> = [];
  const sent: Sent[] = [];
  let nextAlert = 1;
  const alerts = new AlertManager({ persistence: null, newId: () => `alert-${nextAlert++}` });
  // By default backlog grows by one per second of clock time, so each evaluation has something new.
  const values = options.values ?? ((_queueId: string, now: number) => ({ backlog: Math.floor((now - START) / 1000) }));
  const runtime = new QueueRuntime({
    board,
    engine: { metricsFor: (queueId, now) => ({ ...EMPTY_METRICS, ...values(queueId, now) }) },
    health: config.health,
    thresholds: new ThresholdService(config.offices, config.health),
    alerts,
    staleAfterMs: new Map(Object.entries(options.staleAfterMs ?? {})),
    history: {
      recordMinute: (at, entries) => entries.forEach(({ queueId, metrics }) => recorded.push({ queueId, at, backlog: metrics.backlog })),
    },
    clock: time,
    scheduler: time,
    evaluateIntervalMs: 1000,
    updateIntervalMs: options.updateIntervalMs ?? 500,
    evaluationSeconds: new MetricsRegistry().histogram('e', 'e', [1]),
    logger: silentLogger,
  });
  runtime.connect({
    broadcast: (update) => sent.push({ kind: 'update', update }),
    heartbeat: (serverTime) => sent.push({ kind: 'heartbeat', serverTime }),
    broadcastThresholds: (state) => sent.push({ kind: 'thresholds', state }),
  });
  const stateOf = (queueId: string) => board.currentStates().find((s) => s.queueId === queueId)!;
  const updates = () => sent.flatMap((s) => (s.kind === 'update' ? [s.update] : []));
  return { config, time, board, recorded, sent, updates, alerts, runtime, stateOf };
}

const state = (revision: number): ThresholdState => ({ revision, overrides: [], profiles: [], pendingSeconds: 120, recoverySeconds: 120 });

describe('QueueRuntime', () => {
  it('recomputes every queue each interval and stamps each with when its source last reported', () => {
    const { time, board, runtime } = setup();
    runtime.touched('ams-x', START - 5000);
    runtime.start();
    time.advance(3000);
    const states = board.currentStates();
    expect(states.every((s) => s.metrics.backlog === 3)).toBe(true);
    expect(states.find((s) => s.queueId === 'ams-x')?.updatedAt).toBe(START - 5000);
    expect(states.find((s) => s.queueId === 'lis-chat-pt')?.updatedAt).toBeNull();
    runtime.touched('ams-x', START - 9000); // older news does not move the data time back
    time.advance(1000);
    expect(board.currentStates().find((s) => s.queueId === 'ams-x')?.updatedAt).toBe(START - 5000);
    expect(runtime.lastInputTime).toBe(START - 5000);
    runtime.stop();
    expect(time.pendingTimers).toBe(0);
  });

  it('clamps a report dated ahead of the gateway clock to now, so the queue still goes stale', () => {
    const { time, runtime, stateOf } = setup({ staleAfterMs: { 'ams-x': 10_000 }, values: () => ({ backlog: 5 }) });
    runtime.touched('ams-x', Date.UTC(2099, 0, 1));
    expect(runtime.lastInputTime).toBe(START);
    runtime.start();
    time.advance(15_000);
    expect(stateOf('ams-x').updatedAt).toBe(START);
    expect(stateOf('ams-x').health.stale).toMatchObject({ reason: 'no-recent-data' });
    runtime.stop();
  });

  it('holds the pending period on the monotonic clock: a wall clock stepped an hour ahead neither hurries it nor makes the queue stale', () => {
    let backlog = 0;
    const { time, runtime, stateOf } = setup({ staleAfterMs: { 'ams-x': 600_000 }, values: () => ({ backlog }) });
    runtime.touched('ams-x', START);
    runtime.start();
    backlog = 100_000;
    time.advance(1000);
    time.stepWall(3_600_000);
    time.advance(60_000);
    expect(stateOf('ams-x').health).toMatchObject({ status: 'ok', stale: null });
    time.advance(61_000);
    expect(stateOf('ams-x').health).toMatchObject({ status: 'critical', stale: null });
    expect(time.now() - stateOf('ams-x').updatedAt!).toBe(122_000);
    runtime.stop();
  });

  it('writes each queue once per minute to the history, stamped with the minute that ended', () => {
    const { config, time, recorded, runtime } = setup();
    runtime.start();
    time.advance(150_000); // from 12:00:30 to 12:03:00
    const minutes = [...new Set(recorded.map((r) => r.at))];
    expect(minutes).toEqual([Date.UTC(2026, 10, 17, 12, 0), Date.UTC(2026, 10, 17, 12, 1), Date.UTC(2026, 10, 17, 12, 2)]);
    expect(recorded.filter((r) => r.at === minutes[0])).toHaveLength(config.queues.length);
    // The value as the minute closed: evaluated at 12:01:00, 30 s after start.
    expect(recorded.find((r) => r.at === minutes[0])?.backlog).toBe(30);
    runtime.stop();
  });

  it('writes a replayed past into the history for its last hour, a minute once, with the values as of the replay', () => {
    const { config, recorded, runtime } = setup({ values: (_queueId, now) => ({ backlog: Math.floor((START - now) / 60_000) }) });
    // A source replaying the 24 h before START in one-minute steps (not aligned to minutes, as the demo's).
    for (let at = START - 24 * 3_600_000 + 60_000; at <= START; at += 60_000) runtime.replayedUntil(at);
    runtime.replayedUntil(START); // told twice: written once
    const minutes = [...new Set(recorded.map((r) => r.at))];
    expect(minutes).toHaveLength(60);
    expect(minutes[0]).toBe(Date.UTC(2026, 10, 17, 11, 0));
    expect(minutes.at(-1)).toBe(Date.UTC(2026, 10, 17, 11, 59));
    expect(recorded.filter((r) => r.at === minutes[0])).toHaveLength(config.queues.length);
    // 11:00 ended by the step to 11:01:30, 59 minutes before START: its values are as of then.
    expect(recorded.find((r) => r.at === minutes[0])?.backlog).toBe(59);
  });

  it('marks a queue stale once its data is older than its limit, and only queues that have one', () => {
    const { time, runtime, stateOf } = setup({ staleAfterMs: { 'lis-chat-pt': 10_000 }, values: () => ({ backlog: 5 }) });
    runtime.touched('lis-chat-pt', START);
    runtime.touched('ams-x', START);
    runtime.start();
    time.advance(10_000);
    expect(stateOf('lis-chat-pt').health.stale).toBeNull();
    time.advance(1000);
    expect(stateOf('lis-chat-pt').health.stale).toMatchObject({ reason: 'no-recent-data', message: 'No data for 11 s (stale after 10 s)' });
    expect(stateOf('ams-x').health.stale).toBeNull();
    runtime.touched('lis-chat-pt', time.now());
    time.advance(1000);
    expect(stateOf('lis-chat-pt').health.stale).toBeNull();
    runtime.stop();
  });

  it("shows a source's reason on its queues while it is down, and clears it when it is up again", () => {
    const { time, runtime, stateOf } = setup({ values: () => ({ backlog: 5 }) });
    runtime.start();
    runtime.sourceStatus('zendesk-eu', { state: 'down', queueIds: ['ams-x', 'ams-linkedin'], reason: 'Zendesk answered 503 three times in a row' });
    time.advance(1000);
    expect(stateOf('ams-x').health.stale).toMatchObject({ reason: 'source-down', message: 'Zendesk answered 503 three times in a row' });
    expect(stateOf('ams-linkedin').health.stale?.reason).toBe('source-down');
    expect(stateOf('lis-chat-pt').health.stale).toBeNull();
    runtime.sourceStatus('zendesk-eu', { state: 'up', queueIds: ['ams-x', 'ams-linkedin'] });
    time.advance(1000);
    expect(stateOf('ams-x').health.stale).toBeNull();
    runtime.stop();
  });

  it('shows a rate-limited source stale with its wait and data age, never live with old numbers', () => {
    const { time, runtime, stateOf } = setup({ values: () => ({ backlog: 5 }) });
    runtime.start();
    const reason = 'Zendesk asked us to wait 5 min (until 09:06 UTC); data from 09:00 UTC';
    runtime.sourceStatus('zendesk-eu', { state: 'rate-limited', queueIds: ['ams-x'], reason, retryAt: time.now() + 300_000 });
    time.advance(1000);
    // Its own reason, so the wall says the helpdesk asked to wait rather than that the source is down.
    expect(stateOf('ams-x').health).toMatchObject({ status: 'stale', stale: { reason: 'rate-limited', message: reason } });
    runtime.sourceStatus('zendesk-eu', { state: 'down', queueIds: ['ams-x'], reason: 'Zendesk answered 503 three times in a row' });
    time.advance(1000);
    expect(stateOf('ams-x').health.stale).toMatchObject({ reason: 'source-down' });
    runtime.sourceStatus('zendesk-eu', { state: 'up', queueIds: ['ams-x'] });
    time.advance(1000);
    expect(stateOf('ams-x').health.stale).toBeNull();
    runtime.stop();
  });

  it('sends a breach and the alert it opens in the same numbered update, after the pending period', () => {
    // Chat's backlog is critical from 150; the demo's health settings wait 120 s before believing a change.
    const breachAt = START + 10_000;
    const { time, runtime, updates, stateOf } = setup({ values: (queueId, now) => ({ backlog: queueId === 'lis-chat-pt' && now >= breachAt ? 200 : 5 }) });
    runtime.start();
    time.advance(10_000 + 119_000);
    expect(stateOf('lis-chat-pt').health.status).toBe('ok');
    expect(updates().some((u) => u.alerts)).toBe(false);
    time.advance(2000);
    const breach = updates().find((u) => u.changes.some((c) => c.queueId === 'lis-chat-pt' && c.health?.status === 'critical'));
    expect(breach?.alerts).toEqual([expect.objectContaining({ queueId: 'lis-chat-pt', metric: 'backlog', level: 'critical', value: 200, threshold: 150 })]);
    expect(updates().map((u) => u.seq)).toEqual(updates().map((_, i) => i + 1));
    runtime.stop();
  });

  it('judges every queue by new rules at once and sends the result before the new thresholds', () => {
    const { time, runtime, sent, stateOf } = setup({ values: () => ({ backlog: 50 }) });
    runtime.start();
    time.advance(500);
    expect(stateOf('lis-chat-pt').health.status).toBe('ok');
    sent.length = 0;
    const tighter: ThresholdOverride = { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog', profile: '', warning: 10, critical: 20, pendingSeconds: null, recoverySeconds: null };
    runtime.rulesChanged([tighter], state(7));
    // No time passed: the change is a decision, not noise, and goes out now rather than with the next beat.
    expect(stateOf('lis-chat-pt').health.status).toBe('critical');
    expect(sent.map((s) => s.kind)).toEqual(['update', 'thresholds']);
    expect(sent[0]).toMatchObject({ kind: 'update', update: { changes: [{ queueId: 'lis-chat-pt', health: { status: 'critical' } }] } });
    expect(sent[1]).toEqual({ kind: 'thresholds', state: state(7) });
    runtime.stop();
  });

  it('sends heartbeats while nothing changes, so a screen can tell a quiet board from a dead gateway', () => {
    const { time, runtime, sent } = setup({ values: () => ({ backlog: 5 }) });
    runtime.start();
    time.advance(500);
    sent.length = 0;
    time.advance(3 * HEARTBEAT_EVERY_MS);
    expect(sent).toEqual([1, 2, 3].map((n) => ({ kind: 'heartbeat', serverTime: START + 500 + n * HEARTBEAT_EVERY_MS })));
    runtime.stop();
  });

  it("sends each beat's changes as the beat ends, not with the update interval's next turn", () => {
    // Issue 16: the beat and the update interval were two timers; drifted apart, the changes of a beat that
    // ran just after an interval's turn waited for the next one, and a wall heard 1.5 s of silence at a 1 s beat.
    const { time, runtime, updates } = setup({ updateIntervalMs: 5000 });
    runtime.start();
    time.advance(3000);
    expect(updates().map((u) => u.serverTime)).toEqual([START + 1000, START + 2000, START + 3000]);
    runtime.stop();
  });

  it('refuses to start before it has screens to send to', () => {
    const config = demoConfig();
    const time = new FakeTime(START);
    const runtime = new QueueRuntime({
      board: new QueueBoard(config.offices, config.queues),
      engine: { metricsFor: () => EMPTY_METRICS },
      health: config.health,
      thresholds: new ThresholdService(config.offices, config.health),
      alerts: new AlertManager({ persistence: null, newId: () => 'a' }),
      staleAfterMs: new Map(),
      history: null,
      clock: time,
      scheduler: time,
      evaluateIntervalMs: 1000,
      updateIntervalMs: 500,
      evaluationSeconds: new MetricsRegistry().histogram('e', 'e', [1]),
      logger: silentLogger,
    });
    expect(() => runtime.start()).toThrow(/connect the screens/);
    expect(time.pendingTimers).toBe(0);
  });
});
