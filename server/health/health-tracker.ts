import { forecastBreach, isAtRisk, type BreachForecast } from '../../shared/health/forecast';
import { stepFlag, stepLevel, type FlagState, type LevelState, type Timing } from '../../shared/health/hysteresis';
import { composeHealth, type QueueHealth, type StaleInfo } from '../../shared/health/queue-health';
import type { HealthSettings, ResolvedRules } from '../../shared/health/threshold-model';
import type { Level, ThresholdRule } from '../../shared/health/thresholds';
import { ageParts } from '../../shared/time/age';
import { METRIC_IDS, type MetricId, type MetricValues } from '../../shared/metrics';
import { TrendWindow } from './trend-window';

/** A source's own word on its queues: it cannot reach its helpdesk, or the helpdesk asked it to wait. */
export type SourceProblem = Omit<StaleInfo, 'lastStatus'> & { readonly reason: 'source-down' | 'rate-limited' };

export interface QueueObservation {
  readonly queueId: string;
  readonly values: MetricValues;
  readonly rules: ResolvedRules;
  /** When the queue's source last reported, on the same clock as `now`; null if never. */
  readonly updatedAt: number | null;
  /** Data older than this is stale; null when the queue has no expected rhythm. */
  readonly staleAfterMs: number | null;
  /** What the queue's source said is wrong with it (down, or asked to wait), or null while it is up. */
  readonly sourceProblem: SourceProblem | null;
  /** Only differences of it are used: the gateway passes its monotonic clock, which a wall-clock step never moves. */
  readonly now: number;
}

export interface MetricVerdict {
  readonly level: Level;
  readonly value: number;
  readonly rule: ThresholdRule;
}

export interface QueueVerdict {
  readonly health: QueueHealth;
  /** Debounced level per graded metric with a value: what alerts are opened and resolved from. */
  readonly metrics: Readonly<Partial<Record<MetricId, MetricVerdict>>>;
  /** The at-risk forecast in force (debounced), or null. */
  readonly atRisk: BreachForecast | null;
  readonly stale: boolean;
  /** The rules the verdict was made with: a metric without a value is not a metric without a rule. */
  readonly rules: ResolvedRules;
}

interface QueueMemory {
  levels: Map<MetricId, { state: LevelState; rule: ThresholdRule }>;
  atRisk: FlagState | null;
  lastForecast: BreachForecast | null;
  oldestWaiting: TrendWindow;
}

const TREND_SPAN_MS = 10 * 60_000;
const TREND_STEP_MS = 15_000;
const TREND_MIN_SPAN_MS = 2 * 60_000;
/** A forecast clears only once the projection is this much beyond the horizon, so it does not flicker. */
const AT_RISK_CLEAR_FACTOR = 1.2;

/**
 * Turns each queue's metrics into debounced health: per-metric levels with pending and recovery periods,
 * staleness, and an at-risk flag from the breach forecast. One instance holds every queue's memory;
 * nothing here reads a clock: time arrives with each observation.
 */
export class HealthTracker {
  private readonly memory = new Map<string, QueueMemory>();
  /** Timings are asked for per metric per queue each second; a rule's own is built once (rules are replaced, not changed). */
  private readonly timings = new WeakMap<ThresholdRule, Timing>();
  private readonly defaultTiming: Timing;

  constructor(private readonly settings: HealthSettings) {
    this.defaultTiming = this.buildTiming(null);
  }

  observe(o: QueueObservation): QueueVerdict {
    const memory = this.memoryFor(o.queueId);
    memory.oldestWaiting.add(o.now, o.values.oldestWaitingSeconds);
    const metrics: Partial<Record<MetricId, MetricVerdict>> = {};
    const levels: Partial<Record<MetricId, Level>> = {};
    for (const id of METRIC_IDS) {
      const resolved = o.rules[id];
      const value = o.values[id];
      if (!resolved || value === null) {
        memory.levels.delete(id);
        continue;
      }
      const previous = memory.levels.get(id);
      // A changed rule is a deliberate decision, not noise: take the new level at once.
      const carried = previous && sameRule(previous.rule, resolved.rule) ? previous.state : null;
      const state = stepLevel(carried, value, resolved.rule, this.timing(resolved.rule), o.now);
      // Updated in place: every queue's every metric passes here each second.
      if (previous) {
        previous.state = state;
        previous.rule = resolved.rule;
      } else memory.levels.set(id, { state, rule: resolved.rule });
      metrics[id] = { level: state.level, value, rule: resolved.rule };
      levels[id] = state.level;
    }

    const stale = this.staleness(o);
    const forecast = this.forecast(o, memory, levels);
    const health = composeHealth(levels, stale, forecast);
    return { health, metrics, atRisk: stale ? null : forecast, stale: stale !== null, rules: o.rules };
  }

