import type { z } from 'zod';
import {
  AdminResultSchema,
  AuditListResultSchema,
  ExportResultSchema,
  type AdminResult,
  type AuditListResult,
  type ExportResult,
  type SaveThresholdsRequest,
} from '../../../shared/protocol/admin-protocol';
import { CommandResultSchema, type CommandResult } from '../../../shared/protocol/protocol';
import { parseWith } from '../../../shared/protocol/validation';

/** The part of a socket.io client socket commands need; tests pass a fake. */
export interface CommandSocket {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** Everything a person can ask the gateway to do. Each answer is validated; a timeout is an answer too. */
export interface GatewayCommands {
  acknowledge(alertId: string, note?: string): Promise<CommandResult>;
  snooze(alertId: string, until: number): Promise<CommandResult>;
  saveThresholds(request: SaveThresholdsRequest): Promise<AdminResult>;
  importThresholds(file: unknown, expectedRevision: number): Promise<AdminResult>;
  exportThresholds(): Promise<ExportResult>;
  auditList(limit?: number, beforeId?: number): Promise<AuditListResult>;
  revert(auditId: number): Promise<AdminResult>;
}

const TIMEOUT_MS = 5000;
const unavailable = (issue: string) => ({ ok: false as const, code: 'unavailable' as const, issues: [issue] });

export function createGatewayCommands(socket: CommandSocket): GatewayCommands {
  async function send<S extends z.ZodType>(event: string, payload: unknown, schema: S): Promise<z.infer<S>> {
    let answer: unknown;
    try {
      answer = await socket.timeout(TIMEOUT_MS).emitWithAck(event, payload);
    } catch {
      return unavailable(`The gateway did not answer within ${TIMEOUT_MS / 1000} s; nothing is known to have changed. Try again.`) as z.infer<S>;
    }
    const parsed = parseWith(schema, answer);
    return parsed.ok ? parsed.value : (unavailable(`The gateway's answer was not understood: ${parsed.issues.join('; ')}`) as z.infer<S>);
  }
  return {
    acknowledge: (alertId, note) => send('alert:acknowledge', note ? { alertId, note } : { alertId }, CommandResultSchema),
    snooze: (alertId, until) => send('alert:snooze', { alertId, until }, CommandResultSchema),
    saveThresholds: (request) => send('thresholds:save', request, AdminResultSchema),
    importThresholds: (file, expectedRevision) => send('thresholds:import', { file, expectedRevision }, AdminResultSchema),
    exportThresholds: () => send('thresholds:export', {}, ExportResultSchema),
    auditList: (limit = 100, beforeId) => send('audit:list', beforeId ? { limit, beforeId } : { limit }, AuditListResultSchema),
    revert: (auditId) => send('audit:revert', { auditId }, AdminResultSchema),
  };
}
