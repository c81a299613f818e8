import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import type { Logger } from '../runtime/logger';
import { SECURITY_HEADERS, sendJson } from './json-response';
import type { StaticLookup } from './static-files';

export interface HealthReport {
  status: 'ok';
  uptimeSeconds: number;
  clients: { total: number; byKind: Record<string, number> };
  queues: number;
  lastReadingAt: string | null;
  protocol: number;
  version: string;
  /** In a cluster only: whether this gateway evaluates and polls now (it holds the lease) or stands by. */
  cluster?: { evaluating: boolean };
}

export type ApiHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean>;

export interface HttpHandlerOptions {
  health: () => HealthReport;
  /** GET /metrics, Prometheus text format. */
  metricsText: () => string;
  /** When set, /metrics needs `Authorization: Bearer <this>`; null leaves it open (scrapers on a private network). */
  metricsToken?: string | null;
  /** Handles the /api/ routes it knows; returns false for others. */
  api: ApiHandler;
  staticFiles: (urlPath: string) => Promise<StaticLookup>;
  logger: Logger;
  /** The other gateways of a cluster (QUEUEBOARD_GATEWAYS): its pages may connect to them too, to move when this one dies. */
  peerGateways?: readonly string[];
}

export function createHttpHandler({ health, metricsText, metricsToken = null, api, staticFiles, logger, peerGateways = [] }: HttpHandlerOptions) {
  const metricsAllowed = bearerMatcher(metricsToken);
  const policy = contentSecurityPolicy(peerGateways.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]));
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://gateway.invalid');
    try {
      if (url.pathname === '/healthz') return sendJson(response, 200, health(), {}, request.method);
      if (url.pathname === '/metrics') {
        if (!metricsAllowed(request.headers.authorization)) {
          return sendJson(response, 401, { error: 'GET /metrics needs Authorization: Bearer <QUEUEBOARD_METRICS_TOKEN>', code: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer realm="queueboard-metrics"' }, request.method);
        }
        const text = metricsText();
        response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
        response.end(request.method === 'HEAD' ? undefined : text);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (await api(request, response, url.pathname)) return;
        return sendJson(response, 404, { error: `No API route ${url.pathname}` }, {}, request.method);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
        return;
      }
      await sendStatic(response, await staticFiles(url.pathname), request.method, policy);
    } catch (error) {
      logger.error('http request failed', { path: url.pathname, error: (error as Error).message });
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error; see the gateway log.' }, {}, request.method);
      else response.end();
    }
  };
}

/** Whether an Authorization header carries the expected token, compared by digest in constant time; no token: always. */
function bearerMatcher(token: string | null): (authorization: string | undefined) => boolean {
  if (token === null) return () => true;
  const expected = createHash('sha256').update(token).digest();
  return (authorization) => {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    return presented !== undefined && timingSafeEqual(createHash('sha256').update(presented).digest(), expected);
  };
}

async function sendStatic(response: ServerResponse, lookup: StaticLookup, method: string, policy: string): Promise<void> {
  switch (lookup.kind) {
    case 'forbidden':
      return sendText(response, 403, 'Forbidden path.');
    case 'not-found':
      return sendText(response, 404, 'Not found.');
    case 'not-built':
      return sendText(response, 503, 'The wall view is not built yet: run `npm run build:renderer`, then reload.');
    case 'file':
      response.writeHead(200, {
        'Content-Type': lookup.file.contentType,
        'Content-Length': lookup.file.body.length,
        'Cache-Control': lookup.file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Content-Security-Policy': policy,
        ...SECURITY_HEADERS,
      });
      response.end(method === 'HEAD' ? undefined : lookup.file.body);
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(text);
}
