import type { IncomingMessage, ServerResponse } from 'node:http';
import { roleAllows, type AdminResult, type Role } from '../../shared/protocol/admin-protocol';
import type { ClientAddress } from '../auth/client-address';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { OriginVerdict } from '../auth/origin-policy';
import { presentedCredential, type TokenRegistry } from '../auth/token-registry';
import type { Counter } from '../runtime/prometheus';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import { readJsonBody } from './json-body';
import { sendJson } from './json-response';

export interface AdminApiOptions {
  admin: ThresholdAdmin;
  tokens: TokenRegistry;
  failures: FailureLimiter;
  clientAddress: ClientAddress;
  /** Which web pages may change things (server/auth/origin-policy.ts). */
  origin: (request: IncomingMessage) => OriginVerdict;
  maxBodyBytes: number;
  rejected: Counter;
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="queueboard"' };

const STATUS: Readonly<Record<Extract<AdminResult, { ok: false }>['code'], number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  'store-unavailable': 503,
  'store-pending': 503,
};

/**
 * Threshold export and import and the audit trail over HTTP, for automation and backups, with the same
 * role tokens as the socket: `Authorization: Bearer <token>`.
 *
 * - GET /api/v1/thresholds (any role) → the thresholds file, with `ETag: "<revision>"`
 * - PUT /api/v1/thresholds (manager, `If-Match: "<revision>"`) ← a thresholds file; all or nothing
 * - GET /api/v1/audit?limit=&beforeId= (manager) → the audit trail, newest first
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

    if (path === '/api/v1/audit') {
      const url = new URL(request.url ?? '', 'http://gateway.invalid');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const beforeId = url.searchParams.has('beforeId') ? Number(url.searchParams.get('beforeId')) : undefined;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500 || (beforeId !== undefined && !(Number.isInteger(beforeId) && beforeId > 0))) {
        return reject(response, 400, 'invalid', 'limit must be a whole number from 1 to 500 and beforeId a positive whole number');
      }
      sendJson(response, 200, { entries: options.admin.auditList(limit, beforeId) });
      return true;
    }
    if (request.method === 'GET') {
      sendJson(response, 200, options.admin.exportFile(), { ETag: `"${options.admin.state().revision}"` });
      return true;
    }
    const match = /^"?(\d+)"?$/.exec(request.headers['if-match'] ?? '');
    if (!match) return reject(response, 428, 'invalid', 'send If-Match: "<revision>" with the ETag of the thresholds you edited, so nobody\'s change is overwritten');
    const body = await readJsonBody(request, options.maxBodyBytes);
    if (!body.ok) return reject(response, body.status, body.status === 413 ? 'too-large' : 'malformed', body.error);
    const result = options.admin.importFile(body.value, Number(match[1]), who);
    if (result.ok) sendJson(response, 200, result, { ETag: `"${result.revision}"` });
    else {
      options.rejected.inc({ reason: `thresholds-${result.code}` });
      sendJson(response, STATUS[result.code], { error: 'the thresholds were not changed', code: result.code, issues: result.issues });
    }
    return true;
  };

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
