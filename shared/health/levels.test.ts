import { describe, expect, it } from 'vitest';
import { compareLevels, compareSeverity, SEVERITY_ORDER, worstLevel, worstStatus, type Severity } from './levels';

describe('one ranking of levels and statuses', () => {
  it('sorts worst first: critical, at risk, warning, stale, ok, no data', () => {
    const shuffled: Severity[] = ['ok', 'no-data', 'warning', 'critical', 'stale', 'at-risk'];
    expect(shuffled.sort((a, b) => compareSeverity(b, a))).toEqual(['critical', 'at-risk', 'warning', 'stale', 'ok', 'no-data']);
    expect(SEVERITY_ORDER).toEqual(['critical', 'at-risk', 'warning', 'stale', 'ok', 'no-data']);
  });

  it('a header is stale rather than OK while some data is old, and no data only when nothing else is known', () => {
    expect(worstStatus(['ok', 'stale', 'ok'])).toBe('stale');
    expect(worstStatus(['stale', 'warning'])).toBe('warning');
    expect(worstStatus(['no-data', 'ok'])).toBe('ok');
    expect(worstStatus([])).toBe('no-data');
  });

  it('levels by the same ranking', () => {
    expect(compareLevels('critical', 'warning')).toBeGreaterThan(0);
    expect(compareLevels('ok', 'warning')).toBeLessThan(0);
    expect(compareLevels('warning', 'warning')).toBe(0);
    expect(worstLevel(['ok', 'critical', 'warning'])).toBe('critical');
  });
});
