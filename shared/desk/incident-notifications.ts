import type { Transition } from '../ipc/desk-contract';
import type { NotificationContent } from './notification-rules';

/** Queue names listed in an incident's notification: enough to recognise it, short enough to read. */
const NAMES_SHOWN = 3;

export interface IncidentFold {
  /** Transitions of no incident: notified as before, one by one or folded into a storm. */
  single: Transition[];
  /** One notification per incident not notified before. */
  incidents: NotificationContent[];
}

/**
 * Alerts of an open incident notify once, for the incident: the first of them (or the first batch)
 * gives one notification naming the incident and the queues alerting; later alerts of the same incident
 * are already known to the lead and interrupt nobody. `firstTime(incidentId)` answers true once per
 * incident (the gate remembers them).
 */
export function foldIncidents(transitions: readonly Transition[], firstTime: (incidentId: string) => boolean): IncidentFold {
  const single: Transition[] = [];
  const byIncident = new Map<string, Transition[]>();
  for (const transition of transitions) {
    const incident = transition.incident;
    if (!incident) single.push(transition);
    else byIncident.set(incident.id, [...(byIncident.get(incident.id) ?? []), transition]);
  }
  const incidents = [...byIncident.entries()].flatMap(([incidentId, group]) => (firstTime(incidentId) ? [describeIncident(group)] : []));
  return { single, incidents };
}

/** "Incident: Card payments failing" — "Alerts on Chat, Email; further ones stay grouped under the incident". */
export function describeIncident(transitions: readonly Transition[]): NotificationContent {
  const [first] = transitions;
  if (!first?.incident) throw new Error('describeIncident needs transitions of one incident');
  const names = [...new Set(transitions.map((t) => t.queueName))];
  // "+2" rather than words: the sentence around it is already the catalogue's, in the lead's language.
  const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? `, +${names.length - NAMES_SHOWN}` : '');
  return {
    title: { key: 'incidents.notification.title', params: { title: first.incident.title } },
    body: [{ key: 'incidents.notification.body', params: { names: shown } }],
    queueId: first.queueId,
  };
}
