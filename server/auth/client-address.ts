import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** The address a request comes from, as failure limits and connection caps count it. */
export type ClientAddress = (request: IncomingMessage) => string;

/**
 * The peer's own address, unless it is a trusted proxy: then the nearest untrusted address in
 * X-Forwarded-For (proxy-addr walks the header from the right, so a client cannot forge past its proxy).
 * With no trusted proxies the header is ignored altogether.
 */
export function createClientAddress(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trust = proxyaddr.compile([...trustedProxies]);
  return (request) => proxyaddr(request, trust);
}

/** Why a trusted-proxy entry is not an address, a CIDR range or a proxy-addr name; null if it is one. */
export function trustedProxyProblem(entry: string): string | null {
  try {
    proxyaddr.compile(entry);
    return null;
  } catch (error) {
    return `${(error as Error).message}: use an address (10.0.0.5), a range (10.0.0.0/8) or loopback, linklocal, uniquelocal`;
  }
}
