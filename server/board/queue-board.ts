import { evaluateQueueHealth, type QueueHealth } from '../../shared/health/queue-health';
import type { ThresholdSet } from '../../shared/health/thresholds';
import { EMPTY_METRICS, METRIC_IDS, type MetricValues } from '../../shared/metrics';
import type { Office, Queue } from '../../shared/model';
import type { QueueState, QueueStatePatch } from '../../shared/protocol/protocol';
import type { QueueReading } from '../sources/source';

export type ThresholdsFor = (queue: Queue) => ThresholdSet;

export type ReadingOutcome = { applied: true } | { applied: false; reason: 'unknown-queue' | 'out-of-order' };

/**
 * The gateway's truth about every queue: current metrics, health and when they were reported, plus the
 * changes not yet sent to screens. Patches carry absolute values, so applying one twice is harmless.
 */
export class QueueBoard {
  private readonly states = new Map<string, QueueState>();
  private readonly queuesById: ReadonlyMap<string, Queue>;
  private pending = new Map<string, QueueStatePatch>();

  constructor(
    readonly offices: readonly Office[],
    readonly queues: readonly Queue[],
    private readonly thresholdsFor: ThresholdsFor,
  ) {
    this.queuesById = new Map(queues.map((queue) => [queue.id, queue]));
    for (const queue of queues) {
      this.states.set(queue.id, {
        queueId: queue.id,
        metrics: { ...EMPTY_METRICS },
        health: evaluateQueueHealth(EMPTY_METRICS, thresholdsFor(queue)),
        updatedAt: null,
      });
    }
  }

  apply(reading: QueueReading): ReadingOutcome {
    const queue = this.queuesById.get(reading.queueId);
    const current = this.states.get(reading.queueId);
    if (!queue || !current) return { applied: false, reason: 'unknown-queue' };
    if (current.updatedAt !== null && reading.at < current.updatedAt) return { applied: false, reason: 'out-of-order' };

    const metrics: MetricValues = { ...current.metrics };
    const changedMetrics: Partial<MetricValues> = {};
    for (const id of METRIC_IDS) {
      const value = reading.metrics[id];
      if (value === undefined || value === metrics[id]) continue;
      metrics[id] = value;
      changedMetrics[id] = value;
    }
    const health = evaluateQueueHealth(metrics, this.thresholdsFor(queue));
    const healthChanged = !sameHealth(health, current.health);
    this.states.set(queue.id, { queueId: queue.id, metrics, health, updatedAt: reading.at });

    const patch = this.pending.get(queue.id) ?? { queueId: queue.id };
    if (Object.keys(changedMetrics).length > 0) patch.metrics = { ...patch.metrics, ...changedMetrics };
    if (healthChanged) patch.health = health;
    patch.updatedAt = reading.at;
    this.pending.set(queue.id, patch);
    return { applied: true };
  }

  /** Returns the changes since the last call and starts a new batch. */
  takeChanges(): QueueStatePatch[] {
    if (this.pending.size === 0) return [];
    const changes = [...this.pending.values()];
    this.pending = new Map();
    return changes;
  }

  currentStates(): QueueState[] {
    return this.queues.map((queue) => this.states.get(queue.id)!);
  }
}

function sameHealth(a: QueueHealth, b: QueueHealth): boolean {
  return a.status === b.status && METRIC_IDS.every((id) => a.metrics[id] === b.metrics[id]);
}
