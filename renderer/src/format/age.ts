/**
 * Intl formatters are costly to construct (tens of µs each); the wall header formats its clocks on every
 * update batch, and stale tiles their data age every second (bench/latency profile: `formatClock` was the
 * wall's top function, ~2.5 ms/s). One per locale and options is kept, as in `metric.ts`.
 */
const ages = new Map<string, Intl.NumberFormat>();
const clocks = new Map<string, Intl.DateTimeFormat>();

function ageFormat(locale: string, unit: string): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = ages.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    ages.set(key, format);
  }
  return format;
}

/**
 * How old something is, in the locale's own short units ("45 sec", "2 min", "3 hr"; "2 min" in
 * Portuguese, "2 min." in Dutch): whole seconds under a minute, whole minutes under two hours, then hours.
 */
export function formatAge(seconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const [value, unit] = s < 60 ? [s, 'second'] : s < 7200 ? [Math.floor(s / 60), 'minute'] : [Math.floor(s / 3600), 'hour'];
  return ageFormat(locale, unit).format(value);
}

/** A wall-clock time in a time zone, hours and minutes, as the locale writes it. */
export function formatClock(at: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = clocks.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
    clocks.set(key, format);
  }
  return format.format(at);
}
