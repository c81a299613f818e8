import { checkSeconds, checkTarget, erlangs, logAddExp, logInverseErlangB, smallestAgents, type OfferedLoad, type ServiceTarget } from './erlang-c';

/**
 * Erlang A (Palm's M/M/n+M): Erlang C's queue where each waiting contact gives up after an exponential
 * patience with mean `patienceSeconds`. Because people leave, the queue is stable at any load, and it
 * needs fewer agents than Erlang C for the same target (Garnett, Mandelbaum & Reiman 2002).
 *
 * With λ arrivals, μ = 1/AHT, θ = 1/patience, the number in the system is a birth–death process; relative
 * to state n its stationary weights are 1/B(a, n) in total for the states 0…n (Erlang B, erlang-c.ts) and
 * ∏ᵢ₌₁..ₖ λ/(nμ + iθ) for n + k (Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call
 * centers", 2005, §3). All of it is summed in log space.
 *
 * The waiting time W is min(V, τ): V, the offered wait, until an agent would take the contact, and τ its
 * patience. A contact that finds k waiting ahead is reached after k + 1 steps at rates θ(x + k), …, θx with
 * x = nμ/θ: the (k+1)-th death in a population of x + k lives of rate θ, so P(V ≤ t | k) = I_p(k+1, x),
 * the regularized incomplete beta at p = 1 − e^(−θt). Its terms follow a recurrence, added in log space.
 * The service level is P(W ≤ t) = 1 − e^(−θt) P(V > t): a contact that hung up within t waited at most t,
 * as 4CallCenters and the Erlang A literature count it.
 */
export interface ImpatientLoad extends OfferedLoad {
  readonly patienceSeconds: number;
}

export interface ErlangAPerformance {
  /** P(W > 0): the share that find every agent busy. */
  readonly waitProbability: number;
  /** P(Ab): the share that give up before an agent takes them. */
  readonly abandonShare: number;
  /** E[W] in seconds, over every arrival (served or not). */
  readonly averageWaitSeconds: number;
  /** P(W ≤ targetSeconds). */
  readonly serviceLevel: number;
}

/** Terms smaller than the largest by this factor (e^−40 ≈ 4·10⁻¹⁸) no longer change a double. */
const NEGLIGIBLE_LOG = -40;
const MAX_QUEUE_TERMS = 1_000_000;

export function erlangAPerformance(load: ImpatientLoad, agents: number, targetSeconds: number): ErlangAPerformance {
  checkSeconds(targetSeconds, 'targetSeconds');
  if (!Number.isFinite(load.patienceSeconds) || load.patienceSeconds <= 0) {
    throw new RangeError(`patienceSeconds must be a number more than 0, got ${load.patienceSeconds}`);
  }
  const a = erlangs(load);
  if (a === 0) return { waitProbability: 0, abandonShare: 0, averageWaitSeconds: 0, serviceLevel: 1 };
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`agents must be a whole number 1 or more, got ${agents}`);

  const lambda = load.arrivalsPerHour / 3600;
  const theta = 1 / load.patienceSeconds;
  const x = agents / load.handleSeconds / theta; // nμ/θ
  const y = lambda / theta;
  const p = -Math.expm1(-theta * targetSeconds);
  const logP = Math.log(p);

  // Weights of the states n + k (k ≥ 0) relative to state n, and what each contributes.
  const logBelow = logInverseErlangB(a, agents); // states 0…n, n included
  let logAbove = -Infinity; // states n+1, n+2, …
  let logQueued = -Infinity; // Σ k · w_k, for E[Q]
  let logOffered = (-agents * targetSeconds) / load.handleSeconds; // log P(V > t | 0) = −nμt
  let logLate = logOffered; // Σ w_k · P(V > t | k), w_0 = 1
  let logTerm = logP + Math.log(x) + logOffered; // log T_0 = log(P(V>t|1) − P(V>t|0))
  let logWeight = 0;
  let largest = 0;
  for (let k = 1; k <= MAX_QUEUE_TERMS; k++) {
    logWeight += Math.log(y / (x + k));
    logOffered = logAddExp(logOffered, logTerm);
    logTerm += logP + Math.log(k + x) - Math.log(k + 1);
    logAbove = logAddExp(logAbove, logWeight);
    logQueued = logAddExp(logQueued, logWeight + Math.log(k));
    logLate = logAddExp(logLate, logWeight + Math.min(0, logOffered));
    largest = Math.max(largest, logWeight);
    // Past the mode (x + k > y) the weights only fall; stop once they are negligible.
    if (x + k > y && logWeight - largest < NEGLIGIBLE_LOG) break;
  }
  const logTotal = logAddExp(logBelow, logAbove);
  const waitProbability = Math.exp(logAddExp(0, logAbove) - logTotal);
  const queued = Math.exp(logQueued - logTotal); // E[Q]
  const late = Math.exp(-theta * targetSeconds + logLate - logTotal); // P(W > t)
  return {
    waitProbability,
    abandonShare: Math.min(1, (theta * queued) / lambda),
    averageWaitSeconds: queued / lambda,
    serviceLevel: Math.min(1, Math.max(0, 1 - late)),
  };
}

/** The fewest agents whose service level P(W ≤ t) meets the target (0 when nothing arrives). */
export function erlangAAgentsFor(load: ImpatientLoad, target: ServiceTarget): number {
  checkTarget(target);
  if (erlangs(load) === 0) return 0;
  return smallestAgents(1, (agents) => erlangAPerformance(load, agents, target.seconds).serviceLevel >= target.share);
}
