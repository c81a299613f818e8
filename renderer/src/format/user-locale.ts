/**
 * The desk, the pin window and the settings pane are one person's screens, in English, listing queues of
 * several offices side by side: numbers follow that person's own locale (the browser's or the OS's), never
 * each office's, so a column reads one way ("1,671" above "1,570", not "1671" above "1.570"). The wall, a
 * floor's screen, keeps its office's locale.
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

/** This screen's: read once, as the language of a running browser does not change under a page. */
export const USER_LOCALE = userLocale();
