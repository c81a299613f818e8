import { timelineText } from '../../shared/incidents/timeline-text';
import { createTranslator } from '../../shared/i18n/translator';
import {
  TIMELINE_FORMAT,
  type CloseIncidentRequest,
  type Incident,
  type IncidentFailure,
  type IncidentResult,
  type OpenIncidentRequest,
  type TimelineRequest,
  type TimelineResult,
} from '../../shared/protocol/incident-protocol';
import type { Alert } from '../../shared/protocol/protocol';
import type { Clock } from '../runtime/clock';
import type { IncidentPersistence } from './incident-store';

/** A broadcast as the incident timeline records it (the broadcasts service hands these to `recordBroadcast`). */
export interface BroadcastNote {
  id: string;
  actor: string;
  at: number;
  /** The text shown, in the language the timeline is kept in (the first or only one). */
  text: string;
  severity: string;
  /** The queues it is linked to; empty: it concerns every open incident. */
  queueIds: readonly string[];
}

/** What other services (outbound notifications) may hear of: an incident opened or closed, by whom. */
export interface IncidentEvent {
  kind: 'opened' | 'closed';
  incident: Incident;
}

export interface IncidentServiceOptions {
  store: IncidentPersistence;
  /** The configured queues: an incident naming another is refused. */
  queues: ReadonlyMap<string, { name: string }>;
  clock: Clock;
  newId: () => string;
  /** Called with the open incidents after every open and close, to send them to every screen. */
  changed: (open: readonly Incident[]) => void;
}

/**
 * Incidents: opened and closed by a lead or manager, each naming its queues. While one is open, alerts
 * opened on its queues carry its id (`incidentOf`), and its timeline gathers them, the acknowledgements
 * of them and broadcasts about them, until it is closed. A queue is in at most one open incident, so an
 * alert belongs to one.
 */
export class IncidentService {
  private readonly open = new Map<string, Incident>();
  /** Alert ids already on each open incident's timeline: an alert saved again (escalated, acknowledged) is one entry. */
  private readonly recorded = new Map<string, Set<string>>();
  private readonly listeners = new Set<(event: IncidentEvent) => void>();

  constructor(private readonly options: IncidentServiceOptions) {}

  /** Loads the incidents left open by the previous run, with the alerts their timelines already hold. */
  restore(): number {
    for (const incident of this.options.store.listOpen()) {
      this.open.set(incident.id, incident);
      const alertIds = this.options.store.timeline(incident.id).flatMap((entry) => (entry.kind === 'alert' ? [entry.alertId] : []));
      this.recorded.set(incident.id, new Set(alertIds));
    }
    return this.open.size;
  }

