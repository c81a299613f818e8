/**
 * How much a connection has queued and not yet handed to the network: engine.io's write buffer (packets
 * waiting for the transport) plus, on a WebSocket, what `ws` and the TCP socket hold. A screen that stops
 * reading (a frozen renderer, a half-dead network) makes this grow with every update; nothing else bounds
 * it until the ping timeout, 45 s later.
 */
interface EngineConnection {
  writeBuffer?: ReadonlyArray<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
}

export function bufferedBytes(connection: unknown): number {
  const conn = connection as EngineConnection;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) bytes += sizeOf(packet.data);
  return bytes;
}

/**
 * Drops a connection at once, whatever it still has queued: engine.io's own close would wait for the
 * queue to drain, which a reader that stopped reading never lets happen.
 */
export function terminate(connection: unknown): void {
  (connection as EngineConnection).transport?.socket?.terminate?.();
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
