// One ingest client process of the ingest benchmark, sending from its own loopback address (127.0.0.x),
// as separate systems on a network would. It posts batches (bench/support/ingest-batches.ts) at the rate
// it is told, at most `inFlight` requests at once: past what the gateway absorbs, it sends as fast as
// answers come back (the offered rate is then more than the absorbed one).
//   --url --localAddress --prefix [--inFlight=4]
// IPC: { type: 'rate', eventsPerSecond } sets the offered rate; { type: 'stats', reset? } → counts since the last reset.
import { Agent, request } from 'node:http';
import { floodBatches, INGEST_BATCH, INGEST_KEY } from './ingest-batches';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const url = new URL('/api/v1/events', args.url!);
const maxInFlight = Number(args.inFlight ?? 4);
const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight, localAddress: args.localAddress! });
const next = floodBatches(args.prefix!);

let rate = 0;
let credit = 0;
let inFlight = 0;
let counts = { sent: 0, accepted: 0, duplicates: 0, limited: 0, failed: 0, latencies: [] as number[], statuses: {} as Record<string, number> };

function post(): void {
  const body = JSON.stringify({ events: next(Date.now()) });
  const started = performance.now();
  inFlight++;
  counts.sent += INGEST_BATCH;
  const done = (status: string, answer?: string) => {
    inFlight--;
    counts.latencies.push(performance.now() - started);
    counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
    if (status === '200' && answer) {
      const result = JSON.parse(answer) as { accepted: number; duplicates: number };
      counts.accepted += result.accepted;
      counts.duplicates += result.duplicates;
    } else if (status === '429') counts.limited += INGEST_BATCH;
    else counts.failed += INGEST_BATCH;
  };
  const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(String(res.statusCode), Buffer.concat(chunks).toString('utf8')));
    res.on('error', () => done('error'));
  });
  req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
  req.on('error', () => done('error'));
  req.end(body);
}

// Every 10 ms: credit for the time passed at the offered rate, a batch sent per batch of credit while a
// request slot is free. Credit is capped at a second's worth, so a stall is not followed by a burst.
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  credit = Math.min(rate, credit + (rate * (now - last)) / 1000);
  last = now;
  while (credit >= INGEST_BATCH && inFlight < maxInFlight) {
    credit -= INGEST_BATCH;
    post();
  }
}, 10);

process.on('message', (message: { type: string; eventsPerSecond?: number; reset?: boolean }) => {
  if (message.type === 'rate') rate = message.eventsPerSecond!;
  if (message.type === 'stats') {
    process.send!({ type: 'stats', ...counts });
    if (message.reset) counts = { sent: 0, accepted: 0, duplicates: 0, limited: 0, failed: 0, latencies: [], statuses: {} };
  }
});
process.once('disconnect', () => process.exit(0));
process.send!({ type: 'started' });
