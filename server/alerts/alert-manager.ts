import { compareLevels } from '../../shared/health/levels';
import { thresholdOf } from '../../shared/health/thresholds';
import {
  MAX_SNOOZE_MS,
  type AcknowledgeRequest,
  type Alert,
  type CommandResult,
  type SnoozeRequest,
} from '../../shared/protocol/protocol';
import type { QueueVerdict } from '../health/health-tracker';

/** Where alerts are kept (the SQLite store); null keeps them in memory only. */
export interface AlertPersistence {
  save(alert: Alert): void;
  saveByPerson(alert: Alert, actor: string, action: string, at: number): void;
  listOpen(): Alert[];
}

export interface AlertManagerOptions {
  persistence: AlertPersistence | null;
  newId: () => string;
  /** The gateway's monotonic clock (server/runtime/clock.ts): a snooze lasts its chosen time whatever the wall clock does. Absent: the wall clock. */
  monotonic?: () => number;
  /** The open incident a queue is in (server/incidents/): an alert opened on it carries the incident's id. */
  incidentOf?: (queueId: string) => string | null;
}

type Failure = Extract<CommandResult, { ok: false }>;

/**
 * Opens, escalates and resolves alerts from each queue's debounced verdict, and applies what people do
 * about them. One alert is open per queue, metric and kind; a worse level resolves it as escalated and
 * opens a new, unacknowledged one, so acknowledging a warning never hides a critical.
 */
export class AlertManager {
  private readonly open = new Map<string, Alert>();
  /** The same open alerts by queue: each beat asks for every queue's, which must not walk every open alert. */
  private readonly openByQueue = new Map<string, Map<string, Alert>>();
  private changed = new Map<string, Alert>();
  /** When each snooze ends on the monotonic clock: `until` is what people chose, in wall time. */
  private readonly snoozeEnds = new Map<string, number>();

  constructor(private readonly options: AlertManagerOptions) {}

  /** Loads the alerts left open by the previous run. */
  restore(): number {
    const alerts = this.options.persistence?.listOpen() ?? [];
    for (const alert of alerts) this.keepOpen(alert);
    return alerts.length;
  }

  openAlerts(): Alert[] {
    return [...this.open.values()];
  }

  /** What changed since the last call (each alert once, in its latest form). */
  takeChanges(): Alert[] {
    if (this.changed.size === 0) return [];
    const changes = [...this.changed.values()];
    this.changed = new Map();
    return changes;
  }

  observe(queueId: string, verdict: QueueVerdict, now: number): void {
    // Stale data says nothing about recovery or breach: leave alerts as they are until it is live again.
    if (verdict.stale) return;
    this.observeThresholds(queueId, verdict, now);
    this.observeAtRisk(queueId, verdict, now);
  }

  /** Clears snoozes whose time has come, so every screen sees the alert as live again. */
  expireSnoozes(now: number): void {
    for (const alert of this.open.values()) {
      if (alert.snoozed && this.snoozeEndsBy(alert.id, alert.snoozed.until, now)) {
        this.snoozeEnds.delete(alert.id);
        this.put({ ...alert, snoozed: null });
      }
    }
  }

  private snoozeEndsBy(alertId: string, until: number, now: number): boolean {
    const monotonic = this.options.monotonic;
    if (!monotonic) return until <= now;
    let end = this.snoozeEnds.get(alertId);
    if (end === undefined) {
      // A snooze restored from the store: what was left of it when the gateway came back.
      end = monotonic() + (until - now);
      this.snoozeEnds.set(alertId, end);
    }
    return monotonic() >= end;
  }

  acknowledge(request: AcknowledgeRequest, actor: string, now: number): CommandResult {
    const alert = this.find(request.alertId);
    if ('ok' in alert) return alert;
    const next: Alert = { ...alert, acknowledged: { by: actor, at: now, note: request.note || null } };
    this.put(next, { actor, action: 'alert.acknowledge', at: now });
    return { ok: true, alert: next };
  }

  snooze(request: SnoozeRequest, actor: string, now: number): CommandResult {
    const alert = this.find(request.alertId);
    if ('ok' in alert) return alert;
    if (request.until <= now) return invalid(`until: must be in the future (gateway time is ${new Date(now).toISOString()})`);
    if (request.until - now > MAX_SNOOZE_MS) return invalid('until: must be at most 7 days ahead');
    const next: Alert = { ...alert, snoozed: { by: actor, at: now, until: request.until } };
    if (this.options.monotonic) this.snoozeEnds.set(alert.id, this.options.monotonic() + (request.until - now));
    this.put(next, { actor, action: 'alert.snooze', at: now });
    return { ok: true, alert: next };
  }

