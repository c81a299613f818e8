// A process that runs one server for a benchmark, so its CPU and memory are measured apart from the clients:
//   --kind=gateway  the real gateway (synthetic queues with a reading each second, or the demo) on loopback
//   --kind=floor    a bare socket.io server replaying recorded gateway messages (the same bytes, nothing else)
// Prints "LISTENING <url>" once listening; answers IPC { type: 'usage' } with its CPU time and memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { demoConfig } from '../../server/config/demo-config';
import { createGateway } from '../../server/gateway';
import { acceleratedClock, systemClock, systemScheduler } from '../../server/runtime/clock';
import { silentLogger } from '../../server/runtime/logger';
import { createDemoSource } from '../../server/sources/demo/demo-source';
import { openStore } from '../../server/store';
import { ReadingSource, syntheticConfig } from './synthetic';
import type { Recording } from './recording';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const port = Number(args.port ?? 0);
let close: () => Promise<void>;

if (args.kind === 'floor') {
  close = await startFloor(JSON.parse(readFileSync(args.replay!, 'utf8')) as Recording, port);
} else {
  const speed = Number(args.speed ?? 1);
  const clock = acceleratedClock(systemClock, speed);
  const chosen = args.config === 'demo' ? demoConfig(11) : syntheticConfig(Number(args.queues ?? 300));
  // Every simulated screen connects from 127.0.0.1: the per-address cap would refuse all past the 50th.
  const config = { ...chosen, limits: { ...chosen.limits, connectionsPerAddress: 100_000 } };
  const source =
    args.config === 'demo'
      ? createDemoSource({ config, settings: config.demo!, clock, scheduler: systemScheduler })
      : new ReadingSource(config.queues.map((q) => q.id), clock);
  const dataDir = args.store === 'sqlite' ? (args.dataDir ?? mkdtempSync(join(tmpdir(), 'qb-bench-'))) : null;
  const gateway = createGateway({
    config,
    sources: [source],
    clock,
    scheduler: systemScheduler,
    logger: silentLogger,
    store: dataDir ? openStore({ dataDir, clock, logger: silentLogger }) : null,
    rendererDir: args.rendererDir ?? 'dist/renderer',
    clockSpeed: speed,
  });
  const address = await gateway.listen(port, '127.0.0.1');
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);
  close = async () => {
    await gateway.close();
    if (dataDir && !args.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

process.on('message', (message: { type: string; gc?: boolean }) => {
  if (message.type === 'usage') {
    // A heap figure after a full collection, so the soak compares what is kept rather than when GC last ran.
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    process.send!({ type: 'usage', cpu: process.cpuUsage(), rss: memory.rss, heapUsed: memory.heapUsed, at: Date.now() });
  }
});
const stop = () => void close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);

/** The floor: socket.io and nothing else, sending the recorded messages at the recorded rate. */
async function startFloor(recording: Recording, listenPort: number): Promise<() => Promise<void>> {
  const clientJs = readFileSync('node_modules/socket.io-client/dist/socket.io.min.js');
  const http = createServer((request, response) => {
    if (request.url === '/socket.io.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(clientJs);
    } else if (request.url?.startsWith('/?') || request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(BARE_PAGE);
    } else response.writeHead(404).end();
  });
  const io = new Server(http, { serveClient: false, pingInterval: 20_000, pingTimeout: 25_000 });
  let seq = recording.snapshot.seq as number;
  let revision = recording.thresholds.revision as number;
  let marker = 1_000_000;
  let broadcasts = 0;
  const markerIndex = recording.snapshot.queues.findIndex((q) => q.id === recording.markerQueue);
  io.on('connection', (socket) => {
    socket.emit('session', { role: 'display', name: 'floor' });
    socket.emit('thresholds', { ...recording.thresholds, revision });
    socket.emit('snapshot', { ...recording.snapshot, serverTime: Date.now(), seq });
    socket.on('thresholds:save', (_request: unknown, reply: (answer: unknown) => void) => {
      revision += 1;
      io.emit('thresholds', { ...recording.thresholds, revision });
      reply({ ok: true, revision, applied: 1 });
    });
    // A broadcast, bare: the same list event to every screen at once, nothing stored or checked.
    socket.on('broadcast:post', (request: Record<string, unknown>, reply: (answer: unknown) => void) => {
      const broadcast = { ...request, id: `floor-${++broadcasts}`, state: 'active' };
      io.emit('broadcasts', { serverTime: Date.now(), broadcasts: [broadcast] });
      reply({ ok: true, broadcast });
    });
    socket.on('broadcast:end', (_request: unknown, reply: (answer: unknown) => void) => {
      io.emit('broadcasts', { serverTime: Date.now(), broadcasts: [] });
      reply({ ok: true });
    });
  });
  let index = 0;
  const timer = setInterval(() => {
    const update = recording.updates[index++ % recording.updates.length]!;
    seq += 1;
    marker += 1;
    if (update.c) {
      const c = update.c.map((row) => (row[0] === markerIndex ? withBacklog(row, marker) : row));
      io.emit('update', { ...update, t: Date.now(), s: seq, c });
      return;
    }
    const changes = update.changes!.map((c) => (c.queueId === recording.markerQueue ? { ...c, metrics: { ...c.metrics, backlog: marker } } : c));
    io.emit('update', { ...update, serverTime: Date.now(), seq, changes });
  }, Number(args.intervalMs ?? recording.intervalMs));
  await new Promise<void>((resolve) => http.listen(listenPort, '127.0.0.1', resolve));
  process.stdout.write(`LISTENING http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
  return async () => {
    clearInterval(timer);
    await new Promise<void>((resolve) => io.close(() => resolve()));
  };
}

/** A compact patch row with its backlog (metric 0) set to `value`: [queue, offset, metric, value, …, tail?]. */
function withBacklog(row: unknown[], value: number): unknown[] {
  const copy = [...row];
  for (let i = 2; i + 1 < copy.length; i += 2) {
    if (copy[i] === 0) {
      copy[i + 1] = value;
      return copy;
    }
  }
  copy.splice(2, 0, 0, value);
  return copy;
}

/** The bare page: writes the marker queue's backlog into one DOM node, as the wall writes it into a tile. */
const BARE_PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title>
<div data-testid="connection-status" data-status="connecting"></div>
<div data-testid="queue-tile" data-queue-id="q-000"><span data-metric="backlog">–</span></div>
<script src="/socket.io.min.js"></script>
<script>
  const status = document.querySelector('[data-testid="connection-status"]');
  const node = document.querySelector('[data-metric="backlog"]');
  const socket = io({ auth: { protocol: 4, client: 'web' } });
  const show = (state) => { const m = state && state.metrics; if (m && m.backlog != null) node.textContent = String(m.backlog); };
  let marker = -1;
  socket.on('snapshot', (s) => {
    marker = s.queues.findIndex((q) => q.id === 'q-000');
    show(s.states.find((q) => q.queueId === 'q-000') || s.states[0]);
    status.dataset.status = 'live';
  });
  socket.on('update', (u) => {
    for (const c of u.changes || []) if (c.queueId === 'q-000') show(c);
    // Compact (shared/protocol/compact-update.ts): [queue index, updatedAt offset, metric, value, …]; backlog is metric 0.
    for (const row of u.c || []) if (row[0] === marker) for (let i = 2; i + 1 < row.length; i += 2) if (row[i] === 0) show({ metrics: { backlog: row[i + 1] } });
  });
  socket.on('disconnect', () => { status.dataset.status = 'reconnecting'; });
</script>`;