  /** Hears every open and close after it is stored (for the webhooks service); the answer unsubscribes. */
  subscribe(listener: (event: IncidentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  openIncidents(): Incident[] {
    return [...this.open.values()];
  }

  /** The open incident a queue is in, or null: an alert opened on it now belongs to that incident. */
  incidentOf(queueId: string): string | null {
    for (const incident of this.open.values()) if (incident.queueIds.includes(queueId)) return incident.id;
    return null;
  }

  openIncident(request: OpenIncidentRequest, actor: string): IncidentResult {
    const issues = this.queueIssues(request.queueIds);
    if (issues.length > 0) return { ok: false, code: 'invalid', issues };
    const busy = request.queueIds.flatMap((queueId, i) => {
      const other = this.incidentOf(queueId);
      return other ? [`queueIds[${i}]: "${queueId}" is already in the open incident "${this.open.get(other)?.title}"; close that one or leave the queue out`] : [];
    });
    if (busy.length > 0) return { ok: false, code: 'conflict', issues: busy };
    const now = this.options.clock.now();
    const incident: Incident = { id: this.options.newId(), title: request.title, queueIds: [...request.queueIds], openedAt: now, openedBy: actor, closedAt: null, closedBy: null };
    this.options.store.open(incident, { kind: 'opened', at: now, actor, title: incident.title, queueIds: incident.queueIds });
    this.open.set(incident.id, incident);
    this.recorded.set(incident.id, new Set());
    this.announce({ kind: 'opened', incident });
    return { ok: true, incident };
  }

  closeIncident(request: CloseIncidentRequest, actor: string): IncidentResult {
    const incident = this.open.get(request.incidentId);
    if (!incident) return this.notOpen(request.incidentId);
    const now = this.options.clock.now();
    const closed: Incident = { ...incident, closedAt: now, closedBy: actor };
    this.options.store.close(closed, { kind: 'closed', at: now, actor });
    this.open.delete(incident.id);
    this.recorded.delete(incident.id);
    this.announce({ kind: 'closed', incident: closed });
    return { ok: true, incident: closed };
  }

  /** An alert as the gateway saved it: the first time one of an open incident is seen, it joins the timeline. */
  alertSaved(alert: Alert): void {
    const recorded = alert.incidentId ? this.recorded.get(alert.incidentId) : undefined;
    if (!alert.incidentId || !recorded || recorded.has(alert.id)) return;
    recorded.add(alert.id);
    this.options.store.append(alert.incidentId, {
      kind: 'alert', at: alert.openedAt, alertId: alert.id, queueId: alert.queueId, alertKind: alert.kind,
      metric: alert.metric, level: alert.level, value: alert.value, threshold: alert.threshold,
    });
  }

  /** What a person did to an alert: an acknowledgement of an open incident's alert joins its timeline. */
  alertHandled(alert: Alert, actor: string, action: string, at: number): void {
    if (action !== 'alert.acknowledge' || !alert.incidentId || !this.open.has(alert.incidentId)) return;
    this.options.store.append(alert.incidentId, { kind: 'acknowledged', at, actor, alertId: alert.id, queueId: alert.queueId, note: alert.acknowledged?.note ?? null });
  }

  /**
   * The hook for broadcasts: a broadcast linked to an affected queue joins that incident's timeline; one
   * linked to no queue joins every open incident's (a floor-wide message during an incident is part of it).
   */
  recordBroadcast(broadcast: BroadcastNote): void {
    for (const incident of this.open.values()) {
      const concerns = broadcast.queueIds.length === 0 || broadcast.queueIds.some((queueId) => incident.queueIds.includes(queueId));
      if (!concerns) continue;
      this.options.store.append(incident.id, {
        kind: 'broadcast', at: broadcast.at, actor: broadcast.actor, broadcastId: broadcast.id, text: broadcast.text, severity: broadcast.severity,
      });
    }
  }

  /** An incident's timeline as JSON and as text in the language asked for, open or closed. */
  timeline(request: TimelineRequest): TimelineResult {
    const incident = this.options.store.get(request.incidentId);
    if (!incident) return { ok: false, code: 'not-found', issues: [`incidentId: no incident "${request.incidentId}" on this gateway`] };
    const timeline = { format: TIMELINE_FORMAT, incident, entries: this.options.store.timeline(incident.id) } as const;
    const { t } = createTranslator(request.language);
    const text = timelineText(timeline, t, (queueId) => this.options.queues.get(queueId)?.name ?? queueId);
    return { ok: true, timeline, text };
  }

  private announce(event: IncidentEvent): void {
    this.options.changed(this.openIncidents());
    for (const listener of this.listeners) listener(event);
  }

  private queueIssues(queueIds: readonly string[]): string[] {
    const known = [...this.options.queues.keys()];
    const seen = new Set<string>();
    return queueIds.flatMap((queueId, i) => {
      if (seen.has(queueId)) return [`queueIds[${i}]: "${queueId}" is named twice`];
      seen.add(queueId);
      if (this.options.queues.has(queueId)) return [];
      const listed = known.length <= 10 ? known.join(', ') : `${known.slice(0, 10).join(', ')}, …`;
      return [`queueIds[${i}]: no queue "${queueId}" on this gateway (queues: ${listed})`];
    });
  }

  private notOpen(incidentId: string): IncidentFailure {
    const known = this.options.store.get(incidentId);
    return known
      ? { ok: false, code: 'conflict', issues: [`incidentId: the incident "${known.title}" was already closed by ${known.closedBy}`] }
      : { ok: false, code: 'not-found', issues: [`incidentId: no open incident "${incidentId}"`] };
  }
}
