// One server of the saturation benchmark, in a process of its own (its CPU measured apart from the screens):
//   --kind=gateway  the real gateway, 300 synthetic queues with a reading each second (bench/support/synthetic.ts);
//                   with --redis it joins a cluster as `npm run cluster` starts one (Redis Streams adapter, lease)
//   --kind=bare     socket.io and nothing else, replaying recorded gateway updates (--replay, --intervalMs) with
//                   the send time stamped; with --redis on the same adapter, set up as the gateway sets it up;
//                   --emit=0 for the bare cluster's other members, which only deliver what the first sends
// Prints "LISTENING <url>"; answers IPC { type: 'usage' } with its CPU time and the updates' fan-outs since, { type: 'evaluating' }, and
// { type: 'profile-start' } / { type: 'profile-stop', file } (a CPU profile of this process, through the inspector).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { connectClusterLink, type ClusterLink } from '../../server/cluster/redis-link';
import { createGateway } from '../../server/gateway';
import { systemClock, systemScheduler } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { openFileLimit } from './scale-processes';
import { ReadingSource, syntheticConfig } from './synthetic';
import type { Recording } from './recording';

/**
 * Each update's fan-out on this server, timed where socket.io's adapter writes it to the local sockets (the same
 * call for the gateway and for bare socket.io): its wall time and this process's CPU time over it. Far apart, and
 * the burst waited for a core; the screens' send→receive cannot be shorter than the wall time.
 */
const bursts: Array<{ wallMs: number; cpuMs: number }> = [];
const adapter = (createRequire(import.meta.url)('socket.io-adapter') as { Adapter: { prototype: { broadcast(packet: { data?: unknown[] }, opts: unknown): void } } }).Adapter.prototype;
const broadcast = adapter.broadcast;
adapter.broadcast = function timedBroadcast(this: unknown, packet, opts) {
  if (packet.data?.[0] !== 'update') return broadcast.call(this, packet, opts);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  broadcast.call(this, packet, opts);
  const used = process.cpuUsage(cpu);
  bursts.push({ wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 });
};

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const link: ClusterLink | null = args.redis ? await connectClusterLink(args.redis, silentLogger) : null;
let evaluating = (): boolean => true;
let close: () => Promise<void>;

if (args.kind === 'bare') {
  close = await startBare(JSON.parse(readFileSync(args.replay!, 'utf8')) as Recording, Number(args.intervalMs), args.emit !== '0');
} else {
  const chosen = syntheticConfig(Number(args.queues ?? 300));
  // Every simulated screen connects from loopback: the per-address cap would refuse all past the 50th.
  const config = { ...chosen, limits: { ...chosen.limits, connectionsPerAddress: 1_000_000 } };
  const gateway = createGateway({
    config,
    sources: [new ReadingSource(config.queues.map((q) => q.id), systemClock)],
    clock: systemClock,
    scheduler: systemScheduler,
    logger: silentLogger,
    store: null,
    rendererDir: 'dist/renderer',
    // As server/index.ts does: a gateway that lost the lease while evaluating stops (a supervisor would restart it).
    cluster: link && {
      link,
      holder: `scale-bench:${process.pid}`,
      leaseLost: (reason) => {
        process.stderr.write(`lost the lease while evaluating (${reason}): stopping, as a gateway does\n`);
        process.exit(75);
      },
    },
  });
  evaluating = () => gateway.evaluating;
  const address = await gateway.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port} files=${openFileLimit() ?? 'unknown'}\n`);
  close = () => gateway.close();
}

const inspector = new Session();
process.on('message', (message: { type: string; file?: string }) => {
  if (message.type === 'usage') process.send!({ type: 'usage', cpu: process.cpuUsage(), at: Date.now(), bursts: bursts.splice(0) });
  if (message.type === 'evaluating') process.send!({ type: 'evaluating', evaluating: evaluating() });
  if (message.type === 'profile-start') void profileStart().then(() => process.send!({ type: message.type }));
  if (message.type === 'profile-stop') void profileStop(message.file!).then(() => process.send!({ type: message.type }));
});

async function profileStart(): Promise<void> {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}

async function profileStop(file: string): Promise<void> {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  inspector.disconnect();
}
const stop = () => void close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);

/** socket.io alone: the welcome a gateway sends (session, thresholds, snapshot) and the recorded updates at the recorded rate. */
async function startBare(recording: Recording, intervalMs: number, emit: boolean): Promise<() => Promise<void>> {
  const http = createServer((_request, response) => response.writeHead(404).end());
  // The gateway's own ping settings (server/socket/socket-gateway.ts), and with Redis its adapter and recovery.
  const io = new Server(http, { serveClient: false, pingInterval: 25_000, pingTimeout: 20_000, ...link?.serverOptions });
  let seq = recording.snapshot.seq;
  io.on('connection', (socket) => {
    socket.emit('session', { role: 'display', name: 'bare' });
    socket.emit('thresholds', recording.thresholds);
    socket.emit('snapshot', { ...recording.snapshot, serverTime: Date.now(), seq });
  });
  let index = 0;
  const timer = emit
    ? setInterval(() => {
        const update = recording.updates[index++ % recording.updates.length]!;
        seq += 1;
        io.emit('update', update.c ? { ...update, t: Date.now(), s: seq } : { ...update, serverTime: Date.now(), seq });
      }, intervalMs)
    : null;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`LISTENING http://127.0.0.1:${(http.address() as AddressInfo).port} files=${openFileLimit() ?? 'unknown'}\n`);
  return async () => {
    if (timer) clearInterval(timer);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await link?.close();
  };
}
