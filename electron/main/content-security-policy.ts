/**
 * The policy for every page served from app://queueboard. The page talks to nothing but itself and
 * the gateway: socket.io needs the gateway's http(s) origin for polling and its ws(s) form for the
 * websocket.
 */
export function buildContentSecurityPolicy(gatewayUrl: string): string {
  const gateway = new URL(gatewayUrl);
  const socket = `${gateway.protocol === 'https:' ? 'wss:' : 'ws:'}//${gateway.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${gateway.origin} ${socket}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
