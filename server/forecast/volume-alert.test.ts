import { describe, expect, it } from 'vitest';
import { HealthSettingsSchema, ThresholdIndex } from '../../shared/health/threshold-model';
import { EMPTY_METRICS } from '../../shared/metrics';
import { AlertManager } from '../alerts/alert-manager';
import { HealthTracker } from '../health/health-tracker';
import { createRandom, poisson } from '../sources/demo/random';
import { QUARTER_MS, type QuarterRow } from '../store/quarter-history';
import { InflowAgainstUsual } from './inflow-against-usual';
import { InflowBaseline } from './inflow-baseline';

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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 10, 2); // Lisbon is on UTC in winter
const WEEKS = 8;

/** Usual arrivals a minute at `at` for a queue bringing `busy` a minute on weekdays 8–20, a tenth of it otherwise. */
function usualRate(at: number, busy: number): number {
  const hour = (at % DAY) / HOUR;
  const weekday = new Date(at).getUTCDay();
  return weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 20 ? busy : busy / 10;
}

/** Eight weeks of Poisson quarter hours on that curve, learnt as the gateway does at start. */
function learntBaseline(busy: number): InflowBaseline {
  const baseline = new InflowBaseline({ queues: [{ id: 'chat', officeId: 'lisbon' }], offices: [{ id: 'lisbon', timeZone: 'Europe/Lisbon' }] });
  const random = createRandom(99);
  const rows: QuarterRow[] = [];
  for (let slot = MONDAY; slot < MONDAY + WEEKS * 7 * DAY; slot += QUARTER_MS) rows.push({ queueId: 'chat', slot, inflow: poisson(random, usualRate(slot, busy) * 15), outflow: 0, backlog: null, agentsOnline: null });
  baseline.learn(rows);
  return baseline;
}
const busyBaseline = learntBaseline(3);

/**
 * A weekday after the eight weeks, a minute at a time from 06:00, with inflow doubled from 10:00: the minutes
 * until the volume alert opens (the gateway's ratio, tracker and alerts, built-in levels), or null within the hour.
 */
function minutesToAlert(baseline: InflowBaseline, busy: number, run: number): number | null {
  const day = MONDAY + (WEEKS * 7 + (run % 5)) * DAY;
  const spikeFrom = day + 10 * HOUR;
  const random = createRandom(run);
  const minutes = new Map<number, number>();
  const counts = { flowCounts: (_q: string, from: number, to: number) => {
    let inflow = 0;
    for (let at = from; at < to; at += MINUTE) inflow += minutes.get(at) ?? 0;
    return { inflow, outflow: 0 };
  } };
  const usual = new InflowAgainstUsual(baseline, counts, HOUR);
  const tracker = new HealthTracker(settings);
  const alerts = new AlertManager({ persistence: null, newId: () => `v${run}` });
  for (let at = day + 6 * HOUR; at < spikeFrom + HOUR; at += MINUTE) {
    minutes.set(at, poisson(random, usualRate(at, busy) * (at >= spikeFrom ? 2 : 1)));
    const now = at + MINUTE;
    const verdict = tracker.observe({ queueId: 'chat', values: { ...EMPTY_METRICS, inflowVsUsual: usual.ratio('chat', now) }, rules, updatedAt: now, staleAfterMs: null, sourceProblem: null, now });
    alerts.observe('chat', verdict, now);
    if (alerts.openAlerts().length > 0) return now < spikeFrom ? -1 : (now - spikeFrom) / MINUTE;
  }
  return null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
}

describe('a doubling of inflow on a busy queue', () => {
  it('opens the volume alert within 10 minutes (median of 20 doublings at 180 an hour), and not before it', () => {
    const found = Array.from({ length: 20 }, (_, run) => minutesToAlert(busyBaseline, 3, run + 1));
    // Each seen within the hour, none before it began (-1: a false alarm in the four hours before).
    expect(found.every((m) => m !== null && m >= 0)).toBe(true);
    // The fixed-span ratio before the CUSUM (the shortest span usually holding 50 arrivals: 20 minutes here) took 12.
    expect(median(found as number[])).toBeLessThanOrEqual(10);
  });
});
