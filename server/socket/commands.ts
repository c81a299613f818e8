import type { CommandHandlers } from '../../shared/protocol/commands';
import type { AlertManager } from '../alerts/alert-manager';
import type { Notifier } from '../notify/notifier';
import type { BroadcastService } from '../broadcasts/broadcast-service';
import type { Clock } from '../runtime/clock';
import type { ThresholdAdmin } from '../settings/threshold-admin';

export interface CommandDeps {
  alerts: AlertManager;
  admin: ThresholdAdmin;
  notifier: Pick<Notifier, 'deadLetterList' | 'retry' | 'remove'>;
  broadcasts: BroadcastService;
  clock: Clock;
  /** Sends what changed to every screen now rather than with the next beat. */
  flush: () => void;
}

/**
 * The gateway's handler of every command in shared/protocol/commands.ts; the socket gateway checks the
 * role and validates the request before one runs.
 */
export function createCommands({ alerts, admin, notifier, broadcasts, clock, flush }: CommandDeps): CommandHandlers {
  const thenFlush = <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) flush();
    return result;
  };
  return {
    'alert:acknowledge': (request, actor) => thenFlush(alerts.acknowledge(request, actor, clock.now())),
    'alert:snooze': (request, actor) => thenFlush(alerts.snooze(request, actor, clock.now())),
    'thresholds:save': (request, actor) => admin.save(request.changes, actor),
    'thresholds:import': (request, actor) => admin.importFile(request.file, request.expectedRevision, actor),
    'thresholds:export': () => ({ ok: true, file: admin.exportFile() }),
    'audit:list': (request) => ({ ok: true, entries: admin.auditList(request.limit, request.beforeId) }),
    'audit:revert': (request, actor) => admin.revert(request.auditId, actor),
    'webhooks:dead-letters': (request) => ({ ok: true, ...notifier.deadLetterList(request.limit) }),
    'webhooks:retry': (request, actor) => notifier.retry(request.id, actor),
    'webhooks:delete': (request, actor) => notifier.remove(request.id, actor),
    'broadcast:post': (request, actor, role) => broadcasts.post(request, actor, role),
    'broadcast:edit': (request, actor, role) => broadcasts.edit(request, actor, role),
    'broadcast:end': (request, actor, role) => broadcasts.end(request.broadcastId, actor, role),
  };
}
