import { describe, expect, it } from 'vitest';
import { formatLevel, parseDuration, parseLevel } from './level-text';

describe('level text', () => {
  it('reads minutes, h/m and seconds for time metrics, as seconds', () => {
    expect(parseDuration('5')).toBe(300);
    expect(parseDuration('2,5')).toBe(150);
    expect(parseDuration('1h 30m')).toBe(5400);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('2d')).toBe(172800);
    expect(parseDuration('1h 1h')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });

  it('names the field and what to type when a level cannot be read', () => {
    expect(parseLevel('oldestWaitingSeconds', 'ten', 'warning')).toEqual({
      ok: false,
      problem: 'warning: "ten" is not a duration; type minutes (5) or hours and minutes (1h 30m)',
    });
    expect(parseLevel('backlog', 'lots', 'critical')).toEqual({ ok: false, problem: 'critical: "lots" is not a number' });
    expect(parseLevel('backlog', ' ', 'critical')).toEqual({ ok: false, problem: 'critical: is required' });
    expect(parseLevel('backlog', '120', 'critical')).toEqual({ ok: true, value: 120 });
  });

  it('shows seconds back as h/m/s and counts as numbers', () => {
    expect(formatLevel('resolutionP90', 5400)).toBe('1h 30m');
    expect(formatLevel('firstResponseP90', 90)).toBe('1m 30s');
    expect(formatLevel('backlog', 150)).toBe('150');
    expect(parseDuration(formatLevel('resolutionP90', 36 * 3600))).toBe(36 * 3600);
  });
});
