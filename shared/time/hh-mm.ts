import { z } from 'zod';

/**
 * The one rule for a local time of day: "HH:MM" on a 24-hour clock, 00:00 to 23:59, two digits each,
 * no seconds. Health profiles, quiet hours and "snooze until" all use it.
 */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** What the gateway answers for a time that breaks the rule (wire text: keep it stable). */
export const HH_MM_RULE = 'must be a 24-hour time HH:MM, e.g. 22:00';

export function isHhMm(text: string): boolean {
  return HH_MM.test(text);
}

/** Minutes since midnight ("22:00" → 1320), or null for anything that is not HH:MM. */
export function parseHhMm(text: string): number | null {
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes since midnight of a time already checked by `hhMmSchema` (config, settings); throws otherwise. */
export function minutesOfHhMm(text: string): number {
  const minutes = parseHhMm(text);
  if (minutes === null) throw new RangeError(`"${text}" ${HH_MM_RULE}`);
  return minutes;
}

/** A string schema for HH:MM; `message` lets each audience keep its own wording of the same rule. */
export function hhMmSchema(message: string = HH_MM_RULE) {
  return z.string().regex(HH_MM, message);
}