  /** Forgets a queue's memory, e.g. when it leaves the configuration. */
  forget(queueId: string): void {
    this.memory.delete(queueId);
  }

  private forecast(o: QueueObservation, memory: QueueMemory, levels: Partial<Record<MetricId, Level>>): BreachForecast | null {
    const rules: Partial<Record<MetricId, ThresholdRule>> = {};
    for (const id of ['backlog', 'oldestWaitingSeconds'] as const) {
      const rule = o.rules[id]?.rule;
      if (rule && levels[id] !== 'critical') rules[id] = rule;
    }
    const forecast = forecastBreach({ values: o.values, oldestWaitingGrowth: memory.oldestWaiting.slopePerSecond(TREND_MIN_SPAN_MS), rules });
    const horizon = this.settings.atRiskHorizonMinutes;
    const raw = memory.atRisk?.on ? isAtRisk(forecast, horizon * AT_RISK_CLEAR_FACTOR) : isAtRisk(forecast, horizon);
    memory.atRisk = stepFlag(memory.atRisk, raw, this.timing(null), o.now);
    if (!memory.atRisk.on) {
      memory.lastForecast = null;
      return null;
    }
    // While flagged, show the latest projection; if it has just gone away, keep the last one until it clears.
    if (forecast) memory.lastForecast = forecast;
    return memory.lastForecast;
  }

  private staleness(o: QueueObservation): Omit<StaleInfo, 'lastStatus'> | null {
    if (o.sourceProblem !== null) return o.sourceProblem;
    if (o.staleAfterMs === null || o.updatedAt === null) return null;
    const age = o.now - o.updatedAt;
    if (age <= o.staleAfterMs) return null;
    return { reason: 'no-recent-data', message: `No data for ${describeAge(age)} (stale after ${describeAge(o.staleAfterMs)})` };
  }

  private timing(rule: ThresholdRule | null): Timing {
    if (rule === null || (rule.pendingSeconds === undefined && rule.recoverySeconds === undefined)) return this.defaultTiming;
    let timing = this.timings.get(rule);
    if (!timing) {
      timing = this.buildTiming(rule);
      this.timings.set(rule, timing);
    }
    return timing;
  }

  private buildTiming(rule: ThresholdRule | null): Timing {
    return {
      pendingMs: (rule?.pendingSeconds ?? this.settings.pendingSeconds) * 1000,
      recoveryMs: (rule?.recoverySeconds ?? this.settings.recoverySeconds) * 1000,
      recoveryMargin: this.settings.recoveryMargin,
    };
  }

  private memoryFor(queueId: string): QueueMemory {
    let memory = this.memory.get(queueId);
    if (!memory) {
      memory = { levels: new Map(), atRisk: null, lastForecast: null, oldestWaiting: new TrendWindow(TREND_SPAN_MS, TREND_STEP_MS) };
      this.memory.set(queueId, memory);
    }
    return memory;
  }
}

function sameRule(a: ThresholdRule, b: ThresholdRule): boolean {
  return a === b || (a.direction === b.direction && a.warning === b.warning && a.critical === b.critical && a.pendingSeconds === b.pendingSeconds && a.recoverySeconds === b.recoverySeconds);
}

/** "45 s", "4 min", "2 h 5 min": ages in stale messages. */
export function describeAge(ms: number): string {
  const [first, second] = ageParts(ms / 1000);
  if (first!.unit === 'hour') return `${first!.value} h ${second?.value ?? 0} min`;
  return `${first!.value} ${first!.unit === 'second' ? 's' : 'min'}`;
}
