import { describe, expect, it } from 'vitest';
import { formatMetric } from './metric';

describe('formatMetric', () => {
  it('formats each unit for the locale', () => {
    expect(formatMetric('oldestWaitingSeconds', 4800, 'en-GB')).toBe('1h 20m');
    expect(formatMetric('slaAttainment', 86.25, 'en-GB')).toBe('86.3%');
    expect(formatMetric('slaAttainment', 86.25, 'pt-PT')).toBe('86,3%');
    expect(formatMetric('slaAttainment', 99.96, 'en-GB')).toBe('100%');
    expect(formatMetric('inflowPerHour', 120.4, 'en-GB')).toBe('120/h');
    expect(formatMetric('backlog', 1234, 'nl-NL')).toBe('1.234');
  });
});
