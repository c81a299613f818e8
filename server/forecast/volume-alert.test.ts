import { describe, expect, it } from 'vitest';
import { HealthSettingsSchema, ThresholdIndex } from '../../shared/health/threshold-model';
import { EMPTY_METRICS } from '../../shared/metrics';
import { AlertManager } from '../alerts/alert-manager';
import { HealthTracker } from '../health/health-tracker';

const rules = new ThresholdIndex([]).resolve({ id: 'chat', officeId: 'lisbon', channel: 'chat' }, null);
const settings = HealthSettingsSchema.parse({});

/** Feeds `ratio` every second for `seconds` and returns the alerts that changed. */
function run(tracker: HealthTracker, alerts: AlertManager, from: number, seconds: number, ratio: number | null) {
  for (let s = 0; s < seconds; s++) {
    const now = from + s * 1000;
    const verdict = tracker.observe({ queueId: 'chat', values: { ...EMPTY_METRICS, inflowVsUsual: ratio }, rules, updatedAt: now, staleAfterMs: null, sourceProblem: null, now });
    alerts.observe('chat', verdict, now);
  }
  return alerts.takeChanges();
}

describe('the volume alert', () => {
  it('opens for inflow above the usual once the pending period has passed, and resolves by the recovery rules', () => {
    const tracker = new HealthTracker(settings);
    let n = 0;
    const alerts = new AlertManager({ persistence: null, newId: () => `v${++n}` });
    expect(rules.inflowVsUsual?.rule).toMatchObject({ direction: 'higher-is-worse', warning: 1.5, critical: 2.5, pendingSeconds: 60 });
    expect(run(tracker, alerts, 0, 10, 1)).toEqual([]);
    expect(run(tracker, alerts, 10_000, 60, 2)).toEqual([]);
    const [opened] = run(tracker, alerts, 70_000, 1, 2);
    expect(opened).toMatchObject({ kind: 'volume', metric: 'inflowVsUsual', level: 'warning', value: 2, threshold: 1.5, resolvedAt: null });
    // Back to usual: the level holds for the recovery period before the alert resolves.
    expect(run(tracker, alerts, 71_000, settings.recoverySeconds, 1)).toEqual([]);
    const [resolved] = run(tracker, alerts, 71_000 + settings.recoverySeconds * 1000, 1, 1);
    expect(resolved).toMatchObject({ id: opened!.id, kind: 'volume', resolution: 'recovered' });
  });

  it('takes a spike under way at start at once, escalates to critical as a new volume alert, and a ratio that cannot be judged (too quiet) leaves it as it is', () => {
    const tracker = new HealthTracker(settings);
    let n = 0;
    const alerts = new AlertManager({ persistence: null, newId: () => `v${++n}` });
    run(tracker, alerts, 0, 61, 1.8);
    const changes = run(tracker, alerts, 61_000, 62, 3);
    expect(changes.map((a) => [a.kind, a.level, a.resolution])).toEqual([
      ['volume', 'warning', 'escalated'],
      ['volume', 'critical', null],
    ]);
    expect(run(tracker, alerts, 200_000, 600, null)).toEqual([]);
    expect(alerts.openAlerts().map((a) => [a.kind, a.level])).toEqual([['volume', 'critical']]);
  });
});
