export type AgeUnit = 'second' | 'minute' | 'hour';
export interface AgePart {
  readonly value: number;
  readonly unit: AgeUnit;
}

/**
 * How old data is, split the one way the gateway's stale message and every screen word it: whole seconds
 * under 90 s, whole minutes under two hours, then hours and minutes (minutes left out when 0), each
 * rounded to the nearest. "75 s" on a tile's note and "1 min" in its tooltip would contradict each other.
 */
export function ageParts(seconds: number): AgePart[] {
  const s = Math.round(Math.max(0, seconds));
  if (s < 90) return [{ value: s, unit: 'second' }];
  const minutes = Math.round(s / 60);
  if (minutes < 120) return [{ value: minutes, unit: 'minute' }];
  const rest = minutes % 60;
  return [{ value: Math.floor(minutes / 60), unit: 'hour' }, ...(rest > 0 ? [{ value: rest, unit: 'minute' } as const] : [])];
}
