import { createInstance, type i18n as I18n } from 'i18next';
import { catalogueOptions, type Language } from '../../../shared/i18n/translator';

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
  return instance;
}
