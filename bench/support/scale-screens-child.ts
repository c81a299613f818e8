// A process holding many screens of the saturation benchmark, each a socket.io client subscribed as the wall
// subscribes (renderer/src/feed/feed-client.ts: WebSocket only, `client: 'wall'`, compact updates, anonymous
// from the gateway's own page, so with its Origin), from its own loopback source address (--local).
// Updates are not validated as the wall validates them: the screens must cost as little as they can, so that
// what saturates is the server. IPC in: { type: 'add', count, firstIndex } (screen i goes to urls[i % n]),
// { type: 'remove', count }, { type: 'stats', reset? }. IPC out: 'started', then 'stats' answers.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { LatencyCounter } from './scale-latency';
import { openFileLimit } from './scale-processes';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const urls = args.urls!.split(',');
// The wall's reconnection settings (HANDSHAKE_OPTIONS in renderer/src/feed/feed-client.ts): a dropped screen comes back as a wall would.
const HANDSHAKE_OPTIONS = { reconnection: true, reconnectionAttempts: Infinity, reconnectionDelay: 500, reconnectionDelayMax: 3000, randomizationFactor: 0.3, timeout: 5000 };

interface Screen {
  socket: Socket;
  server: number;
  /** Holds a snapshot from its current connection: what a wall needs before it draws. */
  live: boolean;
}

const screens: Screen[] = [];
const latency = new LatencyCounter();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let deliveries = new Array<number>(urls.length).fill(0);
let bytes = 0;
let drops = 0;

function open(index: number): Screen {
  const server = index % urls.length;
  const url = urls[server]!;
  const socket = io(url, {
    ...HANDSHAKE_OPTIONS,
    transports: ['websocket'],
    forceNew: true,
    auth: { protocol: PROTOCOL_VERSION, client: 'wall', encoding: 'compact' },
    extraHeaders: { origin: new URL(url).origin },
    localAddress: args.local,
  } as Parameters<typeof io>[1]);
  const screen: Screen = { socket, server, live: false };
  socket.io.on('open', () => socket.io.engine.on('message', (data: string | ArrayBuffer) => (bytes += typeof data === 'string' ? data.length : data.byteLength)));
  socket.on('snapshot', () => (screen.live = true));
  // The send time is the server's Date.now() when it built the update; the same host's clock reads it here.
  socket.on('update', (update: { t?: number; serverTime?: number }) => {
    latency.record(Date.now() - (update.t ?? update.serverTime ?? Number.NaN));
    deliveries[server] = deliveries[server]! + 1;
  });
  socket.on('disconnect', () => {
    if (screen.live) drops += 1;
    screen.live = false;
  });
  return screen;
}

/** Opens screens in small batches, as a floor of walls switching on does, rather than all in one instant. */
async function add(count: number, firstIndex: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    screens.push(open(firstIndex + i));
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function remove(count: number): void {
  for (const screen of screens.splice(Math.max(0, screens.length - count))) screen.socket.disconnect();
}

function stats(reset: boolean) {
  const answer = {
    type: 'stats',
    screens: screens.length,
    live: screens.filter((s) => s.live).length,
    drops,
    deliveries,
    bytes,
    latency: latency.buckets(),
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  };
  if (reset) {
    latency.reset();
    loopDelay.reset();
    deliveries = new Array<number>(urls.length).fill(0);
    bytes = 0;
    drops = 0;
  }
  return answer;
}

process.on('message', (message: { type: string; count?: number; firstIndex?: number; reset?: boolean }) => {
  if (message.type === 'add') void add(message.count!, message.firstIndex!).then(() => process.send!({ type: 'added' }));
  if (message.type === 'remove') {
    remove(message.count!);
    process.send!({ type: 'removed' });
  }
  if (message.type === 'stats') process.send!(stats(message.reset === true));
});
// The benchmark has gone (ended, failed or killed): so do its screens.
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));
process.send!({ type: 'started', openFiles: openFileLimit() });
