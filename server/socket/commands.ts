import type { CommandHandlers } from '../../shared/protocol/commands';
import type { AlertManager } from '../alerts/alert-manager';
import type { Notifier } from '../notify/notifier';
import type { BroadcastService } from '../broadcasts/broadcast-service';
import type { IncidentService } from '../incidents/incident-service';
import type { Clock } from '../runtime/clock';
import type { ThresholdAdmin } from '../settings/threshold-admin';
import type { RecordGate } from '../store/pg/commit-wait';
import { recordChanges } from './recorded-commands';

export interface CommandDeps {
  alerts: AlertManager;
  admin: ThresholdAdmin;
  notifier: Pick<Notifier, 'deadLetterList' | 'retry' | 'remove'>;
  broadcasts: BroadcastService;
  incidents: IncidentService;
  clock: Clock;
  /** Sends what changed to every screen now rather than with the next beat. */
  flush: () => void;
  /** The shared store's record (PostgreSQL, server/store/pg/): a change is answered once committed there. Null on SQLite. */
  record: RecordGate | null;
}

/**
 * The gateway's handler of every command in shared/protocol/commands.ts; the socket gateway checks the
 * role and validates the request before one runs. Each command that changes something is `recorded`: its
 * answer waits for the shared store's commit (recorded-commands.ts); those that only read answer at once.
 */
export function createCommands({ alerts, admin, notifier, broadcasts, incidents, clock, flush, record }: CommandDeps): CommandHandlers {
  const recorded = recordChanges(record);
  const thenFlush = <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) flush();
    return result;
  };
  return {
    'alert:acknowledge': (request, actor) => recorded('alert:acknowledge', () => thenFlush(alerts.acknowledge(request, actor, clock.now()))),
    'alert:snooze': (request, actor) => recorded('alert:snooze', () => thenFlush(alerts.snooze(request, actor, clock.now()))),
    'thresholds:save': (request, actor) => recorded('thresholds:save', () => admin.save(request.changes, actor)),
    'thresholds:import': (request, actor) => recorded('thresholds:import', () => admin.importFile(request.file, request.expectedRevision, actor)),
    'thresholds:export': () => ({ ok: true, file: admin.exportFile() }),
    'audit:list': (request) => ({ ok: true, entries: admin.auditList(request.limit, request.beforeId) }),
    'audit:revert': (request, actor) => recorded('audit:revert', () => admin.revert(request.auditId, actor)),
    'webhooks:dead-letters': (request) => ({ ok: true, ...notifier.deadLetterList(request.limit) }),
    'webhooks:retry': (request, actor) => recorded('webhooks:retry', () => notifier.retry(request.id, actor)),
    'webhooks:delete': (request, actor) => recorded('webhooks:delete', () => notifier.remove(request.id, actor)),
    'broadcast:post': (request, actor, role) => recorded('broadcast:post', () => broadcasts.post(request, actor, role)),
    'broadcast:edit': (request, actor, role) => recorded('broadcast:edit', () => broadcasts.edit(request, actor, role)),
    'broadcast:end': (request, actor, role) => recorded('broadcast:end', () => broadcasts.end(request.broadcastId, actor, role)),
    'incident:open': (request, actor) => recorded('incident:open', () => incidents.openIncident(request, actor)),
    'incident:close': (request, actor) => recorded('incident:close', () => incidents.closeIncident(request, actor)),
    'incident:timeline': (request) => incidents.timeline(request),
  };
}
