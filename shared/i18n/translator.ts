import { createInstance } from 'i18next';
import { en } from './en';
import { nl } from './nl';
import { pt } from './pt';

/** The languages Queueboard speaks, by the locale used for numbers and times (Intl) in that language. */
export const LANGUAGE_LOCALES = { en: 'en-GB', pt: 'pt-PT', nl: 'nl-NL' } as const;
export type Language = keyof typeof LANGUAGE_LOCALES;

/** The language for a BCP 47 tag (a setting, the OS locale): its primary language when spoken, else English. */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(LANGUAGE_LOCALES, primary) ? (primary as Language) : 'en';
}

/** i18next's options for the bundled catalogue: the renderer (React) and createTranslator below start from these. */
export function catalogueOptions(language: Language) {
  return {
    resources: { en: { translation: en }, pt: { translation: pt }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text already; the tray, notifications and dialogs are plain text, not HTML.
    interpolation: { escapeValue: false },
  } as const;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Words for a person before they are put in a language: a catalogue key, its values, maybe messages inside. */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number | Message>>;
}

/** Text for a person in one language, from the catalogue (shared/i18n/{en,pt,nl}.ts). */
export interface Translator {
  readonly language: Language;
  /** BCP 47 locale for Intl in this language, e.g. pt-PT. */
  readonly locale: string;
  /** `{{x}}` interpolation; with a numeric `count`, the `_one` / `_other` form (Intl.PluralRules). */
  t(key: string, params?: MessageParams): string;
  /** A message in this language; a value that is a message (a noun inside a sentence) is translated first. */
  say(message: Message): string;
  /** A list of short items the way this language writes it: "2 críticas, 1 em aviso e 3 desatualizadas". */
  list(items: readonly string[]): string;
}

/**
 * A translator for runtimes without React (Electron main, the browser notifier): i18next's core with the
 * bundled catalogue, nothing fetched. A key missing in pt or nl falls back to English (a test guards
 * that none is missing); a key missing everywhere comes out as the key, never as an empty string.
 */
export function createTranslator(language: Language): Translator {
  const i18n = createInstance();
  // Keyed by the full locale, so plurals follow pt-PT (0 takes the plural form), not pt's (0 is "one").
  const locale = LANGUAGE_LOCALES[language];
  const options = catalogueOptions(language);
  void i18n.init({
    ...options,
    resources: { [locale]: options.resources[language], 'en-GB': options.resources.en },
    lng: locale,
    fallbackLng: 'en-GB',
  });
  const listFormat = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  const t = (key: string, params?: MessageParams) => i18n.t(key, params ?? {});
  const say = (message: Message): string =>
    t(message.key, Object.fromEntries(Object.entries(message.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? say(value) : value])));
  return { language, locale, t, say, list: (items) => listFormat.format(items) };
}
