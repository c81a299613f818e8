import type { NotificationSettings, Transition } from '../ipc/desk-contract';
import { foldIncidents } from './incident-notifications';
import { describeGroup, describeTransition, isInScope, isNotifiable, isQuiet, type NotificationContent } from './notification-rules';

/** Time, injected: tests run hours of quiet hours and storms in milliseconds. */
export interface GateClock {
  now(): number;
  /** Runs `task` once after `ms`; the answer cancels it. */
  after(ms: number, task: () => void): () => void;
}

export interface StormLimits {
  /** More notifications than this within `windowMs` become one grouped notification. */
  max: number;
  windowMs: number;
  /** How long a storm gathers before its first group is shown: long enough to catch the rest of a burst. */
  gatherMs: number;
}

export const DEFAULT_STORM: StormLimits = { max: 3, windowMs: 10_000, gatherMs: 1_000 };
/** Alert ids remembered so an alert never notifies twice; old ones fall out, so a week-long run stays small. */
const REMEMBERED_ALERTS = 10_000;

export interface NotificationGateOptions {
  clock: GateClock;
  /** Local minute of the day (0–1439) at an instant; quiet hours are local time. */
  minuteOfDay: (epochMs: number) => number;
  settings: () => NotificationSettings;
  pinnedQueueIds: () => ReadonlySet<string>;
  /** True while the lead has paused notifications (the app's tray): transitions are dropped, not saved up. */
  muted?: () => boolean;
  /** Show this now; `silent` during quiet hours in silent mode. */
  show: (content: NotificationContent, silent: boolean) => void;
  storm?: StormLimits;
}

/**
 * Decides what the desk shows, for the app and the browser alike: critical and at-risk only, each alert
 * once, an open incident's alerts once for the incident, in scope (pinned queues or all), quiet hours respected, and a storm folded into one grouped
 * notification instead of fifty (at most one group per window, then back to single ones).
 */
export class NotificationGate {
  private readonly storm: StormLimits;
  private readonly seen = new Set<string>();
  /** Incidents already notified: their later alerts interrupt nobody. */
  private readonly incidentsSeen = new Set<string>();
  private shownAt: number[] = [];
  private stormUntil = 0;
  private lastGroupAt = Number.NEGATIVE_INFINITY;
  private gathered: Transition[] = [];
  private cancelFlush: (() => void) | null = null;

  constructor(private readonly options: NotificationGateOptions) {
    this.storm = options.storm ?? DEFAULT_STORM;
  }

  notify(transitions: readonly Transition[]): void {
    const { settings, pinnedQueueIds } = this.options;
    const fresh = transitions.filter(
      (t) => isNotifiable(t) && isInScope(t.queueId, settings().scope, pinnedQueueIds()) && this.remember(t.alertId),
    );
    const { single, incidents } = foldIncidents(fresh, (incidentId) => this.rememberIncident(incidentId));
    if (this.muted() || this.quietMode() === 'suppress') return;
    for (const content of incidents) this.show(content);
    if (single.length === 0) return;
    const now = this.options.clock.now();
    this.shownAt = this.shownAt.filter((at) => at > now - this.storm.windowMs);
    if (now < this.stormUntil || this.shownAt.length + single.length > this.storm.max) {
      this.stormUntil = now + this.storm.windowMs;
      this.gathered.push(...single);
      this.scheduleFlush(now);
      return;
    }
    for (const transition of single) this.show(describeTransition(transition));
  }

  /** Forgets a storm that is gathering (a pause began): nothing of it is shown later. */
  discardGathered(): void {
    this.gathered = [];
    this.cancelFlush?.();
    this.cancelFlush = null;
  }

  private muted(): boolean {
    return this.options.muted?.() ?? false;
  }

  /** True the first time an alert is seen. Suppressed alerts count as seen: they must not fire later. */
  private remember(alertId: string): boolean {
    if (this.seen.has(alertId)) return false;
    this.seen.add(alertId);
    if (this.seen.size > REMEMBERED_ALERTS) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  /** True the first time an incident is seen; like alerts, one seen while muted or quiet counts as seen. */
  private rememberIncident(incidentId: string): boolean {
    if (this.incidentsSeen.has(incidentId)) return false;
    this.incidentsSeen.add(incidentId);
    if (this.incidentsSeen.size > REMEMBERED_ALERTS) this.incidentsSeen.delete(this.incidentsSeen.values().next().value as string);
    return true;
  }

  private quietMode(): 'silent' | 'suppress' | null {
    const { quietHours } = this.options.settings();
    return isQuiet(this.options.minuteOfDay(this.options.clock.now()), quietHours) ? quietHours.mode : null;
  }

  private scheduleFlush(now: number): void {
    if (this.cancelFlush) return;
    const due = Math.max(now + this.storm.gatherMs, this.lastGroupAt + this.storm.windowMs);
    this.cancelFlush = this.options.clock.after(due - now, () => this.flush());
  }

  private flush(): void {
    this.cancelFlush = null;
    const gathered = this.gathered;
    this.gathered = [];
    if (gathered.length === 0 || this.muted() || this.quietMode() === 'suppress') return;
    this.lastGroupAt = this.options.clock.now();
    const [only] = gathered;
    this.show(gathered.length === 1 && only ? describeTransition(only) : describeGroup(gathered));
  }

  private show(content: NotificationContent): void {
    this.options.show(content, this.quietMode() === 'silent');
    this.shownAt.push(this.options.clock.now());
  }
}
