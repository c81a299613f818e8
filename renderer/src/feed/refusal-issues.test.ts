import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { refusalIssues } from './refusal-issues';

describe('what a refused command tells a person', () => {
  it('about the shared store: whether the change stands, in the screen\'s language', () => {
    const en = createI18n('en').t;
    expect(refusalIssues({ code: 'store-unavailable', issues: ['alert:acknowledge: nothing was changed: …'] }, en)).toEqual([
      'Not done: the shared store cannot be reached just now, so nothing was changed. Try again in a few seconds.',
    ]);
    expect(refusalIssues({ code: 'store-pending', issues: ['…'] }, en)[0]).toMatch(/^Done and shown on the screens, but not yet saved in the shared store/);
    expect(refusalIssues({ code: 'store-pending', issues: [] }, createI18n('pt').t)[0]).toMatch(/^Feito e visível nos ecrãs/);
    expect(refusalIssues({ code: 'store-unavailable', issues: [] }, createI18n('nl').t)[0]).toMatch(/^Niet uitgevoerd/);
  });

  it('any other refusal: the gateway\'s issues as they came', () => {
    const t = createI18n('en').t;
    expect(refusalIssues({ code: 'conflict', issues: ['changes[0]: someone saved first'] }, t)).toEqual(['changes[0]: someone saved first']);
    expect(refusalIssues({ code: 'toString', issues: ['x'] }, t)).toEqual(['x']);
    expect(refusalIssues({ code: 'not-found' }, t)).toEqual([]);
  });
});
