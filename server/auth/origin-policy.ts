import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ELECTRON_APP_ORIGIN } from '../runtime/settings';

export type OriginVerdict =
  /** `browser`: the request came from a page (an allowed origin, or the gateway's own page); `script`: no page at all. */
  | { ok: true; from: 'browser' | 'script' }
  | { ok: false; code: 'origin-not-allowed'; origin: string; message: string };

/**
 * Which web pages may talk to the gateway: its own (served at `/`), the Electron app and the configured
 * origins (the app's is always allowed). Browsers always send Origin on WebSocket upgrades and cross-origin requests, so a page elsewhere
 * is refused whatever it does; a same-origin GET carries no Origin but says `Sec-Fetch-Site: same-origin`.
 * A request with neither comes from a script or a server, which the callers ask for a credential.
 */
export function createOriginPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set([ELECTRON_APP_ORIGIN, ...allowedOrigins]);
  return function check(request: IncomingMessage): OriginVerdict {
    const origin = request.headers.origin;
    if (origin === undefined) {
      const site = request.headers['sec-fetch-site'];
      if (site === undefined) return { ok: true, from: 'script' };
      if (site === 'same-origin') return { ok: true, from: 'browser' };
      return refuse(`(none, from a ${site} page)`);
    }
    if (allowed.has(origin) || origin === ownOrigin(request)) return { ok: true, from: 'browser' };
    return refuse(origin);
  };
}

function refuse(origin: string): OriginVerdict {
  return {
    ok: false,
    code: 'origin-not-allowed',
    origin,
    message: `Pages from origin ${origin} may not use this gateway: if it is yours, add it to QUEUEBOARD_ALLOWED_ORIGINS (comma-separated origins such as https://wall.example:8443).`,
  };
}

/** The origin of the gateway as the client reached it, from the Host header and the connection. */
function ownOrigin(request: IncomingMessage): string | null {
  const host = request.headers.host;
  if (!host) return null;
  return `${(request.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}`;
}
