import { LANGUAGES, languageOf, type Language } from '../i18n/i18n';

/**
 * The desk, the pin window and the settings pane are one person's screens, listing queues of several offices
 * side by side: numbers and times follow that person's own locale (the browser's or the OS's), never each
 * office's, so a column reads one way ("1,671" above "1,570", not "1671" above "1.570"). The wall, a floor's
 * screen, keeps its office's locale.
 */
export function userLocale(nav: { language?: string } | undefined = globalThis.navigator): string {
  const language = nav?.language;
  if (!language) return 'en-GB';
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/**
 * The locale for a person who chose `language`: their browser's own when it is that language (en-US stays
 * en-US, pt-BR stays pt-BR), else the language's home locale (Dutch chosen on an English browser: nl-NL).
 */
export function localeFor(language: Language, nav: { language?: string } | undefined = globalThis.navigator): string {
  const own = userLocale(nav);
  return nav?.language && languageOf(own) === language ? own : LANGUAGES[language];
}
