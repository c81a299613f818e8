import { describe, expect, it } from 'vitest';
import { ageParts } from './age';

describe('ageParts', () => {
  it('seconds under 90 s, minutes under 2 h, then hours and minutes, rounded', () => {
    expect(ageParts(4)).toEqual([{ value: 4, unit: 'second' }]);
    expect(ageParts(89.4)).toEqual([{ value: 89, unit: 'second' }]);
    expect(ageParts(240)).toEqual([{ value: 4, unit: 'minute' }]);
    expect(ageParts(119 * 60 + 29)).toEqual([{ value: 119, unit: 'minute' }]);
    expect(ageParts(7500)).toEqual([{ value: 2, unit: 'hour' }, { value: 5, unit: 'minute' }]);
    expect(ageParts(7200)).toEqual([{ value: 2, unit: 'hour' }]);
  });

  it('never negative: a clock a little ahead reads as 0 s', () => {
    expect(ageParts(-3)).toEqual([{ value: 0, unit: 'second' }]);
  });
});
