// A process holding many screens of the saturation benchmark, each a socket.io client subscribed as the wall
// subscribes (renderer/src/feed/feed-client.ts: WebSocket only, `client: 'wall'`, compact updates, anonymous
// from the gateway's own page, so with its Origin), from its own loopback source address (--local).
// Updates are neither validated as the wall validates them nor even parsed past their send time
// (bench/support/scale-parser.ts): the screens must cost as little as they can, so that what saturates is the server. IPC in: { type: 'add', count, firstIndex } (screen i goes to urls[i % n]),
// { type: 'remove', count }, { type: 'stats', reset? }. IPC out: 'started', then 'stats' answers.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { LatencyCounter } from './scale-latency';
import { sendTimeParser } from './scale-parser';
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
  /** Has had a snapshot at least once (until then it counts as opening). */
  welcomed: boolean;
}

const screens: Screen[] = [];
const latency = new LatencyCounter();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let deliveries = new Array<number>(urls.length).fill(0);
let bytes = 0;
let drops = 0;
/** By update (its send time): when the first and the last screen of this process received it, ms after that time. */
let bursts = new Map<number, [number, number]>();
const MAX_OPENING = 50;
const OPENING_PATIENCE_MS = 5000;
/** Screens opened that have not yet had their first snapshot, and when one last had it. */
let opening = 0;
let lastWelcomeAt = 0;
/** Why live screens lost their connection: socket.io's disconnect reasons. */
let dropReasons: Record<string, number> = {};

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
    parser: sendTimeParser,
  } as Parameters<typeof io>[1]);
  const screen: Screen = { socket, server, live: false, welcomed: false };
  opening += 1;
  socket.io.on('open', () => socket.io.engine.on('message', (data: string | ArrayBuffer) => (bytes += typeof data === 'string' ? data.length : data.byteLength)));
  socket.on('snapshot', () => {
    screen.live = true;
    if (!screen.welcomed) opening -= 1;
    screen.welcomed = true;
    lastWelcomeAt = Date.now();
  });
  // The send time is the server's Date.now() when it built the update; the same host's clock reads it here.
  socket.on('update', (update: { t?: number; serverTime?: number }) => {
    const sent = update.t ?? update.serverTime ?? Number.NaN;
    const took = Date.now() - sent;
    latency.record(took);
    const burst = bursts.get(sent);
    if (burst) burst[1] = took;
    else bursts.set(sent, [took, took]);
    deliveries[server] = deliveries[server]! + 1;
  });
  socket.on('disconnect', (reason) => {
    if (screen.live) {
      drops += 1;
      dropReasons[reason] = (dropReasons[reason] ?? 0) + 1;
    }
    screen.live = false;
  });
  return screen;
}

/**
 * Opens screens as fast as the server welcomes them, never more than MAX_OPENING at a time waiting for their
 * snapshot: a floor of walls switching on, not a storm that measures the server's connect path instead of its
 * fan-out. A server that welcomes nobody for OPENING_PATIENCE_MS holds back no more: the rest open at once.
 */
async function add(count: number, firstIndex: number): Promise<void> {
  const startedAt = Date.now();
  const patient = () => Date.now() - Math.max(startedAt, lastWelcomeAt) < OPENING_PATIENCE_MS;
  for (let i = 0; i < count; i++) {
    while (opening >= MAX_OPENING && patient()) await new Promise((resolve) => setTimeout(resolve, 10));
    screens.push(open(firstIndex + i));
  }
}

function remove(count: number): void {
  for (const screen of screens.splice(Math.max(0, screens.length - count))) {
    if (!screen.welcomed) opening -= 1;
    screen.socket.disconnect();
  }
}

function stats(reset: boolean) {
  const answer = {
    type: 'stats',
    screens: screens.length,
    live: screens.filter((s) => s.live).length,
    liveByServer: urls.map((_, i) => screens.filter((s) => s.live && s.server === i).length),
    drops,
    dropReasons,
    deliveries,
    bytes,
    latency: latency.buckets(),
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    bursts: [...bursts],
  };
  if (reset) {
    latency.reset();
    loopDelay.reset();
    deliveries = new Array<number>(urls.length).fill(0);
    bytes = 0;
    bursts = new Map();
    drops = 0;
    dropReasons = {};
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
