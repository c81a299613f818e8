/**
 * The renderer is served from `app://queueboard/` (see app-protocol.ts). Node's URL parser gives
 * non-special schemes an opaque origin ("null"), so origin checks compare scheme and host instead.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'queueboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own page: `app://queueboard/…`, with no port and no credentials. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
