import { createTranslator, languageOf, type Translator } from '../../shared/i18n/translator';

/**
 * The words main shows (tray, notifications, dialogs, window titles): in the app settings' language, or,
 * when that is not set (null: follow the office), in the system's, since main does not know the office.
 */
export function mainTranslator(settingsLanguage: string | null, systemLocales: readonly string[]): Translator {
  return createTranslator(languageOf(settingsLanguage ?? systemLocales[0]));
}
