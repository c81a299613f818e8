import type { IncomingMessage } from 'node:http';
import type { ClientAddress } from '../auth/client-address';
import type { OriginVerdict } from '../auth/origin-policy';
import type { RefusalLog } from '../runtime/refusal-log';
import { increment, type GatewayStats } from '../runtime/stats';

export interface AdmissionOptions {
  origin: (request: IncomingMessage) => OriginVerdict;
  clientAddress: ClientAddress;
  maxConnectionsPerAddress: number;
  refusals: RefusalLog;
  stats: GatewayStats;
}

interface EngineConnection {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): void;
}

/**
 * Who may open a socket at all, decided before a byte of the floor is sent (socket.io's `allowRequest`):
 * a page from an origin not allowed, and an address already holding its cap of open sockets, are refused.
 * Sockets being opened count too, so a burst of handshakes cannot slip past the cap.
 */
export function createAdmission(options: AdmissionOptions) {
  const open = new Map<string, number>();
  /** Handshakes allowed and not yet open, with the function that gives their place back. */
  const opening = new Map<IncomingMessage, { address: string; giveBack: () => void }>();
  const change = (address: string, by: number) => {
    const count = (open.get(address) ?? 0) + by;
    if (count > 0) open.set(address, count);
    else open.delete(address);
  };

  return {
    origin: options.origin,
    allowRequest(request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void {
      const address = options.clientAddress(request);
      const origin = options.origin(request);
      if (!origin.ok) return refuse(address, origin.code, origin.message, callback);
      if ((open.get(address) ?? 0) >= options.maxConnectionsPerAddress) {
        const message = `This address already has ${options.maxConnectionsPerAddress} open connections: close some, or raise limits.connectionsPerAddress in the gateway's configuration.`;
        return refuse(address, 'too-many-connections', message, callback);
      }
      // A handshake can die without engine.io saying so (a bad WebSocket key, a client gone mid-upgrade):
      // its TCP socket closing gives the place back, so such failures cannot use up an address's cap.
      const giveBack = () => settle(request, false);
      opening.set(request, { address, giveBack });
      request.socket.once('close', giveBack);
      change(address, 1);
      callback(null, true);
    },
    /** engine.io's `connection`: the socket opened is counted until it closes. */
    opened(connection: EngineConnection): void {
      const address = settle(connection.request, true);
      if (address !== null) connection.once('close', () => change(address, -1));
    },
    /** engine.io's `connection_error`: a handshake allowed but never completed gives its place back. */
    failed(request: IncomingMessage): void {
      settle(request, false);
    },
  };

  /** Ends a handshake's wait: opened, it keeps its place (returns its address); failed, it gives it back. */
  function settle(request: IncomingMessage, opened: boolean): string | null {
    const pending = opening.get(request);
    if (!pending) return null;
    opening.delete(request);
    request.socket.off('close', pending.giveBack);
    if (!opened) change(pending.address, -1);
    return pending.address;
  }

  function refuse(address: string, code: string, message: string, callback: (error: string, success: boolean) => void): void {
    increment(options.stats.refusedHandshakes, code);
    options.refusals.note(address, code, message);
    callback(`${code}: ${message}`, false);
  }
}
