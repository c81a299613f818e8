import { describe, expect, it } from 'vitest';
import { formatAge, formatClock } from './age';

const AT = Date.UTC(2026, 10, 24, 14, 5);

describe('formatClock and formatAge (formatters kept per locale and options)', () => {
  it('keeps one formatter per locale and time zone, not one for the first caller', () => {
    expect(formatClock(AT, 'en-GB', 'Europe/Lisbon')).toBe('14:05');
    expect(formatClock(AT, 'en-GB', 'Europe/Amsterdam')).toBe('15:05');
    expect(formatClock(AT, 'en-US', 'Europe/Lisbon')).toBe('02:05 PM');
    expect(formatClock(AT, 'en-GB', 'Europe/Lisbon')).toBe('14:05');
  });

  it('keeps one per locale and unit', () => {
    expect(formatAge(45, 'en-GB')).toBe('45 secs');
    expect(formatAge(125, 'en-GB')).toBe('2 mins');
    expect(formatAge(7200, 'en-GB')).toBe('2 hrs');
    expect(formatAge(125, 'nl-NL')).toBe('2 min');
    expect(formatAge(45, 'en-GB')).toBe('45 secs');
  });
});

describe('formatAge words an age as the gateway’s stale message does', () => {
  it('75 s is "75 secs" (the message says "75 s"), not "1 min"', () => {
    expect(formatAge(75, 'en-GB')).toBe('75 secs');
  });

  it('119.4 min is "119 mins" as in the message, and past two hours the whole hours ("2 h 5 min" there)', () => {
    expect(formatAge(119 * 60 + 24, 'en-GB')).toBe('119 mins');
    expect(formatAge(7500, 'en-GB')).toBe('2 hrs');
  });
});
