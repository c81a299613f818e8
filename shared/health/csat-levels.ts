import { METRICS } from '../metrics';
import type { Channel } from '../model';
import type { ThresholdRule, ThresholdSet } from './thresholds';

/**
 * CSAT's built-in levels, the same on every channel: the share of satisfied customers does not depend on
 * how they wrote in. Most support teams aim at 85 % or more; below 75 % something is wrong. Managers
 * override them per office and queue like every other level.
 */
export const CSAT_RULE: ThresholdRule = { direction: METRICS.csat.direction, warning: 85, critical: 75 };

/** Adds CSAT's levels to every channel's built-in set. */
export function withCsatLevels(sets: Record<Channel, ThresholdSet>): Record<Channel, ThresholdSet> {
  return Object.fromEntries(Object.entries(sets).map(([channel, set]) => [channel, { ...set, csat: CSAT_RULE }])) as Record<Channel, ThresholdSet>;
}
