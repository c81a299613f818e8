import { evaluateQueueHealth } from '../../../shared/health/queue-health';
import { activeProfile, localClock, ThresholdIndex, type HealthProfile, type ThresholdOverride } from '../../../shared/health/threshold-model';
import { evaluateRule, type Level, type QueueStatus, type ThresholdSet } from '../../../shared/health/thresholds';
import { METRIC_IDS, METRICS, type MetricId } from '../../../shared/metrics';
import type { Office, Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';

export interface MetricChange {
  metric: MetricId;
  value: number;
  before: Level;
  after: Level;
}

export interface QueuePreview {
  queue: Queue;
  before: QueueStatus;
  after: QueueStatus;
  /** Graded metrics whose level the edits change. */
  changes: MetricChange[];
}

/** The profile each office is in at `now`, in its own time zone (null: none). */
export function activeProfiles(offices: readonly Office[], profiles: readonly HealthProfile[], now: number): Record<string, string | null> {
  return Object.fromEntries(
    offices.map((office) => {
      if (profiles.length === 0) return [office.id, null];
      const { day, minuteOfDay } = localClock(office.timeZone)(now);
      return [office.id, activeProfile(profiles, office.id, day, minuteOfDay)?.id ?? null];
    }),
  );
}

/**
 * The state each queue would be in right now: its current metrics judged by the saved rules and by the
 * edited ones, with the same function the gateway uses (without pending periods, which need time).
 */
export function previewQueues(
  queues: readonly Queue[],
  states: Readonly<Record<string, QueueState>>,
  current: readonly ThresholdOverride[],
  edited: readonly ThresholdOverride[],
  profileOf: Readonly<Record<string, string | null>>,
): QueuePreview[] {
  const before = new ThresholdIndex(current);
  const after = new ThresholdIndex(edited);
  const result: QueuePreview[] = [];
  for (const queue of queues) {
    const state = states[queue.id];
    if (!state) continue;
    const profile = profileOf[queue.officeId] ?? null;
    const was = evaluateQueueHealth(state.metrics, rules(before, queue, profile));
    const will = evaluateQueueHealth(state.metrics, rules(after, queue, profile));
    const changes: MetricChange[] = [];
    for (const metric of METRIC_IDS) {
      const value = state.metrics[metric];
      const a = was.metrics[metric] ?? 'ok';
      const b = will.metrics[metric] ?? 'ok';
      if (value !== null && a !== b) changes.push({ metric, value, before: a, after: b });
    }
    result.push({ queue, before: was.status, after: will.status, changes });
  }
  return result;
}

function rules(index: ThresholdIndex, queue: Queue, profile: string | null): ThresholdSet {
  return Object.fromEntries(Object.entries(index.resolve(queue, profile)).map(([metric, resolved]) => [metric, resolved.rule]));
}

/** The level a metric's current value reaches under a row's levels, for the table's "now" column. */
export function levelNow(value: number | null, metric: MetricId, levels: { warning: number; critical: number } | null): Level | null {
  if (value === null || !levels) return null;
  return evaluateRule(value, { direction: METRICS[metric].direction, ...levels });
}
