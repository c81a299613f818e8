import type { AdminResult } from '../../shared/protocol/admin-protocol';
import type { Counter } from '../runtime/prometheus';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import { recordChanges, type RecordChange } from '../socket/recorded-commands';

/**
 * An admin request once it has been checked (method, origin, token and role, query, If-Match, body) on the
 * gateway it reached: what is left to do with the thresholds and the audit trail. Plain JSON, so that a
 * gateway standing by can hand it to the evaluating one (server/cluster/admin-forward.ts).
 */
export type AdminAsk =
  | { op: 'export' }
  | { op: 'audit'; limit: number; beforeId?: number }
  | { op: 'import'; file: unknown; revision: number; who: string };

/** The HTTP answer to an admin request, as admin-api.ts sends it. */
export interface AdminAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Runs a checked admin request: here, or in a cluster on the gateway that evaluates. */
export type PerformAdmin = (ask: AdminAsk) => Promise<AdminAnswer>;

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
 * The admin requests run on this gateway's thresholds and audit trail (those screens read while it evaluates).
 * An import is answered as a socket's thresholds import is: on a shared store, once PostgreSQL has committed
 * it (server/socket/recorded-commands.ts), else 503 `store-unavailable` (nothing changed) or `store-pending`.
 */
export function createAdminPerformer(admin: ThresholdAdmin, rejected: Counter, record: RecordChange = recordChanges(null)): PerformAdmin {
  return async (ask): Promise<AdminAnswer> => {
    if (ask.op === 'audit') return { status: 200, body: { entries: admin.auditList(ask.limit, ask.beforeId) } };
    if (ask.op === 'export') return { status: 200, body: admin.exportFile(), headers: { ETag: `"${admin.state().revision}"` } };
    const result = await record('thresholds:import', () => admin.importFile(ask.file, ask.revision, ask.who));
    if (result.ok) return { status: 200, body: result, headers: { ETag: `"${result.revision}"` } };
    rejected.inc({ reason: `thresholds-${result.code}` });
    if (result.code === 'store-unavailable' || result.code === 'store-pending') {
      return { status: 503, body: { error: result.issues[0], code: result.code, issues: result.issues }, headers: { 'Retry-After': '2' } };
    }
    return { status: STATUS[result.code], body: { error: 'the thresholds were not changed', code: result.code, issues: result.issues } };
  };
}
