import { describe, expect, it } from 'vitest';
import { localeFor } from '../format/user-locale';
import { browserLanguage, LANGUAGE_STORAGE_KEY, readStoredLanguage, startLanguage, storeLanguage } from './user-language';

const memory = () => {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
};

describe("a person's language", () => {
  it('starts from the address, then the app setting, then the remembered choice, then the browser', () => {
    const base = { search: '', appLanguage: null, stored: null, browserLanguages: ['nl-BE', 'en'] };
    expect(startLanguage(base)).toBe('nl');
    expect(startLanguage({ ...base, stored: 'pt' })).toBe('pt');
    expect(startLanguage({ ...base, stored: 'pt', appLanguage: 'en' })).toBe('en');
    expect(startLanguage({ ...base, stored: 'pt', appLanguage: 'nl-NL', search: '?view=desk&lang=pt-PT' })).toBe('pt');
  });

  it("takes the browser's first language the screens speak, English when none", () => {
    expect(browserLanguage(['de-DE', 'pt-BR', 'en'])).toBe('pt');
    expect(browserLanguage(['de-DE', 'fr'])).toBe('en');
    expect(browserLanguage(undefined)).toBe('en');
  });

  it('remembers only a language it speaks, and survives storage that refuses', () => {
    const storage = memory();
    storeLanguage(storage, 'nl');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
    expect(readStoredLanguage(storage)).toBe('nl');
    storage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(readStoredLanguage(storage)).toBeNull();
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(readStoredLanguage(refusing)).toBeNull();
    expect(() => storeLanguage(refusing, 'pt')).not.toThrow();
  });

  it("keeps the browser's own regional locale for its language, else the language's home locale", () => {
    expect(localeFor('en', { language: 'en-US' })).toBe('en-US');
    expect(localeFor('pt', { language: 'pt-BR' })).toBe('pt-BR');
    expect(localeFor('nl', { language: 'en-US' })).toBe('nl-NL');
    expect(localeFor('pt', {})).toBe('pt-PT');
  });
});
