/**
 * Erlang C (M/M/n): Poisson arrivals, exponential handle times, n agents, callers who never give up.
 * Computed through the Erlang B recurrence in log space, so hundreds of agents and loads of thousands of
 * erlangs neither overflow nor lose precision (the textbook a^n/n! form overflows past n ≈ 170).
 */

/** Arrivals and how long each takes: the offered load is arrivals × handle time, in erlangs. */
export interface OfferedLoad {
  readonly arrivalsPerHour: number;
  readonly handleSeconds: number;
}

/** A service-level target: `share` (0–1) of contacts answered within `seconds`, e.g. 80/20 is { share: 0.8, seconds: 20 }. */
export interface ServiceTarget {
  readonly share: number;
  readonly seconds: number;
}

/** The most agents any search goes to: metrics bound agentsOnline there too (shared/metrics.ts). */
export const MAX_STAFFED_AGENTS = 100_000;

/** Erlangs offered: the average number of agents kept busy. */
export function erlangs(load: OfferedLoad): number {
  checkLoad(load);
  return (load.arrivalsPerHour / 3600) * load.handleSeconds;
}

/**
 * log(1 / B(a, n)), from 1/B(a, 0) = 1 and 1/B(a, k) = 1 + (k / a) / B(a, k − 1), added in log space.
 * 1/B(a, n) is also the sum of (a^j / j!) / (a^n / n!) over j = 0…n, which Erlang A needs (erlang-a.ts).
 */
export function logInverseErlangB(a: number, agents: number): number {
  checkAgents(agents);
  if (a <= 0) return agents === 0 ? 0 : Infinity;
  let logInverse = 0;
  for (let k = 1; k <= agents; k++) logInverse = logAddExp(0, Math.log(k / a) + logInverse);
  return logInverse;
}

/** Erlang B: the share of arrivals that find all n agents busy when nobody may wait. */
export function erlangB(a: number, agents: number): number {
  return Math.exp(-logInverseErlangB(a, agents));
}

/** Erlang C: the probability that an arrival has to wait; 1 when the agents cannot keep up (n ≤ a). */
export function erlangCWaitProbability(load: OfferedLoad, agents: number): number {
  const a = erlangs(load);
  checkAgents(agents);
  if (a === 0) return 0;
  if (agents <= a) return 1;
  const b = erlangB(a, agents);
  return (agents * b) / (agents - a * (1 - b));
}

/** P(wait ≤ t) = 1 − C · e^(−(n − a) t / AHT); 0 when the queue grows without end. */
export function erlangCServiceLevel(load: OfferedLoad, agents: number, targetSeconds: number): number {
  checkSeconds(targetSeconds, 'targetSeconds');
  const a = erlangs(load);
  if (a === 0) return 1;
  if (agents <= a) return 0;
  const waits = erlangCWaitProbability(load, agents);
  return 1 - waits * Math.exp((-(agents - a) * targetSeconds) / load.handleSeconds);
}

/** The average speed of answer in seconds: C · AHT / (n − a); Infinity when the queue grows without end. */
export function erlangCAverageWaitSeconds(load: OfferedLoad, agents: number): number {
  const a = erlangs(load);
  if (a === 0) return 0;
  if (agents <= a) return Infinity;
  return (erlangCWaitProbability(load, agents) * load.handleSeconds) / (agents - a);
}

/** The fewest agents whose service level meets the target (0 when nothing arrives). */
export function erlangCAgentsFor(load: OfferedLoad, target: ServiceTarget): number {
  checkTarget(target);
  const a = erlangs(load);
  if (a === 0) return 0;
  return smallestAgents(Math.floor(a) + 1, (agents) => erlangCServiceLevel(load, agents, target.seconds) >= target.share);
}

/**
 * The smallest n ≥ from for which `meets(n)` holds, given that nothing below `from` does and that it stays true
 * once true (service level rises with agents). It tries `guess` first, then doubles or bisects, so a load of
 * thousands of erlangs takes a few dozen evaluations, mostly near the answer.
 */
export function smallestAgents(from: number, meets: (agents: number) => boolean, guess = from): number {
  let low = Math.max(1, from) - 1; // does not meet the target (or is below every candidate)
  let high = Math.min(MAX_STAFFED_AGENTS, Math.max(low + 1, guess));
  while (!meets(high)) {
    if (high >= MAX_STAFFED_AGENTS) throw new RangeError(`no staffing up to ${MAX_STAFFED_AGENTS} agents meets the target`);
    low = high;
    high = Math.min(MAX_STAFFED_AGENTS, high * 2);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return high;
}

export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const max = Math.max(x, y);
  return max + Math.log1p(Math.exp(-Math.abs(x - y)));
}

function checkLoad(load: OfferedLoad): void {
  if (!Number.isFinite(load.arrivalsPerHour) || load.arrivalsPerHour < 0) {
    throw new RangeError(`arrivalsPerHour must be a number 0 or more, got ${load.arrivalsPerHour}`);
  }
  if (!Number.isFinite(load.handleSeconds) || load.handleSeconds <= 0) {
    throw new RangeError(`handleSeconds must be a number more than 0, got ${load.handleSeconds}`);
  }
}

function checkAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 0 || agents > MAX_STAFFED_AGENTS) {
    throw new RangeError(`agents must be a whole number from 0 to ${MAX_STAFFED_AGENTS}, got ${agents}`);
  }
}

export function checkSeconds(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${field} must be a number of seconds 0 or more, got ${value}`);
}

export function checkTarget(target: ServiceTarget): void {
  if (!(target.share > 0 && target.share < 1)) throw new RangeError(`target share must be more than 0 and less than 1, got ${target.share}`);
  checkSeconds(target.seconds, 'target seconds');
}
