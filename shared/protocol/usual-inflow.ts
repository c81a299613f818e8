import { z } from 'zod';
import { MAX_COUNT } from '../metrics';

/** The baseline learns for this many days before it says what is usual (a week: every weekday once). */
export const LEARNING_DAYS = 7;

const perHour = z.number().min(0).max(MAX_COUNT);
const RangeSchema = z.object({ low: perHour, high: perHour });

/**
 * What a queue's inflow usually is now (server/forecast/): for the office's weekday and quarter hour, from the
 * same slot in past weeks. `perHour` is in tickets per hour like `inflowPerHour`; `backlog` is the usual
 * backlog at this time, the band a sparkline draws behind its line. Both null while it is learning.
 */
export const UsualInflowSchema = z.object({
  /** Days of history learnt, up to LEARNING_DAYS: "learning (3 of 7 days)" until they are equal. */
  learnedDays: z.number().int().min(0).max(LEARNING_DAYS),
  /** The office-local weekday (0 = Sunday … 6 = Saturday) and quarter hour (minutes after midnight) it is for. */
  weekday: z.number().int().min(0).max(6),
  minuteOfDay: z.number().int().min(0).max(1425).multipleOf(15),
  perHour: RangeSchema.extend({ expected: perHour }).nullable(),
  backlog: RangeSchema.nullable(),
});
export type UsualInflow = z.infer<typeof UsualInflowSchema>;
