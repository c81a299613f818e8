import type { TFunction } from 'i18next';
import type { UsualInflow } from '../../../shared/protocol/usual-inflow';
import { LEARNING_DAYS } from '../../../shared/protocol/usual-inflow';
import { formatMetric } from '../format/metric';

const weekdays = new Map<string, Intl.DateTimeFormat>();
const times = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = map.get(locale);
  if (!format) map.set(locale, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return format;
}

/** The office-local weekday and quarter hour the usual is for, in the screen's language: "Tue 10:00", "ter. 10:00". */
export function usualSlotText(usual: Pick<UsualInflow, 'weekday' | 'minuteOfDay'>, locale: string, t: TFunction): string {
  // 15 November 2026 was a Sunday: weekday 0.
  const weekday = cached(weekdays, locale, { weekday: 'short' }).format(Date.UTC(2026, 10, 15 + usual.weekday));
  const time = cached(times, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.UTC(1970, 0, 1, 0, usual.minuteOfDay));
  return t('forecast.slot', { weekday, time });
}

/** "Inflow 2.3× usual for Tue 10:00". */
export function inflowVsUsualText(ratio: number, usual: UsualInflow, locale: string, t: TFunction): string {
  return t('forecast.inflowVsUsual', { ratio: formatMetric('inflowVsUsual', ratio, locale), slot: usualSlotText(usual, locale, t) });
}

/** "Usual inflow: learning (3 of 7 days)" while the baseline has not seen a week; null once it has. */
export function learningText(usual: UsualInflow | null | undefined, t: TFunction): string | null {
  if (!usual || usual.learnedDays >= LEARNING_DAYS) return null;
  return t('forecast.learning', { days: usual.learnedDays, of: LEARNING_DAYS });
}
