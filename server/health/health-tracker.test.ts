import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_SETTINGS, ThresholdIndex, ThresholdOverrideSchema, type ResolvedRules } from '../../shared/health/threshold-model';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { describeAge, HealthTracker, type QueueObservation } from './health-tracker';
import { TrendWindow } from './trend-window';

const chat = { id: 'chat', officeId: 'lisbon', channel: 'chat' } as const;
// Chat defaults: backlog warning 90, critical 150; oldest waiting warning 5 min, critical 10 min.
const rules: ResolvedRules = new ThresholdIndex([]).resolve(chat, null);
const T0 = Date.UTC(2026, 10, 24, 10);
const values = (partial: Partial<MetricValues>): MetricValues => ({ ...EMPTY_METRICS, ...partial });

/** Observes one queue once per second from T0; `at(i)` gives the i-th second's observation. */
function feed(tracker: HealthTracker, seconds: number, at: (i: number) => Partial<QueueObservation>) {
  const verdicts = [];
  for (let i = 0; i < seconds; i++) {
    const now = T0 + i * 1000;
    verdicts.push(tracker.observe({ queueId: 'chat', values: values({ backlog: 10 }), rules, updatedAt: now, staleAfterMs: 3000, sourceProblem: null, now, ...at(i) }));
  }
  return verdicts;
}

describe('HealthTracker', () => {
  it('debounces each metric: a backlog spike shorter than the pending period never turns the queue amber', () => {
    const tracker = new HealthTracker(DEFAULT_HEALTH_SETTINGS);
    const verdicts = feed(tracker, 200, (i) => ({ values: values({ backlog: i >= 10 && i < 100 ? 120 : 10 }) }));
    expect(verdicts.every((v) => v.health.status === 'ok')).toBe(true);
    const held = feed(new HealthTracker(DEFAULT_HEALTH_SETTINGS), 200, (i) => ({ values: values({ backlog: i >= 10 ? 120 : 10 }) }));
    expect(held[129]!.health.status).toBe('ok');
    expect(held[130]!.health).toMatchObject({ status: 'warning', metrics: { backlog: 'warning' } });
    expect(held[130]!.metrics.backlog).toMatchObject({ level: 'warning', value: 120, rule: { warning: 90 } });
  });

  it('is stale, never green, when the data is older than its limit, and says how old', () => {
    const verdicts = feed(new HealthTracker(DEFAULT_HEALTH_SETTINGS), 10, () => ({ updatedAt: T0 }));
    expect(verdicts[3]!.health.status).toBe('ok');
    expect(verdicts[4]!.health).toEqual({
      status: 'stale',
      metrics: { backlog: 'ok' },
      stale: { reason: 'no-recent-data', message: 'No data for 4 s (stale after 3 s)', lastStatus: 'ok' },
      atRisk: null,
    });
    expect(verdicts[4]!.stale).toBe(true);
  });

  it('is stale with the source’s reason while its source is down, even with recent data', () => {
    const [verdict] = feed(new HealthTracker(DEFAULT_HEALTH_SETTINGS), 1, () => ({ sourceProblem: { reason: 'source-down', message: 'Zendesk answered 503 three times in a row' } }));
    expect(verdict!.health.stale).toEqual({ reason: 'source-down', message: 'Zendesk answered 503 three times in a row', lastStatus: 'ok' });
  });

  it('is no-data, not stale and not green, before anything arrived', () => {
    const [verdict] = feed(new HealthTracker(DEFAULT_HEALTH_SETTINGS), 1, () => ({ values: EMPTY_METRICS, updatedAt: null }));
    expect(verdict!.health.status).toBe('no-data');
  });

  it('flags a growing backlog at risk with minutes to breach, after the pending period, and clears it after recovery', () => {
    const settings = { ...DEFAULT_HEALTH_SETTINGS, pendingSeconds: 60, recoverySeconds: 60 };
    // Backlog 100 and 100 more tickets an hour than are solved: critical (150) in 30 minutes.
    const growing = values({ backlog: 100, inflowPerHour: 300, outflowPerHour: 200 });
    const draining = values({ backlog: 100, inflowPerHour: 200, outflowPerHour: 300 });
    const verdicts = feed(new HealthTracker(settings), 300, (i) => ({ values: i === 0 || i >= 150 ? draining : growing }));
    expect(verdicts[60]!.atRisk).toBeNull();
    expect(verdicts[61]!.atRisk).toEqual({ metric: 'backlog', minutes: 30 });
    expect(verdicts[61]!.health.atRisk).toEqual({ metric: 'backlog', minutes: 30 });
    expect(verdicts[209]!.atRisk).not.toBeNull();
    expect(verdicts[210]!.atRisk).toBeNull();
  });

  it('projects the oldest waiting ticket from how fast its age grows', () => {
    const settings = { ...DEFAULT_HEALTH_SETTINGS, pendingSeconds: 1, recoverySeconds: 1 };
    // Nobody answers the oldest ticket: it ages one second per second from 2 min; critical at 10 min is 8 min away.
    const verdicts = feed(new HealthTracker(settings), 200, (i) => ({ values: values({ backlog: 10, oldestWaitingSeconds: 120 + i }) }));
    expect(verdicts.at(-1)!.atRisk).toEqual({ metric: 'oldestWaitingSeconds', minutes: 5 });
  });

  it('takes a changed rule at once: a manager’s decision is not noise', () => {
    const tracker = new HealthTracker(DEFAULT_HEALTH_SETTINGS);
    feed(tracker, 5, () => ({ values: values({ backlog: 120 }) }));
    const strict = new ThresholdIndex([ThresholdOverrideSchema.parse({ scope: 'queue', scopeId: 'chat', metric: 'backlog', warning: 50, critical: 100 })]).resolve(chat, null);
    const now = T0 + 5000;
    const verdict = tracker.observe({ queueId: 'chat', values: values({ backlog: 120 }), rules: strict, updatedAt: now, staleAfterMs: 3000, sourceProblem: null, now });
    expect(verdict.health.status).toBe('critical');
  });
});

describe('TrendWindow', () => {
  it('reads the growth rate over its span, thinned and bounded', () => {
    const trend = new TrendWindow(600_000, 15_000);
    for (let s = 0; s < 3600; s++) trend.add(s * 1000, 2 * s + 7);
    expect(trend.slopePerSecond(120_000)).toBeCloseTo(2, 6);
    expect((trend as unknown as { at: number[] }).at.length).toBeLessThanOrEqual(41);
  });

  it('knows nothing until it has enough span, and starts again after a gap in the data', () => {
    const trend = new TrendWindow(600_000, 15_000);
    trend.add(0, 1);
    trend.add(60_000, 2);
    expect(trend.slopePerSecond(120_000)).toBeNull();
    trend.add(180_000, 3);
    expect(trend.slopePerSecond(120_000)).not.toBeNull();
    trend.add(195_000, null);
    expect(trend.slopePerSecond(0)).toBeNull();
  });
});

describe('describeAge', () => {
  it('reads like a person would say it', () => {
    expect([4_000, 89_000, 240_000, 7_500_000].map(describeAge)).toEqual(['4 s', '89 s', '4 min', '2 h 5 min']);
  });
});
