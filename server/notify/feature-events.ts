import type { Incident } from '../../shared/protocol/incident-protocol';
import type { BroadcastNote, IncidentEvent } from '../incidents/incident-service';
import type { OutboundEventInput, OutboundText } from './outbound-event';

/**
 * What an incident opened or closed tells the webhooks. An incident has no severity of its own: it is an
 * outage someone declared, so it goes out as critical (routes at any minimum take it).
 */
export function incidentOutbound({ kind, incident }: IncidentEvent): OutboundEventInput {
  const at = kind === 'opened' ? incident.openedAt : (incident.closedAt ?? incident.openedAt);
  return {
    id: `incident-${incident.id}-${kind}`,
    kind: 'incident',
    severity: 'critical',
    at,
    queueIds: [...incident.queueIds],
    incident: { id: incident.id, action: kind, title: incident.title, by: byOf(kind, incident) },
  };
}

/** A posted broadcast as the incident timeline records it; null for an edit or an end (the timeline keeps posts). */
export function broadcastNote(event: OutboundEventInput): BroadcastNote | null {
  if (event.kind !== 'broadcast' || event.broadcast.action !== 'posted') return null;
  return { id: event.broadcast.id, actor: event.broadcast.by, at: event.at, text: firstText(event.broadcast.text), severity: event.severity, queueIds: event.queueIds ?? [] };
}

function byOf(kind: IncidentEvent['kind'], incident: Incident): string {
  return (kind === 'closed' ? incident.closedBy : null) ?? incident.openedBy;
}

function firstText(text: OutboundText): string {
  return typeof text === 'string' ? text : (text.en ?? text.pt ?? text.nl ?? '');
}
