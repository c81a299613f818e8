import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { createI18n, languageOf } from './i18n';
import { nl } from '../../../shared/i18n/nl';
import { pt } from '../../../shared/i18n/pt';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[0].replace(/\s/g, '')).sort();

describe('translations', () => {
  it('Portuguese and Dutch have every English key, with the same placeholders', () => {
    const lookup = (messages: unknown, key: string) => key.split('.').reduce((o: never, k) => o?.[k], messages as never) as unknown as string;
    for (const messages of [pt, nl]) {
      expect(keys(messages)).toEqual(keys(en));
      for (const key of keys(en)) expect(placeholders(lookup(messages, key)), key).toEqual(placeholders(lookup(en, key)));
    }
  });

  it('maps locales to the wall languages, English for the rest', () => {
    expect(['pt-PT', 'pt-BR', 'nl-NL', 'nl-BE', 'en-GB', 'de-DE', 'PT'].map(languageOf)).toEqual(['pt', 'pt', 'nl', 'nl', 'en', 'en', 'pt']);
  });

  it('is ready at once, with no fetching', () => {
    expect(createI18n('nl').t('status.critical')).toBe('Kritiek');
    expect(createI18n('pt').t('tile.acknowledged', { name: 'Ana' })).toBe('Reconhecido por Ana');
  });
});
