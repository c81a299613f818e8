import { compareLevels, type Level } from './levels';
import { evaluateRule, levelAgainst, type ThresholdRule } from './thresholds';

export interface Timing {
  /** A worse level must hold this long before the state worsens. */
  readonly pendingMs: number;
  /** A better level (cleared by the margin) must hold this long before the state improves. */
  readonly recoveryMs: number;
  /** Share of the warning-to-critical gap by which a value must clear a level to count as recovered. */
  readonly recoveryMargin: number;
}

/**
 * One metric's debounced level. `reachedSince[x]`: since when the value has continuously reached level x;
 * `clearedSince[x]`: since when it has continuously been at or better than x with the margin. Both are
 * tracked whatever the current level, so the state is a pure function of the samples seen.
 */
export interface LevelState {
  readonly level: Level;
  /** When `level` took effect. */
  readonly since: number;
  readonly reachedSince: Readonly<{ warning: number | null; critical: number | null }>;
  readonly clearedSince: Readonly<{ ok: number | null; warning: number | null }>;
}

/** The level a value is at when each threshold is moved towards the good side by the recovery margin. */
export function recoveredLevel(value: number, rule: ThresholdRule, recoveryMargin: number): Level {
  const margin = Math.abs(rule.critical - rule.warning) * recoveryMargin;
  const shift = rule.direction === 'higher-is-worse' ? -margin : margin;
  return levelAgainst(value, rule.direction, rule.warning + shift, rule.critical + shift);
}

/**
 * Advances a metric's level by one sample taken at `now`. The first sample takes the value's level at once:
 * a gateway that starts (or a rule that changes) must not show green for a pending period while a queue
 * is on fire. After that a worse level needs `pendingMs` and a better one `recoveryMs` of holding.
 */
export function stepLevel(state: LevelState | null, value: number, rule: ThresholdRule, timing: Timing, now: number): LevelState {
  const raw = evaluateRule(value, rule);
  const cleared = recoveredLevel(value, rule, timing.recoveryMargin);
  const reachedWarning = compareLevels(raw, 'warning') >= 0 ? (state?.reachedSince.warning ?? now) : null;
  const reachedCritical = raw === 'critical' ? (state?.reachedSince.critical ?? now) : null;
  const clearedOk = cleared === 'ok' ? (state?.clearedSince.ok ?? now) : null;
  const clearedWarning = compareLevels(cleared, 'warning') <= 0 ? (state?.clearedSince.warning ?? now) : null;
  // Every queue's every metric passes here each second: what did not change is kept, not copied.
  const reachedSince =
    state && state.reachedSince.warning === reachedWarning && state.reachedSince.critical === reachedCritical
      ? state.reachedSince
      : { warning: reachedWarning, critical: reachedCritical };
  const clearedSince =
    state && state.clearedSince.ok === clearedOk && state.clearedSince.warning === clearedWarning
      ? state.clearedSince
      : { ok: clearedOk, warning: clearedWarning };
  if (!state) return { level: raw, since: now, reachedSince, clearedSince };

  let level = state.level;
  if (level !== 'critical' && held(reachedCritical, timing.pendingMs, now)) level = 'critical';
  else if (level === 'ok' && held(reachedWarning, timing.pendingMs, now)) level = 'warning';
  else if (level !== 'ok' && held(clearedOk, timing.recoveryMs, now)) level = 'ok';
  else if (level === 'critical' && held(clearedWarning, timing.recoveryMs, now)) level = 'warning';

  if (level === state.level && reachedSince === state.reachedSince && clearedSince === state.clearedSince) return state;
  return { level, since: level === state.level ? state.since : now, reachedSince, clearedSince };
}

function held(since: number | null, ms: number, now: number): boolean {
  return since !== null && now - since >= ms;
}

/** A yes/no condition (at risk) with the same rule: on after holding `pendingMs`, off after `recoveryMs`. */
export interface FlagState {
  readonly on: boolean;
  readonly since: number;
  /** Since when the raw condition has continuously disagreed with `on`. */
  readonly flippingSince: number | null;
}

export function stepFlag(state: FlagState | null, raw: boolean, timing: Pick<Timing, 'pendingMs' | 'recoveryMs'>, now: number): FlagState {
  if (!state) return { on: raw, since: now, flippingSince: null };
  if (raw === state.on) return state.flippingSince === null ? state : { ...state, flippingSince: null };
  const flippingSince = state.flippingSince ?? now;
  const needed = raw ? timing.pendingMs : timing.recoveryMs;
  if (now - flippingSince >= needed) return { on: raw, since: now, flippingSince: null };
  return flippingSince === state.flippingSince ? state : { ...state, flippingSince };
}
