import { QUARTER_MS } from '../store/quarter-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SLOTS_PER_DAY = DAY / QUARTER_MS;

/** Where a moment falls in an office's week: its local date, weekday and quarter hour. */
export interface OfficeSlot {
  /** Days since 1970-01-01 of the local date: holidays and learnt days are counted by it. */
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday, local. */
  readonly weekday: number;
  /** Local minutes since midnight of the quarter hour's start: 0, 15, … 1425. */
  readonly minuteOfDay: number;
  /** weekday × 96 + quarter of the day: the baseline's key. */
  readonly weekSlot: number;
}

/**
 * The office-local slot of a moment, with the zone's offset computed once per UTC hour (offsets change on
 * whole hours, and Intl formatting is what costs): the baseline reads eight weeks of slots at start.
 */
export function officeSlots(timeZone: string): (at: number) => OfficeSlot {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const offsets = new Map<number, number>();
  const offsetAt = (at: number): number => {
    const hour = Math.floor(at / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(hour * HOUR)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - hour * HOUR;
      offsets.set(hour, offset);
    }
    return offset;
  };
  return (at) => {
    const local = at + offsetAt(at);
    const day = Math.floor(local / DAY);
    const minuteOfDay = Math.floor((local - day * DAY) / QUARTER_MS) * 15;
    // 1970-01-01 was a Thursday (4).
    const weekday = (((day + 4) % 7) + 7) % 7;
    return { day, weekday, minuteOfDay, weekSlot: weekday * SLOTS_PER_DAY + minuteOfDay / 15 };
  };
}

/** The local day number of a YYYY-MM-DD date, as OfficeSlot.day counts them. */
export function dayOfDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) / DAY;
}
