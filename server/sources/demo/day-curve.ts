/** Relative contact volume by local hour, 0–1: quiet nights, a morning ramp, a lunch dip, an evening tail. */
const HOURLY = [
  0.15, 0.12, 0.1, 0.1, 0.12, 0.2, 0.35, 0.6, 0.85, 1.0, 1.0, 0.95, 0.82, 0.9, 1.0, 0.95, 0.85, 0.75, 0.6, 0.5, 0.4, 0.3,
  0.25, 0.2,
];
const WEEKEND_FACTOR = 0.55;

export interface LocalTime {
  /** Hours since local midnight, fractional. */
  hour: number;
  weekend: boolean;
}

/** Local hour and weekday in a time zone, with one cached formatter per zone (this runs every tick). */
export function localTimeReader(timeZone: string): (epochMs: number) => LocalTime {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (epochMs) => {
    let hour = 0;
    let minute = 0;
    let weekday = '';
    for (const part of format.formatToParts(epochMs)) {
      if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'minute') minute = Number(part.value);
      else if (part.type === 'weekday') weekday = part.value;
    }
    return { hour: hour + minute / 60, weekend: weekday === 'Sat' || weekday === 'Sun' };
  };
}

export function contactLoad(time: LocalTime): number {
  const index = Math.floor(time.hour) % 24;
  const next = (index + 1) % 24;
  const fraction = time.hour - Math.floor(time.hour);
  const hourly = HOURLY[index]! + (HOURLY[next]! - HOURLY[index]!) * fraction;
  return time.weekend ? hourly * WEEKEND_FACTOR : hourly;
}
