import type { QueueHealth } from '../../shared/health/queue-health';
import { EMPTY_METRICS, METRIC_IDS, type MetricValues } from '../../shared/metrics';
import type { Office, Queue } from '../../shared/model';
import type { QueueState, QueueStatePatch } from '../../shared/protocol/protocol';
import type { StaffingOutlook } from '../../shared/protocol/staffing-outlook';

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

  /**
   * Sets a queue's metrics and health as judged now; `updatedAt` is when its source last reported. `staffing`
   * is left as it is when not given (it is recomputed less often than the rest).
   */
  set(queueId: string, values: MetricValues, updatedAt: number | null, health: QueueHealth, staffing?: StaffingOutlook | null): void {
    const queue = this.queuesById.get(queueId);
    let current = this.states.get(queueId);
    if (!queue || !current) throw new Error(`Unknown queue "${queueId}"`);

    // Every queue passes here each second, most with nothing new: nothing is allocated until something differs.
    let changedMetrics: Partial<MetricValues> | null = null;
    for (const id of METRIC_IDS) {
      if (values[id] !== current.metrics[id]) (changedMetrics ??= {})[id] = values[id];
    }
    const metricsChanged = changedMetrics !== null;
    const healthChanged = !sameHealth(health, current.health);
    // The planner hands back the same object until it recomputes (once a minute): only then are the two
    // compared, by their JSON (small, and exact). Equal figures in a new object are kept as that object, so
    // the next beats compare by identity again.
    let staffingChanged = false;
    if (staffing !== undefined && staffing !== (current.staffing ?? null)) {
      staffingChanged = JSON.stringify(staffing) !== JSON.stringify(current.staffing ?? null);
      if (!staffingChanged) this.states.set(queueId, (current = { ...current, staffing }));
    }
    if (!metricsChanged && !healthChanged && !staffingChanged && updatedAt === current.updatedAt) return;

    const nextHealth = healthChanged ? health : current.health;
    const nextStaffing = staffingChanged ? staffing : current.staffing;
    const next: QueueState = { queueId, metrics: metricsChanged ? { ...values } : current.metrics, health: nextHealth, updatedAt };
    if (nextStaffing !== undefined) next.staffing = nextStaffing;
    this.states.set(queueId, next);

    const patch = this.pending.get(queueId) ?? { queueId };
    if (metricsChanged) patch.metrics = { ...patch.metrics, ...changedMetrics };
    if (healthChanged) patch.health = nextHealth;
    if (staffingChanged) patch.staffing = staffing;
    patch.updatedAt = updatedAt;
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

function sameHealth(a: QueueHealth, b: QueueHealth): boolean {
  if (a === b) return true;
  if (a.status !== b.status) return false;
  for (const id of METRIC_IDS) if (a.metrics[id] !== b.metrics[id]) return false;
  return (
    a.stale?.reason === b.stale?.reason &&
    a.stale?.message === b.stale?.message &&
    a.stale?.lastStatus === b.stale?.lastStatus &&
    a.atRisk?.metric === b.atRisk?.metric &&
    a.atRisk?.minutes === b.atRisk?.minutes
  );
}
