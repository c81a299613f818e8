import { createInstance, type i18n as I18n } from 'i18next';
import { en } from '../../../shared/i18n/en';
import { nl } from '../../../shared/i18n/nl';
import { pt } from '../../../shared/i18n/pt';

/** The wall's languages, by the locale used for numbers and times (Intl) when that language is chosen. */
export const LANGUAGES = { en: 'en-GB', pt: 'pt-PT', nl: 'nl-NL' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_ORDER: readonly Language[] = ['en', 'pt', 'nl'];

/** The wall language for a BCP 47 locale: its language when the wall speaks it, English otherwise. */
export function languageOf(locale: string): Language {
  const primary = locale.toLowerCase().split('-')[0];
  return (LANGUAGE_ORDER as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}

/** `?lang=pt` (or `pt-PT`): the language asked for in the address, or null. */
export function languageFromSearch(search: string): Language | null {
  const primary = new URLSearchParams(search).get('lang')?.toLowerCase().split('-')[0] ?? '';
  return (LANGUAGE_ORDER as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/**
 * An i18next instance, ready at once: the resources are bundled, nothing is fetched (strict CSP). Give it
 * to React with I18nextProvider; nothing global is set.
 */
export function createI18n(language: Language = 'en'): I18n {
  const instance = createInstance();
  void instance.init({
    resources: { en: { translation: en }, pt: { translation: pt }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text already.
    interpolation: { escapeValue: false },
  });
  // i18next takes plural rules from the language code, and 'pt' has Brazil's (0 is singular: "0 fila"); the
  // screens speak pt-PT ("0 filas"), so plurals follow each language's own locale.
  const resolver = instance.services.pluralResolver as { getRule: (code: string, options?: object) => Intl.PluralRules | undefined };
  const ruleOf = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => ruleOf(LANGUAGES[code as Language] ?? code, options);
  return instance;
}

/** Each language by its own name, so a person finds theirs whatever the screen shows now. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', pt: 'Português', nl: 'Nederlands' };
