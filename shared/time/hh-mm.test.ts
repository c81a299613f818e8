import { describe, expect, it } from 'vitest';
import { hhMmSchema, isHhMm, minutesOfHhMm, parseHhMm } from './hh-mm';

describe('HH:MM', () => {
  it('accepts 00:00 to 23:59 written with two digits each', () => {
    for (const ok of ['00:00', '07:05', '12:30', '23:59']) expect(isHhMm(ok)).toBe(true);
  });

  it('refuses 24:00, single digits, seconds and padding', () => {
    for (const bad of ['24:00', '7:00', '07:5', '07:00:00', ' 07:00', '07:60', '', '0700']) expect(isHhMm(bad)).toBe(false);
  });

  it('reads minutes since midnight, null for anything else', () => {
    expect(parseHhMm('00:00')).toBe(0);
    expect(parseHhMm('22:00')).toBe(1320);
    expect(parseHhMm('23:59')).toBe(1439);
    expect(parseHhMm('25:00')).toBeNull();
  });

  it('throws on a time that should have been checked on the way in', () => {
    expect(minutesOfHhMm('06:59')).toBe(419);
    expect(() => minutesOfHhMm('6:59')).toThrow(/must be a 24-hour time HH:MM/);
  });

  it('a schema with the wire wording by default, or the caller’s own', () => {
    expect(hhMmSchema().safeParse('24:00').error?.issues[0]?.message).toBe('must be a 24-hour time HH:MM, e.g. 22:00');
    expect(hhMmSchema('written HH:MM').safeParse('x').error?.issues[0]?.message).toBe('written HH:MM');
    expect(hhMmSchema().parse('22:00')).toBe('22:00');
  });
});
