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
 * The offered wait V runs until an agent would take the contact; τ is its patience. A contact that finds k
 * waiting ahead is reached after k + 1 steps at rates θ(x + k), …, θx with x = nμ/θ: the (k+1)-th death among
 * x + k lives of rate θ. With p = 1 − e^(−θt) and I the regularized incomplete beta:
 *   P(V ≤ t | k) = I_p(k+1, x), and P(answered within t | k) = P(V ≤ t, V < τ) = x/(x+k+1) · I_p(k+1, x+1)
 * (substituting u = 1 − e^(−θs) in ∫ e^(−θs) dP(V ≤ s)). The terms of both follow a recurrence, in log space.
 * The service level is the industry's: contacts answered within t, of those that did not give up within t
 * (who hung up in the first t seconds count neither way). Counting them as met instead, as P(W ≤ t) does,
 * would call a queue where a third give up "in target" and understaff it.
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
  /** Answered within targetSeconds, as a share of the contacts that did not give up within it. */
  readonly serviceLevel: number;
  /** Answered within targetSeconds, as a share of every contact. */
  readonly answeredWithin: number;
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
  if (a === 0) return { waitProbability: 0, abandonShare: 0, averageWaitSeconds: 0, serviceLevel: 1, answeredWithin: 1 };
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`agents must be a whole number 1 or more, got ${agents}`);

  const lambda = load.arrivalsPerHour / 3600;
  const theta = 1 / load.patienceSeconds;
  const x = agents / load.handleSeconds / theta; // nμ/θ
  const y = lambda / theta;
  const p = -Math.expm1(-theta * targetSeconds);

  // Weights of the states n + k (k ≥ 0) relative to state n, and what each contributes.
  const logBelow = logInverseErlangB(a, agents); // states 0…n, n included
  const late = new IncompleteBetaTail(x, p, targetSeconds * theta); // P(V > t | k) = 1 − I_p(k+1, x)
  const early = new IncompleteBetaTail(x + 1, p, targetSeconds * theta); // 1 − I_p(k+1, x+1)
  let logAbove = -Infinity; // states n+1, n+2, …
  let logQueued = -Infinity; // Σ k · w_k, for E[Q]
  let lateSum = late.value; // Σ w_k · P(V > t | k), w_0 = 1
  let answeredSum = (x / (x + 1)) * (1 - early.value); // Σ w_k · P(answered within t | k)
  let logWeight = 0;
  let largest = 0;
  // Sums are kept relative to the largest weight so far (scale = e^largest): weights past e^700 stay finite.
  for (let k = 1; k <= MAX_QUEUE_TERMS; k++) {
    logWeight += Math.log(y / (x + k));
    late.next(k);
    early.next(k);
    logAbove = logAddExp(logAbove, logWeight);
    logQueued = logAddExp(logQueued, logWeight + Math.log(k));
    if (logWeight > largest) {
      const shrink = Math.exp(largest - logWeight);
      lateSum *= shrink;
      answeredSum *= shrink;
      largest = logWeight;
    }
    const weight = Math.exp(logWeight - largest);
    lateSum += weight * late.value;
    answeredSum += weight * (x / (x + k + 1)) * (1 - early.value);
    // Past the mode (x + k > y) the weights only fall; stop once they are negligible.
    if (x + k > y && logWeight - largest < NEGLIGIBLE_LOG) break;
  }
  const logTotal = logAddExp(logBelow, logAbove);
  const waitProbability = Math.exp(logAddExp(0, logAbove) - logTotal);
  const queued = Math.exp(logQueued - logTotal); // E[Q]
  const scale = Math.exp(largest - logTotal);
  const waitedWithin = 1 - Math.exp(-theta * targetSeconds) * lateSum * scale; // P(W ≤ t)
  const answeredWithin = 1 - waitProbability + answeredSum * scale;
  const gaveUpWithin = Math.max(0, waitedWithin - answeredWithin);
  return {
    waitProbability,
    abandonShare: Math.min(1, (theta * queued) / lambda),
    averageWaitSeconds: queued / lambda,
    serviceLevel: clamp01(answeredWithin / (1 - gaveUpWithin)),
    answeredWithin: clamp01(answeredWithin),
  };
}

/**
 * 1 − I_p(k+1, b) for k = 0, 1, …: (1 − p)^b, then plus T_k = p^(k+1) (1−p)^b Γ(k+1+b) / (Γ(k+2) Γ(b)), whose
 * ratio T_k / T_(k−1) = p (k + b) / (k + 1). The terms are carried as logarithms, so (1 − p)^b may underflow.
 */
class IncompleteBetaTail {
  value: number;
  private logTerm: number;
  private readonly logP: number;

  constructor(private readonly b: number, p: number, thetaT: number) {
    const logBase = -b * thetaT; // log (1 − p)^b
    this.value = Math.exp(logBase);
    this.logP = Math.log(p);
    this.logTerm = this.logP + Math.log(b) + logBase; // T_0 = p b (1 − p)^b
  }

  /** Moves from k − 1 to k. */
  next(k: number): void {
    this.value = Math.min(1, this.value + Math.exp(this.logTerm));
    this.logTerm += this.logP + Math.log(k + this.b) - Math.log(k + 1);
  }
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The fewest agents whose service level meets the target (0 when nothing arrives). */
export function erlangAAgentsFor(load: ImpatientLoad, target: ServiceTarget): number {
  checkTarget(target);
  const a = erlangs(load);
  if (a === 0) return 0;
  // The need is near the load: starting there spares the long queues (and sums) of far too few agents.
  return smallestAgents(1, (agents) => erlangAPerformance(load, agents, target.seconds).serviceLevel >= target.share, Math.round(a));
}