  private observeThresholds(queueId: string, verdict: QueueVerdict, now: number): void {
    const open = this.openGraded(queueId);
    const handled = open.length === 0 ? null : new Set<string>();
    for (const alert of open) {
      handled!.add(alert.metric);
      const current = verdict.metrics[alert.metric];
      if (!current) {
        if (!verdict.rules[alert.metric]) this.resolve(alert, 'rule-removed', now);
        continue; // No value right now (e.g. no replies in the window): neither better nor worse.
      }
      if (current.level === 'ok') this.resolve(alert, 'recovered', now);
      else if (compareLevels(current.level, alert.level) > 0) {
        this.resolve(alert, 'escalated', now);
        this.openAlert(queueId, gradedKind(alert.metric), alert.metric, current.level, current.value, thresholdOf(current.rule, current.level), null, now);
      } else if (current.level !== alert.level) {
        this.put({ ...alert, level: current.level });
      }
    }
    for (const [metric, current] of Object.entries(verdict.metrics)) {
      if (current.level === 'ok' || handled?.has(metric)) continue;
      this.openAlert(queueId, gradedKind(metric as Alert['metric']), metric as Alert['metric'], current.level, current.value, thresholdOf(current.rule, current.level), null, now);
    }
  }

  private observeAtRisk(queueId: string, verdict: QueueVerdict, now: number): void {
    const [existing] = this.openFor(queueId, 'at-risk');
    const risk = verdict.atRisk;
    if (existing && (!risk || risk.metric !== existing.metric)) {
      const breached = verdict.metrics[existing.metric]?.level === 'critical';
      this.resolve(existing, breached ? 'breached' : 'recovered', now);
    }
    if (risk && (!existing || risk.metric !== existing.metric)) {
      const rule = verdict.rules[risk.metric]?.rule;
      this.openAlert(queueId, 'at-risk', risk.metric, 'warning', verdict.metrics[risk.metric]?.value ?? null, rule?.critical ?? null, risk.minutes, now);
    }
  }

  private openAlert(
    queueId: string,
    kind: Alert['kind'],
    metric: Alert['metric'],
    level: Alert['level'],
    value: number | null,
    threshold: number | null,
    projectedMinutes: number | null,
    now: number,
  ): void {
    const incidentId = this.options.incidentOf?.(queueId) ?? null;
    this.put({
      id: this.options.newId(),
      queueId,
      kind,
      metric,
      level,
      value,
      threshold,
      projectedMinutes,
      openedAt: now,
      resolvedAt: null,
      resolution: null,
      acknowledged: null,
      snoozed: null,
      ...(incidentId === null ? {} : { incidentId }),
    });
  }

  private resolve(alert: Alert, resolution: NonNullable<Alert['resolution']>, now: number): void {
    this.put({ ...alert, resolvedAt: now, resolution });
  }

  private put(alert: Alert, byPerson?: { actor: string; action: string; at: number }): void {
    if (byPerson) this.options.persistence?.saveByPerson(alert, byPerson.actor, byPerson.action, byPerson.at);
    else this.options.persistence?.save(alert);
    if (alert.resolvedAt === null) this.keepOpen(alert);
    else {
      this.open.delete(alert.id);
      this.openByQueue.get(alert.queueId)?.delete(alert.id);
      this.snoozeEnds.delete(alert.id);
    }
    this.changed.set(alert.id, alert);
  }

  private keepOpen(alert: Alert): void {
    this.open.set(alert.id, alert);
    let ofQueue = this.openByQueue.get(alert.queueId);
    if (!ofQueue) this.openByQueue.set(alert.queueId, (ofQueue = new Map()));
    ofQueue.set(alert.id, alert);
  }

  /** Alerts that follow a graded metric's debounced level: thresholds, and volume for inflow against the usual. */
  private openGraded(queueId: string): Alert[] {
    const found: Alert[] = [];
    for (const alert of this.openByQueue.get(queueId)?.values() ?? []) if (alert.kind !== 'at-risk') found.push(alert);
    return found;
  }

  private openFor(queueId: string, kind: Alert['kind']): Alert[] {
    const found: Alert[] = [];
    for (const alert of this.openByQueue.get(queueId)?.values() ?? []) if (alert.kind === kind) found.push(alert);
    return found;
  }

  private find(alertId: string): Alert | Failure {
    const alert = this.open.get(alertId);
    if (alert) return alert;
    return { ok: false, code: 'not-found', issues: [`alertId: no open alert "${alertId}"; it may have been resolved already`] };
  }
}

/** Inflow against the usual is its own kind of alert (a spike, not a queue falling behind); same rules otherwise. */
function gradedKind(metric: Alert['metric']): Alert['kind'] {
  return metric === 'inflowVsUsual' ? 'volume' : 'threshold';
}

function invalid(issue: string): Failure {
  return { ok: false, code: 'invalid', issues: [issue] };
}
