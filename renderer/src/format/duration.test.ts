import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [59.6, '1m'],
    [60, '1m'],
    [200, '3m 20s'],
    [599, '9m 59s'],
    [600, '10m'],
    [1110, '19m'],
    [3599, '59m'],
    [3600, '1h'],
    [4800, '1h 20m'],
    [7170, '2h'],
    [35_999, '10h'],
    [60_300, '17h'],
    [86_399, '23h'],
    [86_400, '1d'],
    [187_200, '2d 4h'],
    [-5, '0s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('never needs more than six characters below ten days, so three values fit a tile', () => {
    for (let s = 0; s < 10 * 86_400; s += 37) expect(formatDuration(s).length, String(s)).toBeLessThanOrEqual(6);
  });
});
