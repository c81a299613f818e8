import { describe, expect, it } from 'vitest';
import { formatMetric } from '../format/metric';
import { deskLocale } from './desk-locale';

describe('deskLocale', () => {
  it("takes the lead's own language, so every office's numbers read alike, and English where there is none", () => {
    expect(deskLocale({ language: 'nl-NL' })).toBe('nl-NL');
    expect(deskLocale({ language: '' })).toBe('en-GB');
    expect(deskLocale({})).toBe('en-GB');
    expect(deskLocale({ language: 'not a locale!' })).toBe('en-GB');
    const locale = deskLocale({ language: 'en-US' });
    expect([formatMetric('backlog', 1671, locale), formatMetric('backlog', 1570, locale)]).toEqual(['1,671', '1,570']);
  });
});
