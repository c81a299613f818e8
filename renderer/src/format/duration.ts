const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in seconds as a floor reads it across a room: compact, with only the precision that
 * matters at that size ("45s", "3m 20s", "18m", "1h 20m", "16h", "2d 4h"), so three fit side by side
 * on a tile. The unit letters read the same in English, Portuguese and Dutch.
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < MINUTE) return `${s}s`;
  if (s < 10 * MINUTE) return pair(Math.floor(s / MINUTE), 'm', s % MINUTE, 's', 60);
  if (s < HOUR) return `${Math.min(Math.round(s / MINUTE), 59)}m`;
  if (s < 10 * HOUR) return pair(Math.floor(s / HOUR), 'h', Math.round((s % HOUR) / MINUTE), 'm', 60);
  if (s < DAY) return `${Math.min(Math.round(s / HOUR), 23)}h`;
  return pair(Math.floor(s / DAY), 'd', Math.round((s % DAY) / HOUR), 'h', 24);
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string, carryAt: number): string {
  // Rounding the minor part may reach a whole major unit (1h 59.6m → 2h).
  if (minor >= carryAt) return `${major + 1}${majorUnit}`;
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit} ${minor}${minorUnit}`;
}
