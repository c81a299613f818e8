/**
 * How much a connection has queued and not yet handed to the network: engine.io's write buffer (packets
 * waiting for the transport) plus, on a WebSocket, what `ws` and the TCP socket hold. A screen that stops
 * reading (a frozen renderer, a half-dead network) makes this grow with every message; nothing else bounds
 * it until the ping timeout, 45 s later.
 */
/** Marks a packet the guard counted, with the bytes it counted: a property, not a WeakSet, because the check runs for every packet to every screen. */
const COUNTED = Symbol('queueboard.sendGuard.counted');

interface EnginePacket {
  data?: unknown;
  [COUNTED]?: number;
}
interface EngineConnection {
  writeBuffer?: readonly EnginePacket[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): void;
  on(event: 'flush', listener: (packets: readonly EnginePacket[]) => void): void;
}

/**
 * What one waiting engine.io packet holds besides its payload (the packet and options objects, the send
 * guard's bookkeeping), counted so that the allowance bounds memory, not only payload. Measured on Node 20
 * (tests/faults/slow-consumer.test.ts): ~150 bytes in one heap layout and ~700 in another, depending on what
 * ran before (the test alone saw the second: 10.9 MB held for a 4 MiB allowance at 256); the larger, with
 * margin, so a 35-byte heartbeat counts ~1,060 bytes.
 */
export const PACKET_OVERHEAD_BYTES = 1024;

export function bufferedBytes(connection: unknown): number {
  const conn = connection as EngineConnection;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) bytes += costOf(packet);
  return bytes;
}

/** A connection's send allowance, checked as each packet is created. */
export interface SendGuard {
  /** Bytes queued and unsent now (the guard's own count: constant time, whatever the queue's length). */
  queued(): number;
}

/**
 * Checks every packet the gateway writes to one connection, whatever sent it (a broadcast, a heartbeat,
 * the snapshot, an acknowledgement's answer, a ping): engine.io's `packetCreate` is the one place all of
 * them pass. A packet that would take the queue past `limit` calls `onOver` (which drops the connection)
 * instead of counting it, so what the gateway holds for a reader that stopped reading stays within `limit`.
 * The waiting packets are counted as they are created and uncounted as engine.io flushes them, so the
 * check does not walk a queue of thousands of heartbeats.
 */
export function guardSends(connection: unknown, limit: number, onOver: (queued: number, packetBytes: number) => void): SendGuard {
  const conn = connection as EngineConnection;
  let waiting = 0;
  let over = false;
  const queued = () => waiting + (conn.transport?.socket?.bufferedAmount ?? 0);
  conn.on('packetCreate', (packet) => {
    if (over) return;
    const bytes = costOf(packet);
    const now = queued();
    if (now + bytes > limit) {
      over = true;
      onOver(now, bytes);
      return;
    }
    packet[COUNTED] = bytes;
    waiting += bytes;
  });
  conn.on('flush', (packets) => {
    // Packets queued before the guard was attached (the handshake) carry no mark and were never counted;
    // the mark is cleared so a packet flushed twice is uncounted once.
    for (const packet of packets) {
      const bytes = packet[COUNTED];
      if (bytes === undefined) continue;
      waiting -= bytes;
      packet[COUNTED] = undefined;
    }
  });
  return { queued };
}

/**
 * Drops a connection at once, whatever it still has queued: engine.io's own close would wait for the
 * queue to drain, which a reader that stopped reading never lets happen.
 */
export function terminate(connection: unknown): void {
  (connection as EngineConnection).transport?.socket?.terminate?.();
}

function costOf(packet: EnginePacket): number {
  return sizeOf(packet.data) + PACKET_OVERHEAD_BYTES;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
