import { METRICS } from '../metrics';
import type { Channel } from '../model';
import type { ThresholdRule, ThresholdSet } from './thresholds';

/**
 * Built-in levels of inflow against the usual (the `volume` alert), the same on every channel: half as much
 * again as usual is a warning, two and a half times is critical. Its pending period is shorter than the
 * gateway's default: the ratio is trusted only once a Poisson CUSUM has established the rise
 * (server/forecast/inflow-evidence.ts), and a doubling is to be seen within ten minutes (docs/PERFORMANCE.md,
 * `npm run bench -- --only=detection`). Managers override them like any level.
 */
export const VOLUME_RULE: ThresholdRule = { direction: METRICS.inflowVsUsual.direction, warning: 1.5, critical: 2.5, pendingSeconds: 60 };

/** Adds the volume levels to every channel's built-in set. */
export function withVolumeLevels(sets: Record<Channel, ThresholdSet>): Record<Channel, ThresholdSet> {
  return Object.fromEntries(Object.entries(sets).map(([channel, set]) => [channel, { ...set, inflowVsUsual: VOLUME_RULE }])) as Record<Channel, ThresholdSet>;
}
