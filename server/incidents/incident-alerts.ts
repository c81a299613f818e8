import type { Alert } from '../../shared/protocol/protocol';
import type { AlertPersistence } from '../alerts/alert-manager';
import type { IncidentService } from './incident-service';

/**
 * The alert store seen through incidents: every alert saved, and every acknowledgement, also reaches the
 * incident it belongs to, after the store has taken it (a write that fails reaches no timeline).
 * Without a store the alerts stay in memory, as before, and incidents still hear of them.
 */
export function withIncidentTimeline(persistence: AlertPersistence | null, incidents: Pick<IncidentService, 'alertSaved' | 'alertHandled'>): AlertPersistence {
  return {
    save(alert: Alert) {
      persistence?.save(alert);
      incidents.alertSaved(alert);
    },
    saveByPerson(alert: Alert, actor: string, action: string, at: number) {
      persistence?.saveByPerson(alert, actor, action, at);
      incidents.alertHandled(alert, actor, action, at);
    },
    listOpen: () => persistence?.listOpen() ?? [],
  };
}
