import { parseHhMm } from '../../../shared/time/hh-mm';

/** The one-click snoozes, named by their catalogue key (desk.card.presets.*). */
export const SNOOZE_PRESETS = [
  { name: 'quarterHour', ms: 15 * 60_000 },
  { name: 'hour', ms: 60 * 60_000 },
] as const;

export type SnoozeChoice = { afterMs: number } | { timeOfDay: string };

/**
 * When a snooze ends, on the gateway's clock (which judges "in the future"): a preset from the gateway's
 * now, or the next HH:MM on the laptop's own calendar after it. Null for a time that is not HH:MM.
 */
export function snoozeUntil(choice: SnoozeChoice, gatewayNow: number): number | null {
  if ('afterMs' in choice) return gatewayNow + choice.afterMs;
  const minutes = parseHhMm(choice.timeOfDay);
  if (minutes === null) return null;
  const at = new Date(gatewayNow);
  at.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  if (at.getTime() <= gatewayNow) at.setDate(at.getDate() + 1);
  return at.getTime();
}
