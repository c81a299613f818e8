import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { createI18n, LANGUAGES, languageOf, type Language } from './i18n';
import { nl } from '../../../shared/i18n/nl';
import { pt } from '../../../shared/i18n/pt';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[0].replace(/\s/g, '')).sort();

const lookup = (messages: unknown, key: string) => key.split('.').reduce((o: never, k) => o?.[k], messages as never) as unknown as string;
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();
const LANGUAGE_MESSAGES = { en, pt, nl } as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBase = (key: string) => key.replace(PLURAL, '');
const unique = (list: string[]) => [...new Set(list)].sort();

describe('translations', () => {
  it('every language has the full nested key set of English (plural forms aside), no value empty, the same <tags> for <Trans>', () => {
    for (const [language, messages] of Object.entries(LANGUAGE_MESSAGES)) {
      expect(unique(keys(messages).map(pluralBase)), language).toEqual(unique(keys(en).map(pluralBase)));
      for (const key of keys(messages)) {
        const value = lookup(messages, key);
        expect(typeof value === 'string' && value.trim().length > 0, `${language}: ${key} is empty`).toBe(true);
        expect(tags(value), `${language}: ${key}`).toEqual(tags(lookup(en, key.replace(PLURAL, '_other'))));
      }
    }
  });

  it('every plural has exactly the forms its language uses (Intl.PluralRules: Portuguese also "many")', () => {
    for (const [language, messages] of Object.entries(LANGUAGE_MESSAGES)) {
      const forms = new Intl.PluralRules(LANGUAGES[language as Language]).resolvedOptions().pluralCategories.sort();
      const plurals = unique(keys(messages).filter((k) => PLURAL.test(k)).map(pluralBase));
      expect(plurals.length, language).toBeGreaterThan(0);
      for (const base of plurals) {
        const present = keys(messages).filter((k) => k.startsWith(`${base}_`) && pluralBase(k) === base).map((k) => k.slice(base.length + 1));
        expect(present.sort(), `${language}: ${base}`).toEqual(forms);
      }
    }
    // A count the language files under "many" finds its words (a missing form shows the bare key).
    expect(createI18n('pt').t('settings.save.changes', { count: 1_000_000 })).toBe(`${new Intl.NumberFormat('pt').format(1_000_000)} alterações por guardar`);
  });

  it('Portuguese and Dutch have every English key, with the same placeholders', () => {
    for (const messages of [pt, nl]) {
      // Every English key, plus the plural forms only that language has (Portuguese "many", same placeholders as "other").
      expect(keys(messages).filter((k) => !/_many$/.test(k))).toEqual(keys(en));
      for (const key of keys(messages)) expect(placeholders(lookup(messages, key)), key).toEqual(placeholders(lookup(en, key.replace(/_many$/, '_other'))));
    }
  });

  it('maps locales to the wall languages, English for the rest', () => {
    expect(['pt-PT', 'pt-BR', 'nl-NL', 'nl-BE', 'en-GB', 'de-DE', 'PT'].map(languageOf)).toEqual(['pt', 'pt', 'nl', 'nl', 'en', 'en', 'pt']);
  });

  it("counts as Lisbon does: pt-PT's plural rules, not Brazil's (zero is plural)", () => {
    const pt = createI18n('pt');
    expect(pt.t('settings.bulk.apply', { metric: 'pendentes', count: 0 })).toBe('Definir pendentes em 0 filas');
    expect(pt.t('settings.bulk.apply', { metric: 'pendentes', count: 1 })).toBe('Definir pendentes em 1 fila');
    expect(createI18n('en').t('settings.bulk.apply', { metric: 'backlog', count: 0 })).toBe('Set backlog on 0 queues');
  });

  it('is ready at once, with no fetching', () => {
    expect(createI18n('nl').t('status.critical')).toBe('Kritiek');
    expect(createI18n('pt').t('tile.acknowledged', { name: 'Ana' })).toBe('Reconhecido por Ana');
  });
});
