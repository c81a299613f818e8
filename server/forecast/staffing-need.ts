import type { InflowExpectation, InflowForecast } from './inflow-forecast';
import { erlangAAgentsFor } from './erlang-a';
import { MAX_STAFFED_AGENTS, type ServiceTarget } from './erlang-c';

const HOUR_MS = 3_600_000;
/** z for the 10th and 90th percentiles: the recent rate's range is as wide as the baseline's 80 % range. */
const Z_80 = 1.2816;

export type ArrivalsBasis = 'usual' | 'recent';

export interface ExpectedArrivals {
  readonly expectation: InflowExpectation;
  readonly basis: ArrivalsBasis;
}

/**
 * Arrivals between `from` and `to`: the baseline's when it has them (`usual`); otherwise the recent inflow rate
 * carried forward (`recent`), with a Poisson 10th–90th percentile range around it. Null with neither.
 */
export function expectedArrivals(
  forecast: InflowForecast | null,
  queueId: string,
  from: number,
  to: number,
  recentPerHour: number | null,
): ExpectedArrivals | null {
  const usual = forecast?.expectedArrivals(queueId, from, to) ?? null;
  if (usual) return { expectation: usual, basis: 'usual' };
  if (recentPerHour === null) return null;
  const expected = (recentPerHour * (to - from)) / HOUR_MS;
  const spread = Z_80 * Math.sqrt(expected);
  return { expectation: { expected, low: Math.max(0, expected - spread), high: expected + spread }, basis: 'recent' };
}

/** Erlang A: the fewest agents for the span's arrival rate to meet the target (P(wait ≤ t) ≥ share). */
export function erlangNeed(arrivals: number, spanMs: number, handleSeconds: number, patienceSeconds: number, target: ServiceTarget): number {
  const arrivalsPerHour = (arrivals * HOUR_MS) / spanMs;
  try {
    return erlangAAgentsFor({ arrivalsPerHour, handleSeconds, patienceSeconds }, target);
  } catch (error) {
    // A load past every staffing the metrics allow: the need is "all of them", not a failed loop.
    if (error instanceof RangeError && /no staffing up to/.test(error.message)) return MAX_STAFFED_AGENTS;
    throw error;
  }
}

/**
 * Workload: the open tickets plus what arrives in the span, each taking the handle time, spread over the
 * agent hours of the span (needed = ⌈work / span⌉).
 */
export function workloadNeed(backlog: number, arrivals: number, spanMs: number, handleSeconds: number): number {
  const workSeconds = (backlog + arrivals) * handleSeconds;
  // Less a hair, so exactly ten agent hours of work in an hour is ten agents and not eleven by rounding.
  return Math.min(MAX_STAFFED_AGENTS, Math.max(0, Math.ceil(workSeconds / (spanMs / 1000) - 1e-9)));
}
