import { createInstance, type i18n as I18n } from 'i18next';
import { catalogueOptions, LANGUAGE_LOCALES, type Language } from '../../../shared/i18n/translator';

// The languages and the locale → language rule live once, in shared/ (main's tray speaks them too).
export { LANGUAGE_LOCALES as LANGUAGES, languageOf, type Language } from '../../../shared/i18n/translator';
export const LANGUAGE_ORDER: readonly Language[] = ['en', 'pt', 'nl'];

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
  void instance.init(catalogueOptions(language));
  // i18next takes plural rules from the language code, and 'pt' has Brazil's (0 is singular: "0 fila"); the
  // screens speak pt-PT ("0 filas"), so plurals follow each language's own locale.
  const resolver = instance.services.pluralResolver as { getRule: (code: string, options?: object) => Intl.PluralRules | undefined };
  const ruleOf = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => ruleOf(LANGUAGE_LOCALES[code as Language] ?? code, options);
  return instance;
}

/** Each language by its own name, so a person finds theirs whatever the screen shows now. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', pt: 'Português', nl: 'Nederlands' };
