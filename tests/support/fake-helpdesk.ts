import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeTime } from './fake-time';
import type { LogFields, Logger } from '../../server/runtime/logger';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The fake clock's time when the request arrived. */
  at: number;
}

export type Route = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A helpdesk on loopback (127.0.0.1, port 0) that answers with whatever the test's route says and records
 * every request. Speaks real HTTP, so the connectors' fetch, headers, bodies and timeouts are exercised.
 */
export async function startFakeHelpdesk(route: Route, time?: FakeTime): Promise<{ baseUrl: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
      at: time?.now() ?? Date.now(),
    };
    requests.push(recorded);
    await route(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Sleep that moves the fake clock instead of waiting, and remembers each wait. */
export function fakeSleep(time: FakeTime): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
      time.advance(ms);
    },
  };
}

/** A logger that keeps every line, fields included, as text: to assert what was (and was not) logged. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: LogFields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
