import { z } from 'zod';
import {
  AuditListRequestSchema,
  ImportThresholdsRequestSchema,
  RevertRequestSchema,
  SaveThresholdsRequestSchema,
} from '../../shared/protocol/admin-protocol';
import { AcknowledgeRequestSchema, SnoozeRequestSchema } from '../../shared/protocol/protocol';
import type { AlertManager } from '../alerts/alert-manager';
import type { Clock } from '../runtime/clock';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import { defineCommand, type CommandAnswer, type CommandSpec } from './socket-gateway';

export interface CommandDeps {
  alerts: AlertManager;
  admin: ThresholdAdmin;
  clock: Clock;
  /** Sends what changed to every screen now rather than with the next beat. */
  flush: () => void;
}

/** Every command screens may send, with the role it needs. */
export function createCommands({ alerts, admin, clock, flush }: CommandDeps): Record<string, CommandSpec> {
  const thenFlush = <R extends CommandAnswer>(result: R): R => {
    if (result.ok) flush();
    return result;
  };
  return {
    'alert:acknowledge': defineCommand('lead', AcknowledgeRequestSchema, (request, actor) => thenFlush(alerts.acknowledge(request, actor, clock.now()))),
    'alert:snooze': defineCommand('lead', SnoozeRequestSchema, (request, actor) => thenFlush(alerts.snooze(request, actor, clock.now()))),
    'thresholds:save': defineCommand('manager', SaveThresholdsRequestSchema, (request, actor) => admin.save(request.changes, actor)),
    'thresholds:import': defineCommand('manager', ImportThresholdsRequestSchema, (request, actor) => admin.importFile(request.file, request.expectedRevision, actor)),
    'thresholds:export': defineCommand('display', z.object({}).strict(), () => ({ ok: true, file: admin.exportFile() })),
    'audit:list': defineCommand('manager', AuditListRequestSchema, (request) => ({ ok: true, entries: admin.auditList(request.limit, request.beforeId) })),
    'audit:revert': defineCommand('manager', RevertRequestSchema, (request, actor) => admin.revert(request.auditId, actor)),
  };
}
