/**
 * Several gateways (a cluster without a load balancer in front): a screen is given their addresses and,
 * whenever it must reconnect, tries the next one, so a screen whose gateway died finds a live one within
 * a retry or two. Screens speak WebSocket only (HANDSHAKE_OPTIONS), so no gateway needs sticky sessions.
 */

/**
 * The part of socket.io-client's Manager that decides where the next attempt goes: its `uri`, read at every
 * open. It is private in the Manager's types (there is no public setter); tests/cluster/ checks it on the real client.
 */
export interface ReconnectingManager {
  uri: string;
  on(event: 'reconnect_attempt', listener: () => void): unknown;
}

/**
 * The addresses a page should use: its own gateway first, then each valid http(s) origin of `?gateways=`
 * (comma-separated), each once. Anything else in the list is left out: it could not be connected to.
 */
export function gatewayAddresses(first: string, search: string): string[] {
  const listed = (new URLSearchParams(search).get('gateways') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const origins = listed.flatMap((entry) => {
    try {
      const url = new URL(entry);
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.origin] : [];
    } catch {
      return [];
    }
  });
  return [...new Set([first, ...origins])];
}

/** Each reconnection attempt goes to the next address in turn (round the list). One address: nothing changes. */
export function rotateGateways(manager: ReconnectingManager, addresses: readonly string[]): void {
  if (addresses.length < 2) return;
  let index = Math.max(0, addresses.indexOf(manager.uri));
  manager.on('reconnect_attempt', () => {
    index = (index + 1) % addresses.length;
    manager.uri = addresses[index]!;
  });
}
