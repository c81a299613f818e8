import { contentSecurityPolicy } from '../../shared/security/content-security-policy';

/**
 * The policy for every page served from app://queueboard: the shared one, plus the gateway. socket.io
 * needs the gateway's http(s) origin for polling and its ws(s) form for the websocket.
 */
export function buildContentSecurityPolicy(gatewayUrl: string): string {
  const gateway = new URL(gatewayUrl);
  const socket = `${gateway.protocol === 'https:' ? 'wss:' : 'ws:'}//${gateway.host}`;
  return contentSecurityPolicy([gateway.origin, socket]);
}
