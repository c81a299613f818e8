import type { QueueHealth } from '../../shared/health/queue-health';
import { EMPTY_METRICS, METRIC_IDS, type MetricValues } from '../../shared/metrics';
import type { Office, Queue } from '../../shared/model';
import type { QueueState, QueueStatePatch } from '../../shared/protocol/protocol';
import type { StaffingOutlook } from '../../shared/protocol/staffing-outlook';
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
    if (current.usual !== undefined) next.usual = current.usual;
    this.states.set(queueId, next);

    const patch = this.pending.get(queueId) ?? { queueId };
    if (metricsChanged) patch.metrics = { ...patch.metrics, ...changedMetrics };
    if (healthChanged) patch.health = nextHealth;
    if (staffingChanged) patch.staffing = staffing;
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

/** Field by field, allocating nothing: every queue's usual is set every beat and changes a few times an hour. */
function sameUsual(a: UsualInflow | null, b: UsualInflow | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    a.learnedDays === b.learnedDays &&
    a.weekday === b.weekday &&
    a.minuteOfDay === b.minuteOfDay &&
    sameRange(a.perHour, b.perHour) &&
    a.perHour?.expected === b.perHour?.expected &&
    sameRange(a.backlog, b.backlog)
  );
}

function sameRange(a: { low: number; high: number } | null, b: { low: number; high: number } | null): boolean {
  return a === b || (a !== null && b !== null && a.low === b.low && a.high === b.high);
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
