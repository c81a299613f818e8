// socket.io's own parser for the saturation benchmark's screens, except for updates: of those it reads only the
// send time. Every screen of a real floor parses on a device of its own; here thousands share a process, whose
// turn through a burst of updates (one per screen, all at once) would otherwise be what the p99 measures.
import { Decoder, Encoder, PacketType, protocol } from 'socket.io-parser';

/** An update event on the main namespace without acknowledgement, in the compact form (`t` comes first). */
const COMPACT_UPDATE = `${PacketType.EVENT}["update",{"t":`;

class SendTimeDecoder extends Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === 'string' && chunk.startsWith(COMPACT_UPDATE)) {
      const t = Number.parseInt(chunk.slice(COMPACT_UPDATE.length, COMPACT_UPDATE.length + 20), 10);
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['update', { t }] });
      return;
    }
    super.add(chunk);
  }
}

/** For socket.io-client's `parser` option. */
export const sendTimeParser = { protocol, Encoder, Decoder: SendTimeDecoder };
