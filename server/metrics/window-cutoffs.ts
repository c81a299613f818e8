import type { PercentileWindow } from '../../shared/percentile-window';

/** The earliest sample time a window keeps at `now`. */
export type Cutoff = (now: number) => number;

const HOUR_MS = 3_600_000;

export function rollingCutoff(ms: number): Cutoff {
  return (now) => now - ms;
}

/**
 * The start of the office's day at `now` (local midnight in its time zone), so "today" on a Lisbon wall is
 * Lisbon's day, whatever the gateway's own zone. Each local date has one midnight and the next one is at
 * least 23 h later (a day that loses an hour), so one computed midnight serves every `now` up to 23 h on.
 */
export function officeDayCutoff(timeZone: string): Cutoff {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Milliseconds the zone is ahead of UTC at `at`. */
  const offset = (at: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const whole = at - (((at % 1000) + 1000) % 1000);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - whole;
  };
  let cached = Number.NaN;
  return (now) => {
    if (now >= cached && now < cached + 23 * HOUR_MS) return cached;
    const local = now + offset(now);
    const localMidnight = local - (((local % (24 * HOUR_MS)) + 24 * HOUR_MS) % (24 * HOUR_MS));
    // The offset at midnight, not now: the clocks may have changed since (the last Sunday of March).
    const guess = localMidnight - offset(now);
    const start = localMidnight - offset(guess);
    cached = start;
    return cached;
  };
}

/** The cutoff of a queue's configured window; `fallbackMs` when it has none. */
export function cutoffOf(window: PercentileWindow | undefined, timeZone: string | undefined, fallbackMs: number): Cutoff {
  if (window === undefined) return rollingCutoff(fallbackMs);
  if (window === 'today') {
    if (!timeZone) throw new Error('A window of "today" needs the office time zone');
    return officeDayCutoff(timeZone);
  }
  return rollingCutoff(window * 60_000);
}
