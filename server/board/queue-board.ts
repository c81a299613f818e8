import type { QueueHealth } from '../../shared/health/queue-health';
import { EMPTY_METRICS, METRIC_IDS, type MetricValues } from '../../shared/metrics';
import type { Office, Queue } from '../../shared/model';
import type { QueueState, QueueStatePatch } from '../../shared/protocol/protocol';
import type { UsualInflow } from '../../shared/protocol/usual-inflow';

const NO_DATA: QueueHealth = { status: 'no-data', metrics: {}, stale: null, atRisk: null };

/**
 * The gateway's truth about every queue as screens see it: current metrics, health and when its data last
 * arrived, plus the changes not yet sent. Patches carry absolute values, so applying one twice is harmless.
 */
export class QueueBoard {
  private readonly states = new Map<string, QueueState>();
  private readonly queuesById: ReadonlyMap<string, Queue>;
  private pending = new Map<string, QueueStatePatch>();

  constructor(
    readonly offices: readonly Office[],
    readonly queues: readonly Queue[],
  ) {
    this.queuesById = new Map(queues.map((queue) => [queue.id, queue]));
    for (const queue of queues) {
      this.states.set(queue.id, {
        queueId: queue.id,
        metrics: { ...EMPTY_METRICS },
        health: NO_DATA,
        updatedAt: null,
      });
    }
  }

  has(queueId: string): boolean {
    return this.queuesById.has(queueId);
  }

  /** Sets a queue's metrics and health as judged now; `updatedAt` is when its source last reported. */
  set(queueId: string, values: MetricValues, updatedAt: number | null, health: QueueHealth): void {
    const queue = this.queuesById.get(queueId);
    const current = this.states.get(queueId);
    if (!queue || !current) throw new Error(`Unknown queue "${queueId}"`);

    const changedMetrics: Partial<MetricValues> = {};
    for (const id of METRIC_IDS) {
      if (values[id] !== current.metrics[id]) changedMetrics[id] = values[id];
    }
    const metricsChanged = Object.keys(changedMetrics).length > 0;
    const healthChanged = !sameHealth(health, current.health);
    if (!metricsChanged && !healthChanged && updatedAt === current.updatedAt) return;

    const nextHealth = healthChanged ? health : current.health;
    this.states.set(queueId, { ...current, metrics: { ...values }, health: nextHealth, updatedAt });

    const patch = this.pending.get(queueId) ?? { queueId };
    if (metricsChanged) patch.metrics = { ...patch.metrics, ...changedMetrics };
    if (healthChanged) patch.health = nextHealth;
    patch.updatedAt = updatedAt;
    this.pending.set(queueId, patch);
  }

  /** Sets what the queue's inflow usually is now (server/forecast/usual-inflow.ts); sent only when it changes. */
  setUsual(queueId: string, usual: UsualInflow | null): void {
    const current = this.states.get(queueId);
    if (!current) throw new Error(`Unknown queue "${queueId}"`);
    if (current.usual !== undefined && sameUsual(current.usual, usual)) return;
    this.states.set(queueId, { ...current, usual });
    const patch = this.pending.get(queueId) ?? { queueId };
    patch.usual = usual;
    this.pending.set(queueId, patch);
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

function sameUsual(a: UsualInflow | null, b: UsualInflow | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameHealth(a: QueueHealth, b: QueueHealth): boolean {
  return (
    a.status === b.status &&
    METRIC_IDS.every((id) => a.metrics[id] === b.metrics[id]) &&
    a.stale?.reason === b.stale?.reason &&
    a.stale?.message === b.stale?.message &&
    a.stale?.lastStatus === b.stale?.lastStatus &&
    a.atRisk?.metric === b.atRisk?.metric &&
    a.atRisk?.minutes === b.atRisk?.minutes
  );
}
