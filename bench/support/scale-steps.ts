// Where the saturation benchmark goes next: screens grow by a factor until a step misses the latency limit,
// then the gap between the largest step that held and the smallest that did not is halved a few times.

export interface StepPlan {
  /** Screens at the first step. */
  first: number;
  /** Each step while every one holds: the last count times this. */
  growth: number;
  /** No step goes past this many screens. */
  max: number;
  /** Halvings of the gap once a step has failed. */
  refinements: number;
  /** Stop refining once the gap is at most this share of the screens held (0.05: within 5 %). */
  resolution: number;
}

export interface StepOutcome {
  screens: number;
  /** Every screen stayed live through the window and the p99 send→receive was within the limit. */
  held: boolean;
}

export interface Knee {
  /** The most screens a step held (0 when none did). */
  held: number;
  /** The fewest screens above `held` that a step failed to hold; null when none failed. */
  failedAt: number | null;
}

export function validatePlan(plan: StepPlan): StepPlan {
  const problems = [
    !(Number.isInteger(plan.first) && plan.first >= 1) && `first: must be a whole number of screens, 1 or more (got ${plan.first})`,
    !(plan.growth > 1) && `growth: must be above 1 (got ${plan.growth})`,
    !(Number.isInteger(plan.max) && plan.max >= plan.first) && `max: must be a whole number, at least first (${plan.first}) (got ${plan.max})`,
    !(Number.isInteger(plan.refinements) && plan.refinements >= 0) && `refinements: must be a whole number, 0 or more (got ${plan.refinements})`,
    !(plan.resolution > 0 && plan.resolution < 1) && `resolution: must be above 0 and below 1 (got ${plan.resolution})`,
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(`scale step plan: ${problems.join('; ')}`);
  return plan;
}

export function kneeOf(outcomes: readonly StepOutcome[]): Knee {
  const held = Math.max(0, ...outcomes.filter((o) => o.held).map((o) => o.screens));
  const failed = outcomes.filter((o) => !o.held && o.screens > held).map((o) => o.screens);
  return { held, failedAt: failed.length > 0 ? Math.min(...failed) : null };
}

/** The screens for the next step, or null when the knee is found closely enough (or the maximum held). */
export function nextScreens(plan: StepPlan, outcomes: readonly StepOutcome[]): number | null {
  if (outcomes.length === 0) return plan.first;
  const { held, failedAt } = kneeOf(outcomes);
  if (failedAt === null) return held >= plan.max ? null : Math.min(plan.max, Math.max(held + 1, Math.ceil(held * plan.growth)));
  const firstFailure = outcomes.findIndex((o) => !o.held);
  const refined = outcomes.length - 1 - firstFailure;
  const gap = failedAt - held;
  if (refined >= plan.refinements || gap <= Math.max(1, held * plan.resolution)) return null;
  return held + Math.floor(gap / 2);
}
