import { describe, expect, it } from 'vitest';
import { formatMetric } from './metric';
import { userLocale } from './user-locale';

describe('userLocale', () => {
  it("takes the lead's own language, so every office's numbers read alike, and English where there is none", () => {
    expect(userLocale({ language: 'nl-NL' })).toBe('nl-NL');
    expect(userLocale({ language: '' })).toBe('en-GB');
    expect(userLocale({})).toBe('en-GB');
    expect(userLocale({ language: 'not a locale!' })).toBe('en-GB');
    const locale = userLocale({ language: 'en-US' });
    expect([formatMetric('backlog', 1671, locale), formatMetric('backlog', 1570, locale)]).toEqual(['1,671', '1,570']);
  });
});
