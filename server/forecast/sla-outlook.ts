import type { InflowExpectation } from './inflow-forecast';

const HOUR_MS = 3_600_000;

export interface SlaOutlookInput {
  readonly now: number;
  /** When the office's day ends. */
  readonly until: number;
  /** How far back the SLA window reaches when the day ends: its rolling span, or the whole day for `today`. */
  readonly lookbackMs: number;
  /** SLA attainment now, in percent; null with no replies in the window. */
  readonly currentAttainment: number | null;
  /** Arrivals expected from now until the day ends. */
  readonly arrivals: InflowExpectation;
  /** The queue's recent inflow and outflow, per hour: the outflow is the pace replies are assumed to keep. */
  readonly inflowPerHour: number | null;
  readonly outflowPerHour: number | null;
  readonly oldestWaitingSeconds: number | null;
  readonly targetSeconds: number;
  /** Agents online × 3600 / handle time, when both are known: a quiet queue's outflow is below what it could do. */
  readonly capacityPerHour: number | null;
  /**
   * For chat and phone with agents known: the steady service level (0–1) of the agents online at an arrival rate
   * per hour (Erlang A), used instead of the fluid queue for arrivals: their queue settles within minutes.
   */
  readonly steadyServiceLevel: ((arrivalsPerHour: number) => number) | null;
}

export interface SlaProjection {
  readonly expected: number;
  readonly low: number;
  readonly high: number;
}

/**
 * SLA attainment projected for the end of the office's day, with a range: the fewest arrivals (the range's low
 * end) give the best attainment, the most the worst. Replies already in the window when the day ends keep
 * today's attainment; for the rest, either the steady Erlang A service level of the agents online (chat and
 * phone), or a fluid model: the queue waiting now (what arrived while the oldest waited) grows or shrinks by
 * arrivals minus the pace of replies (the recent outflow, or the agents' capacity when larger); a contact
 * arriving when the queue is Q waits Q / pace, within target or not. Null with no outflow to project from.
 */
export function projectSlaAttainment(input: SlaOutlookInput): SlaProjection | null {
  if (input.outflowPerHour === null || input.until <= input.now) return null;
  const at = (arrivals: number) => attainmentWith(input, arrivals);
  const expected = at(input.arrivals.expected);
  if (expected === null) return null;
  const best = at(input.arrivals.low) ?? expected;
  const worst = at(input.arrivals.high) ?? expected;
  return { expected: round1(expected), low: round1(Math.min(worst, expected)), high: round1(Math.max(best, expected)) };
}

function attainmentWith(input: SlaOutlookInput, arrivals: number): number | null {
  const remaining = (input.until - input.now) / HOUR_MS;
  const lookback = input.lookbackMs / HOUR_MS;
  const capacity = Math.max(input.outflowPerHour!, input.capacityPerHour ?? 0);
  const rate = arrivals / remaining;
  // Arrivals whose replies fall in the window when the day ends: from (end − lookback) on, or from now.
  const from = Math.max(0, remaining - lookback);
  const futureCount = rate * (remaining - from);
  const pastCount = input.currentAttainment === null ? 0 : input.outflowPerHour! * Math.max(0, lookback - remaining);
  if (futureCount + pastCount <= 0) return input.currentAttainment;
  const waiting = ((input.inflowPerHour ?? 0) * (input.oldestWaitingSeconds ?? 0)) / 3600;
  const within =
    input.steadyServiceLevel !== null
      ? input.steadyServiceLevel(rate)
      : withinTargetShare(waiting, rate, capacity, input.targetSeconds / 3600, from, remaining);
  return ((input.currentAttainment ?? 0) * pastCount + 100 * within * futureCount) / (futureCount + pastCount);
}

/**
 * The share of the time in [from, to] (hours from now) when a new arrival would be answered within `target`
 * hours: the queue is Q(s) = waiting + (rate − capacity)·s, and an arrival at s waits Q(s) / capacity.
 */
export function withinTargetShare(waiting: number, rate: number, capacity: number, target: number, from: number, to: number): number {
  if (to <= from) return 0;
  if (capacity <= 0) return 0;
  const limit = capacity * target; // the longest queue still answered in time
  const drift = rate - capacity;
  if (drift === 0) return waiting <= limit ? 1 : 0;
  const crossing = (limit - waiting) / drift; // when Q(s) = limit
  const clamp = (s: number) => Math.min(to, Math.max(from, s));
  // Growing: in time until the crossing; shrinking: in time from it on.
  const inTime = drift > 0 ? clamp(crossing) - from : to - clamp(crossing);
  return inTime / (to - from);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
