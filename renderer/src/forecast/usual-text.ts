import type { TFunction } from 'i18next';
import type { UsualInflow } from '../../../shared/protocol/usual-inflow';
import { LEARNING_DAYS } from '../../../shared/protocol/usual-inflow';
import { formatMetric } from '../format/metric';

const times = new Map<string, Intl.DateTimeFormat>();
/** UsualInflow.weekday (0 = Sunday) to the catalogue's short names: Intl's pt-PT "short" is "terça", too long for a tile's line. */
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = times.get(locale);
  if (!format) times.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })));
  return format;
}

/** The office-local weekday and quarter hour the usual is for, in the screen's language: "Tue 10:00", "ter. 10:00". */
export function usualSlotText(usual: Pick<UsualInflow, 'weekday' | 'minuteOfDay'>, locale: string, t: TFunction): string {
  const weekday = t(`forecast.weekday.${WEEKDAY_KEYS[usual.weekday]!}`);
  return t('forecast.slot', { weekday, time: timeFormat(locale).format(Date.UTC(1970, 0, 1, 0, usual.minuteOfDay)) });
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
