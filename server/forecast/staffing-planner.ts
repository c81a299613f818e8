import type { ResolvedRules } from '../../shared/health/threshold-model';
import type { MetricValues } from '../../shared/metrics';
import type { StaffingOutlook } from '../../shared/protocol/staffing-outlook';
import { officeDayCutoff, type Cutoff } from '../metrics/window-cutoffs';
import { erlangAPerformance } from './erlang-a';
import type { InflowForecast } from './inflow-forecast';
import { projectSlaAttainment } from './sla-outlook';
import { DEFAULT_HANDLE_SECONDS, type StaffingSetup } from './staffing-config';
import { erlangNeed, expectedArrivals, workloadNeed } from './staffing-need';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The span a need covers for chat and phone, and the shortest for the rest. */
export const STAFFING_SPAN_MINUTES = 30;
/** The attainment a queue is held to when slaAttainment is ungraded for it: the industry's 80/20 share. */
export const FALLBACK_TARGET_PERCENT = 80;
/** Erlang A never reaches 100 %: a target at or above this is planned as this. */
const MAX_TARGET_SHARE = 0.99;

export interface StaffingAssessment {
  readonly staffingGap: number | null;
  readonly slaOutlook: number | null;
  readonly staffing: StaffingOutlook | null;
}

export interface StaffingPlannerOptions {
  readonly setups: ReadonlyMap<string, StaffingSetup>;
  /** The inflow baseline; null until it exists, and the recent inflow stands in (basis `recent`). */
  readonly forecast: InflowForecast | null;
  /** The latest reported handle time of a queue, if any (MetricEngine.handleTimeOf). */
  readonly handleTimeOf: (queueId: string) => number | null;
  /** How long an assessment stands: the loop beats every second, the need moves with the minute. */
  readonly refreshMs?: number;
}

const NOTHING: StaffingAssessment = { staffingGap: null, slaOutlook: null, staffing: null };

/**
 * The staffing gap and the SLA outlook of each queue, from its values, its rules in force and the forecast:
 * "need N agents in the next 30 minutes, have M", and the attainment the office's day will end on.
 * Each queue's assessment is kept for `refreshMs` (a minute) unless its rules change.
 */
export class StaffingPlanner {
  private readonly cache = new Map<string, { at: number; rules: ResolvedRules; result: StaffingAssessment }>();
  private readonly dayStarts = new Map<string, Cutoff>();
  private readonly refreshMs: number;

  constructor(private readonly options: StaffingPlannerOptions) {
    this.refreshMs = options.refreshMs ?? MINUTE_MS;
  }

  assess(queueId: string, values: MetricValues, rules: ResolvedRules, now: number): StaffingAssessment {
    const cached = this.cache.get(queueId);
    if (cached && cached.rules === rules && now >= cached.at && now - cached.at < this.refreshMs) return cached.result;
    const setup = this.options.setups.get(queueId);
    const result = setup ? this.compute(setup, values, rules, now) : NOTHING;
    this.cache.set(queueId, { at: now, rules, result });
    return result;
  }

  private compute(setup: StaffingSetup, values: MetricValues, rules: ResolvedRules, now: number): StaffingAssessment {
    const erlang = setup.patienceSeconds !== null;
    const spanMs = erlang ? STAFFING_SPAN_MINUTES * MINUTE_MS : Math.max(STAFFING_SPAN_MINUTES * MINUTE_MS, setup.targetSeconds * 1000);
    const span = expectedArrivals(this.options.forecast, setup.queueId, now, now + spanMs, values.inflowPerHour);
    if (span === null) return NOTHING;

    const reading = this.options.handleTimeOf(setup.queueId);
    const handleSeconds = reading ?? setup.handleSetting ?? DEFAULT_HANDLE_SECONDS[setup.channel];
    const handleFrom = reading !== null ? 'reading' : setup.handleSetting !== null ? 'setting' : 'default';
    const targetPercent = rules.slaAttainment?.rule.warning ?? FALLBACK_TARGET_PERCENT;
    const target = { share: Math.min(MAX_TARGET_SHARE, Math.max(0.01, targetPercent / 100)), seconds: setup.targetSeconds };

    const needed = erlang
      ? erlangNeed(span.expectation.expected, spanMs, handleSeconds, setup.patienceSeconds!, target)
      : workloadNeed(values.backlog ?? 0, span.expectation.expected, spanMs, handleSeconds);
    const online = values.agentsOnline;

    const sla = this.outlook(setup, values, now, handleSeconds, targetPercent);
    const staffing: StaffingOutlook = {
      method: erlang ? 'erlang-a' : 'workload',
      basis: span.basis,
      spanMinutes: Math.round(spanMs / MINUTE_MS),
      needed,
      online,
      handleSeconds,
      handleFrom,
      sla,
    };
    return { staffingGap: online === null ? null : Math.max(0, needed - online), slaOutlook: sla?.expected ?? null, staffing };
  }

  private outlook(setup: StaffingSetup, values: MetricValues, now: number, handleSeconds: number, targetPercent: number): StaffingOutlook['sla'] {
    const dayStart = this.dayStartOf(setup.timeZone);
    const start = dayStart(now);
    // The next midnight: 25 h on is inside the next day whether today has 23, 24 or 25 hours.
    const until = officeDayCutoff(setup.timeZone)(start + 25 * HOUR_MS);
    const arrivals = expectedArrivals(this.options.forecast, setup.queueId, now, until, values.inflowPerHour);
    if (arrivals === null) return null;
    const online = values.agentsOnline;
    const remainingMs = until - now;
    const projection = projectSlaAttainment({
      now,
      until,
      lookbackMs: setup.slaWindow === 'today' ? until - start : setup.slaWindow * MINUTE_MS,
      currentAttainment: values.slaAttainment,
      arrivals: arrivals.expectation,
      inflowPerHour: values.inflowPerHour,
      outflowPerHour: values.outflowPerHour,
      oldestWaitingSeconds: values.oldestWaitingSeconds,
      targetSeconds: setup.targetSeconds,
      capacityPerHour: online === null ? null : (online * 3600) / handleSeconds,
      steadyServiceLevel:
        setup.patienceSeconds === null || online === null || online < 1
          ? null
          : (ratePerHour) => erlangAPerformance({ arrivalsPerHour: ratePerHour, handleSeconds, patienceSeconds: setup.patienceSeconds! }, online, setup.targetSeconds).serviceLevel,
    });
    if (projection === null || remainingMs <= 0) return null;
    return { ...projection, target: targetPercent, until };
  }

  private dayStartOf(timeZone: string): Cutoff {
    let cutoff = this.dayStarts.get(timeZone);
    if (!cutoff) {
      cutoff = officeDayCutoff(timeZone);
      this.dayStarts.set(timeZone, cutoff);
    }
    return cutoff;
  }
}
