import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { storeRefusalText } from './store-refusal';

describe('what a command the shared store did not commit tells a person', () => {
  it('whether the change stands, in the screen\'s language', () => {
    const en = createI18n('en').t;
    expect(storeRefusalText({ ok: false, code: 'store-unavailable' }, en)).toBe('Not done: the shared store cannot be reached just now, so nothing was changed. Try again in a few seconds.');
    expect(storeRefusalText({ ok: false, code: 'store-pending' }, en)).toMatch(/^Done and shown on the screens, but not yet saved in the shared store/);
    expect(storeRefusalText({ ok: false, code: 'store-pending' }, createI18n('pt').t)).toMatch(/^Feito e visível nos ecrãs/);
    expect(storeRefusalText({ ok: false, code: 'store-unavailable' }, createI18n('nl').t)).toMatch(/^Niet uitgevoerd/);
  });

  it('nothing for any other answer: the view words it as before', () => {
    const t = createI18n('en').t;
    expect(storeRefusalText({ ok: false, code: 'conflict' }, t)).toBeNull();
    expect(storeRefusalText({ ok: false, code: 'toString' }, t)).toBeNull();
    expect(storeRefusalText({ ok: true }, t)).toBeNull();
  });
});
