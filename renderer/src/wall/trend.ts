import type { BacklogSeries } from '../store/history-slice';

export type TrendDirection = 'rising' | 'falling' | 'steady';
export interface Trend {
  direction: TrendDirection;
  /** Now minus then, in tickets. */
  delta: number;
}

/** How far back the trend looks, and how much change counts: two tickets, or a tenth of the backlog. */
export const TREND_LOOKBACK_MS = 15 * 60_000;
const TOLERANCE_MS = 5 * 60_000;

/**
 * Backlog now against the point closest to 15 minutes ago (within 10 to 20 minutes ago); null when the
 * history has nothing from then, so a fresh screen shows no arrow rather than a guess.
 */
export function backlogTrend(series: BacklogSeries | undefined, current: number | null, now: number): Trend | null {
  if (!series || current === null) return null;
  const target = now - TREND_LOOKBACK_MS;
  let then: number | null = null;
  let best = Infinity;
  for (let i = 0; i < series.at.length; i++) {
    const value = series.values[i];
    const distance = Math.abs(series.at[i]! - target);
    if (value != null && distance <= TOLERANCE_MS && distance < best) {
      best = distance;
      then = value;
    }
  }
  if (then === null) return null;
  const delta = current - then;
  const significant = Math.abs(delta) >= Math.max(2, then * 0.1);
  return { direction: !significant ? 'steady' : delta > 0 ? 'rising' : 'falling', delta };
}
