import type { IncomingMessage, ServerResponse } from 'node:http';
import { roleAllows, type Role } from '../../shared/protocol/admin-protocol';
import type { ClientAddress } from '../auth/client-address';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { OriginVerdict } from '../auth/origin-policy';
import { presentedCredential, type TokenRegistry } from '../auth/token-registry';
import type { Counter } from '../runtime/prometheus';
import type { AdminAsk, PerformAdmin } from './admin-perform';
import { readJsonBody } from './json-body';
import { sendJson } from './json-response';

export interface AdminApiOptions {
  /** Runs what was checked here: on this gateway, or in a cluster on the one that evaluates (server/cluster/admin-forward.ts). */
  perform: PerformAdmin;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  clientAddress: ClientAddress;
  /** Which web pages may change things (server/auth/origin-policy.ts). */
  origin: (request: IncomingMessage) => OriginVerdict;
  maxBodyBytes: number;
  rejected: Counter;
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="queueboard"' };

/**
 * Threshold export and import and the audit trail over HTTP, for automation and backups, with the same
 * role tokens as the socket: `Authorization: Bearer <token>`.
 *
 * - GET /api/v1/thresholds (any role) → the thresholds file, with `ETag: "<revision>"`
 * - PUT /api/v1/thresholds (manager, `If-Match: "<revision>"`) ← a thresholds file; all or nothing
 * - GET /api/v1/audit?limit=&beforeId= (manager) → the audit trail, newest first
 *
 * Every check is made on the gateway the request reached (its refusals and rate limits are its own); only
 * what passed is performed, wherever the thresholds screens read live.
 */
export function createAdminApi(options: AdminApiOptions) {
  return async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (path !== '/api/v1/thresholds' && path !== '/api/v1/audit') return false;
    const allowed = path === '/api/v1/thresholds' ? ['GET', 'PUT'] : ['GET'];
    if (!allowed.includes(request.method ?? '')) {
      sendJson(response, 405, { error: `${path} takes ${allowed.join(' or ')}` }, { Allow: allowed.join(', ') });
      return true;
    }
    if (request.method === 'PUT') {
      const origin = options.origin(request);
      if (!origin.ok) return reject(response, 403, origin.code, origin.message);
    }
    const needed: Role = request.method === 'PUT' || path === '/api/v1/audit' ? 'manager' : 'display';
    const who = await authorize(request, response, needed);
    if (!who) return true;

    const ask = await checkedAsk(request, response, path, who);
    if (!ask) return true;
    const answer = await options.perform(ask);
    sendJson(response, answer.status, answer.body, answer.headers);
    return true;
  };

  /** What the request asks, once its query, If-Match and body are valid; otherwise answers and returns null. */
  async function checkedAsk(request: IncomingMessage, response: ServerResponse, path: string, who: string): Promise<AdminAsk | null> {
    if (path === '/api/v1/audit') {
      const url = new URL(request.url ?? '', 'http://gateway.invalid');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const beforeId = url.searchParams.has('beforeId') ? Number(url.searchParams.get('beforeId')) : undefined;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500 || (beforeId !== undefined && !(Number.isInteger(beforeId) && beforeId > 0))) {
        reject(response, 400, 'invalid', 'limit must be a whole number from 1 to 500 and beforeId a positive whole number');
        return null;
      }
      return beforeId === undefined ? { op: 'audit', limit } : { op: 'audit', limit, beforeId };
    }
    if (request.method === 'GET') return { op: 'export' };
    const match = /^"?(\d+)"?$/.exec(request.headers['if-match'] ?? '');
    if (!match) {
      reject(response, 428, 'invalid', 'send If-Match: "<revision>" with the ETag of the thresholds you edited, so nobody\'s change is overwritten');
      return null;
    }
    const body = await readJsonBody(request, options.maxBodyBytes);
    if (!body.ok) {
      reject(response, body.status, body.status === 413 ? 'too-large' : 'malformed', body.error);
      return null;
    }
    return { op: 'import', file: body.value, revision: Number(match[1]), who };
  }

  /** The name behind the request's token if its role suffices; otherwise answers and returns null. */
  async function authorize(request: IncomingMessage, response: ServerResponse, needed: Role): Promise<string | null> {
    const authorization = request.headers.authorization;
    const attempt = { credential: presentedCredential(authorization), address: options.clientAddress(request) };
    const checked = await options.failures.check(attempt, () => options.tokens.checkBearer(authorization));
    if (!checked.ok) {
      if (checked.code === 'too-many-attempts') {
        reject(response, 429, checked.code, checked.message, { 'Retry-After': String(checked.retryAfter) }, { retryAfter: checked.retryAfter });
      } else reject(response, 401, checked.code, checked.message, CHALLENGE);
      return null;
    }
    if (!roleAllows(checked.role, needed) && request.headers.authorization === undefined) {
      // No token at all is a missing credential (401), not a refusal of the one presented (403).
      reject(response, 401, 'unauthorized', `needs the ${needed} role: send Authorization: Bearer <token> with a ${needed}'s token`, CHALLENGE);
      return null;
    }
    if (!roleAllows(checked.role, needed)) {
      reject(response, 403, 'forbidden', `needs the ${needed} role; the token of "${checked.name}" has the ${checked.role} role`);
      return null;
    }
    return checked.name;
  }

  function reject(response: ServerResponse, status: number, reason: string, error: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): true {
    options.rejected.inc({ reason });
    sendJson(response, status, { error, code: reason, ...extra }, headers);
    return true;
  }
}
