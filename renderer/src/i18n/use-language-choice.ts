import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { findAppSettingsBridge } from '../app-settings/app-settings-bridge';
import { localeFor } from '../format/user-locale';
import { languageOf, type Language } from './i18n';
import { appLanguageSetting, LANGUAGE_STORAGE_KEY, readStoredLanguage, storeLanguage } from './user-language';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The language and number locale of a person's own screen (desk, pin window, settings), for its components. */
export function useUserLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language ?? 'en');
  return { language, locale: localeFor(language) };
}

/**
 * For containers: the language shown, and `choose` to change it. A choice is remembered in this browser and,
 * in the app, in its `language` setting (which the next start reads first); other windows of the same person
 * (the pin window, another tab) follow it through the storage event.
 */
export function useLanguageChoice(): { language: Language; locale: string; choose: (language: Language) => void } {
  const { i18n } = useTranslation();
  const { language, locale } = useUserLocale();
  const choose = useCallback(
    (next: Language) => {
      void i18n.changeLanguage(next);
      storeLanguage(storage(), next);
      const bridge = findAppSettingsBridge(window);
      if (!bridge) return;
      bridge.saveSettings({ language: appLanguageSetting(next) }).then(
        (result) => !result.ok && console.warn(`The app did not keep the language: ${result.issues.join('; ')}`),
        (error: unknown) => console.warn(`The app did not keep the language: ${String(error)}`),
      );
    },
    [i18n],
  );
  useEffect(() => {
    const follow = (event: StorageEvent) => {
      if (event.key !== LANGUAGE_STORAGE_KEY) return;
      const stored = readStoredLanguage(storage());
      if (stored) void i18n.changeLanguage(stored);
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [i18n]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return { language, locale, choose };
}
