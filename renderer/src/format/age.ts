/**
 * How old something is, in the locale's own short units ("45 sec", "2 min", "3 hr"; "2 min" in
 * Portuguese, "2 min." in Dutch): whole seconds under a minute, whole minutes under two hours, then hours.
 */
export function formatAge(seconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const [value, unit] = s < 60 ? [s, 'second'] : s < 7200 ? [Math.floor(s / 60), 'minute'] : [Math.floor(s / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** A wall-clock time in a time zone, hours and minutes, as the locale writes it. */
export function formatClock(at: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}
