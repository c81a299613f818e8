import { languageFromSearch, type Language } from '../i18n/i18n';

export interface DisplayOptions {
  /** `?lang=en|pt|nl`: overrides the office's language; null follows the office. */
  language: Language | null;
  /** `?chime=1`: a short tone when a queue turns critical. Off by default: a floor has enough noise. */
  chime: boolean;
  /** `?pageSeconds=N` (5–600, default 20): how long each page shows when the wall pages. */
  pageMs: number;
}

/** How this screen looks, from its address; the same in a browser and in Electron (app://…?lang=nl). */
export function readDisplayOptions(search: string): DisplayOptions {
  const params = new URLSearchParams(search);
  const seconds = Number(params.get('pageSeconds'));
  return {
    language: languageFromSearch(search),
    chime: params.get('chime') === '1',
    pageMs: Number.isInteger(seconds) && seconds >= 5 && seconds <= 600 ? seconds * 1000 : 20_000,
  };
}
