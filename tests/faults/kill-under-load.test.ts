import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedScreen, until } from '../support/feed-screen';
import { killHard, startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { oneOfficeConfig } from '../support/one-office';

const KEY = 'kill-under-load-ingest-key';
const BATCH = 50;
const running: GatewayProcess[] = [];
const cleanup: Array<() => void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) step();
  await Promise.all(running.splice(0).map(killHard));
});

async function writeConfig(dir: string): Promise<string> {
  const file = join(dir, 'gateway.json');
  // This test is about durability under load, not the per-key limits (tests/integration/ingest-limits.test.ts).
  await writeFile(file, JSON.stringify({ ...oneOfficeConfig(), limits: { ingest: { requestsPerSecond: 100_000, eventsPerSecond: 1_000_000 } } }));
  return file;
}

const batchOf = (k: number) => ({
  events: Array.from({ length: BATCH }, (_, i) => ({ eventId: `b${k}-${i}`, type: 'created', ticketId: `t${k}-${i}`, queueId: 'chat', at: Date.now() - 60_000 })),
});

async function post(url: string, body: unknown): Promise<{ status: number; json: { accepted?: number; duplicates?: number } } | null> {
  try {
    const response = await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return { status: response.status, json: await response.json() };
  } catch {
    return null; // refused, reset or timed out: the sender does not know whether it was committed
  }
}

describe('gateway killed with SIGKILL while ingest traffic runs', () => {
  it('keeps every batch that was answered 200, shows screens disconnected meanwhile, and has them live again within 5 s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qb-kill-'));
    const env = { QUEUEBOARD_CONFIG: await writeConfig(dir), QUEUEBOARD_DATA_DIR: join(dir, 'data'), QUEUEBOARD_INGEST_KEY: KEY };
    const first = await startGatewayProcess(env);
    running.push(first);
    const port = new URL(first.url).port;
    const wall = feedScreen(first.url, cleanup);
    await until('screen live', () => wall.getState().connection.status === 'live', 5000);

    // Four senders, each posting batch after batch until told to stop.
    const answered = new Map<number, 'ok' | 'unknown'>();
    let next = 0;
    let stop = false;
    const sender = async () => {
      while (!stop) {
        const k = next++;
        const result = await post(first.url, batchOf(k));
        answered.set(k, result?.status === 200 && result.json.accepted === BATCH ? 'ok' : 'unknown');
        if (!result) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const senders = Array.from({ length: 4 }, sender);
    await until('load under way', () => answered.size >= 40, 15_000);

    await killHard(first);
    const okBeforeKill = [...answered.values()].filter((v) => v === 'ok').length;
    await until('screen marks itself disconnected', () => wall.getState().connection.status === 'reconnecting', 2000);
    expect(wall.getState().connection.problem?.key).toMatch(/^(disconnected|unreachable)$/);

    const second = await startGatewayProcess({ ...env, PORT: port });
    running.push(second);
    const backWithin = await until('screen live again', () => wall.getState().connection.status === 'live', 5000);
    await until('load after restart', () => [...answered.values()].filter((v) => v === 'ok').length > okBeforeKill + 10, 10_000);
    stop = true;
    await Promise.all(senders);

    // Every batch answered 200 is in the log: sent again, all of it is a duplicate.
    const ok = [...answered].filter(([, v]) => v === 'ok').map(([k]) => k);
    const unknown = [...answered].filter(([, v]) => v === 'unknown').map(([k]) => k);
    const okEvents = ok.flatMap((k) => batchOf(k).events);
    let duplicates = 0;
    for (let i = 0; i < okEvents.length; i += 5000) duplicates += (await post(second.url, { events: okEvents.slice(i, i + 5000) }))!.json.duplicates!;
    expect(duplicates).toBe(okEvents.length);
    // What the senders could not confirm is retried, as a real client would: nothing twice, nothing lost.
    for (const k of unknown) {
      const retry = await post(second.url, batchOf(k));
      expect(retry?.status).toBe(200);
      expect(retry!.json.accepted! + retry!.json.duplicates!).toBe(BATCH);
    }
    await until('final backlog on the screen', () => wall.getState().feed.states['chat']?.metrics.backlog === answered.size * BATCH, 5000);
    console.log(`kill under load: ${ok.length} batches answered 200 (${okEvents.length} events), ${unknown.length} unconfirmed and retried; screen live ${Math.round(backWithin)} ms after the restart`);
  }, 90_000);
});
