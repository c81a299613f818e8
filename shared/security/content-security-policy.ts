/**
 * The one content-security policy of every Queueboard page: the gateway's web pages and the app's
 * app://queueboard pages. Scripts, styles and fonts come from the page's own origin only, nothing is
 * inlined, evaluated, framed or embedded. The only difference between the two is where the page may
 * connect: the gateway's pages talk to their own origin; the app's also to the gateway it was given.
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
