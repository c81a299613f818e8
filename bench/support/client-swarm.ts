// A process holding many socket.io screens to one server (loopback), counting what each receives.
// Args: --url --count [--reconnect=1] [--encoding=compact|json] (compact, as the renderer's screens ask). IPC: { type: 'stats' } → counts; { type: 'reset' } zeroes them.
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const count = Number(args.count);
const reconnect = args.reconnect === '1';
const encoding = args.encoding ?? 'compact';
// The wall's reconnection settings (renderer/src/feed/feed-client.ts, HANDSHAKE_OPTIONS): recovery is timed with them.
const HANDSHAKE_OPTIONS = { reconnectionAttempts: Infinity, reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5, timeout: 5000 };

let updates = 0;
let bytes = 0;
let snapshots = 0;
/** Per revision of thresholds: when each screen received it (epoch ms, fractional). */
let thresholdsAt = new Map<number, number[]>();
/** Per broadcast id: when each screen first held it (the `broadcasts` event lists every one not yet ended). */
let broadcastsAt = new Map<string, number[]>();
/** When each screen last received a snapshot (a screen is live again once it has one). */
const liveAt: number[] = new Array(count).fill(0);
const sockets: Socket[] = [];
const now = () => performance.timeOrigin + performance.now();

for (let i = 0; i < count; i++) {
  const socket = io(args.url!, {
    ...HANDSHAKE_OPTIONS,
    reconnection: reconnect,
    auth: { protocol: PROTOCOL_VERSION, client: 'wall', encoding },
    transports: ['websocket'],
    forceNew: true,
    // As a wall opened from the gateway's own page: anonymous screens need its Origin.
    extraHeaders: { origin: new URL(args.url!).origin },
  });
  socket.io.on('open', () => socket.io.engine.on('message', (data: string | ArrayBuffer) => (bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)));
  socket.on('update', () => (updates += 1));
  socket.on('snapshot', () => {
    snapshots += 1;
    liveAt[i] = now();
  });
  socket.on('thresholds', (state: { revision: number }) => {
    const list = thresholdsAt.get(state.revision) ?? [];
    list.push(now());
    thresholdsAt.set(state.revision, list);
  });
  const heldBroadcasts = new Set<string>();
  socket.on('broadcasts', (list: { broadcasts: { id: string }[] }) => {
    for (const { id } of list.broadcasts) {
      if (heldBroadcasts.has(id)) continue;
      heldBroadcasts.add(id);
      broadcastsAt.set(id, [...(broadcastsAt.get(id) ?? []), now()]);
    }
  });
  sockets.push(socket);
  // Connect in small steps, as screens on a floor do, rather than all in one instant.
  if (i % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 20));
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    updates = 0;
    bytes = 0;
    snapshots = 0;
    thresholdsAt = new Map();
    broadcastsAt = new Map();
  }
  if (message.type === 'stats' || message.type === 'reset') {
    process.send!({
      type: 'stats',
      connected: sockets.filter((s) => s.connected).length,
      updates,
      bytes,
      snapshots,
      thresholdsAt: [...thresholdsAt.entries()],
      broadcastsAt: [...broadcastsAt.entries()],
      liveAt,
    });
  }
});
process.once('disconnect', () => {
  for (const socket of sockets) socket.disconnect();
  process.exit(0);
});
process.send!({ type: 'started' });
