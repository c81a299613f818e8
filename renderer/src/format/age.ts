import { ageParts } from '../../../shared/time/age';

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
 * How old something is, in the locale's own short units ("45 secs", "2 mins", "3 hrs"; "2 min" in
 * Portuguese, "2 min." in Dutch), split as the gateway's stale message splits it (shared/time/age.ts).
 * A tile's note has room for one unit: past two hours it gives the whole hours only.
 */
export function formatAge(seconds: number, locale: string): string {
  const { value, unit } = ageParts(seconds)[0]!;
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
