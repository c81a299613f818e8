import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { createGateway, type Gateway } from '../../server/gateway';
import { hashKey } from '../../server/ingest/ingest-keys';
import { silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { FakeTime } from '../support/fake-time';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

/** How many generated inputs a run tries: 10,000 in `npm test`, 100,000 with `npm run fuzz`. */
export const FUZZ_CASES = Number(process.env['QUEUEBOARD_FUZZ_CASES'] || 10_000);
export const FUZZ_SEED = Number(process.env['QUEUEBOARD_FUZZ_SEED'] || 20261124);

export const INGEST_KEY = 'fuzz-ingest-key-0123456789';
export const TOKENS = { manager: 'fuzz-manager-token', lead: 'fuzz-lead-token', display: 'fuzz-display-token', revoked: 'fuzz-revoked-token' };
export const MAX_BODY_BYTES = 64 * 1024;
export const START = Date.UTC(2026, 10, 24, 10);

export const fuzzConfig = GatewayConfigSchema.parse({
  ...oneOfficeConfig([
    lisbonQueue({ targets: { firstResponseSeconds: 60 }, staleAfterSeconds: 86_400 }),
    lisbonQueue({ id: 'phone', name: 'Phone', channel: 'phone', staleAfterSeconds: 86_400 }),
  ]),
  ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(INGEST_KEY) }], maxBodyBytes: MAX_BODY_BYTES },
  // The fuzzer sends thousands of refused messages on purpose, and checks each answer: it is not to be disconnected,
  // and as many history requests as it likes (their own budget is tested in tests/integration/history-limits.test.ts).
  limits: { rejectedMessagesPerMinute: 100_000, historyRequestsPerMinute: 100_000, ingest: { requestsPerSecond: 100_000, eventsPerSecond: 1_000_000 } },
  auth: {
    anonymous: 'display',
    maxFailuresPerMinute: 1000,
    tokens: [
      { name: 'Fuzz manager', role: 'manager', sha256: hashKey(TOKENS.manager) },
      { name: 'Fuzz lead', role: 'lead', sha256: hashKey(TOKENS.lead) },
      { name: 'Fuzz wall', role: 'display', sha256: hashKey(TOKENS.display) },
      { name: 'Fuzz stolen', role: 'manager', sha256: hashKey(TOKENS.revoked), revoked: true },
    ],
  },
});

/** A real gateway on loopback with a real SQLite file and a clock the fuzzer moves. */
export async function startFuzzGateway(): Promise<{ gateway: Gateway; time: FakeTime; url: string; port: number }> {
  const time = new FakeTime(START);
  const gateway = createGateway({
    config: fuzzConfig,
    sources: [],
    clock: time,
    scheduler: time,
    logger: silentLogger,
    store: openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-fuzz-')), clock: time, logger: silentLogger }),
    rendererDir: 'dist/renderer',
    newAlertId: (() => {
      let n = 0;
      return () => `alert-${++n}`;
    })(),
  });
  const { port } = await gateway.listen(0, '127.0.0.1');
  return { gateway, time, url: `http://127.0.0.1:${port}`, port };
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body without Content-Length (chunked), so the gateway must count as it reads. */
  chunked?: boolean;
}

/** One HTTP request over a shared keep-alive agent; answers status and body text. */
export function send(agent: Agent, port: number, raw: RawRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...raw.headers };
    if (raw.body && !raw.chunked) headers['content-length'] = raw.body.length;
    const req = request({ host: '127.0.0.1', port, method: raw.method, path: raw.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** Runs `task` over `items` with at most `parallel` in flight. */
export async function pool<T>(items: readonly T[], parallel: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export function newAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 8 });
}
