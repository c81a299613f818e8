import { LANGUAGE_ORDER, languageFromSearch, languageOf, LANGUAGES, type Language } from './i18n';

/** Where a person's own screens (desk, pin window, settings) keep the language they chose. */
export const LANGUAGE_STORAGE_KEY = 'queueboard.language';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function readStoredLanguage(storage: KeyValueStore | null): Language | null {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    return (LANGUAGE_ORDER as readonly string[]).includes(stored ?? '') ? (stored as Language) : null;
  } catch {
    return null;
  }
}

/** Remembers the choice; a browser that refuses storage (private mode, quota) keeps it for this page only. */
export function storeLanguage(storage: KeyValueStore | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Nothing a person could do about it here: the language still changes on this page.
  }
}

/** The first of the browser's preferred languages the screens speak, English when none. */
export function browserLanguage(languages: readonly string[] | undefined): Language {
  for (const tag of languages ?? []) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if ((LANGUAGE_ORDER as readonly string[]).includes(primary)) return primary as Language;
  }
  return 'en';
}

export interface StartLanguageInputs {
  /** The address (`?lang=pt`): a link that asks for a language gets it. */
  search: string;
  /** The Electron app's `language` setting (e.g. "pt-PT"), null in a browser or when unset. */
  appLanguage: string | null;
  stored: Language | null;
  browserLanguages: readonly string[] | undefined;
}

/** A person's screen starts in: the address's language, the app's setting, the remembered choice, the browser's. */
export function startLanguage({ search, appLanguage, stored, browserLanguages }: StartLanguageInputs): Language {
  return languageFromSearch(search) ?? (appLanguage ? languageOf(appLanguage) : null) ?? stored ?? browserLanguage(browserLanguages);
}

/** The app setting's value for a language: its home locale, as the app settings pane offers it. */
export const appLanguageSetting = (language: Language): string => (language === 'en' ? 'en' : LANGUAGES[language]);
