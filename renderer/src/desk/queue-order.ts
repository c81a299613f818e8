import { compareSeverity, type Severity } from '../../../shared/health/levels';
import type { Channel, Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';


export function severityOf(state: QueueState | undefined): Severity {
  const status = state?.health.status ?? 'no-data';
  if (status === 'critical' || status === 'stale' || status === 'no-data') return status;
  return state?.health.atRisk ? 'at-risk' : status;
}

/** Worst first; among equals, the longest-waiting ticket first; then by name, so the order is stable. */
export function sortBySeverity(queues: readonly Queue[], states: Readonly<Record<string, QueueState>>): Queue[] {
  const key = (q: Queue) => ({ severity: severityOf(states[q.id]), waiting: states[q.id]?.metrics.oldestWaitingSeconds ?? -1 });
  return [...queues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return compareSeverity(kb.severity, ka.severity) || kb.waiting - ka.waiting || a.name.localeCompare(b.name);
  });
}

export interface DeskFilters {
  officeId: string | null;
  channel: Channel | null;
  /** A team's name: in-house teams and outsourced partners alike. */
  team: string | null;
}
export const NO_FILTERS: DeskFilters = { officeId: null, channel: null, team: null };

export function matchesFilters(queue: Queue, filters: DeskFilters): boolean {
  return (
    (filters.officeId === null || queue.officeId === filters.officeId) &&
    (filters.channel === null || queue.channel === filters.channel) &&
    (filters.team === null || queue.team.name === filters.team)
  );
}

export const FILTERS_STORAGE_KEY = 'queueboard.desk.filters';

export function loadFilters(storage: Pick<Storage, 'getItem'> | null): DeskFilters {
  try {
    const value: unknown = JSON.parse(storage?.getItem(FILTERS_STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return NO_FILTERS;
    const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
    const record = value as Record<string, unknown>;
    return { officeId: text(record.officeId), channel: text(record.channel) as Channel | null, team: text(record.team) };
  } catch {
    return NO_FILTERS;
  }
}

export function saveFilters(storage: Pick<Storage, 'setItem'> | null, filters: DeskFilters): void {
  try {
    storage?.setItem(FILTERS_STORAGE_KEY, JSON.stringify(filters));
  } catch {
    // Storage full or blocked: the filters still apply for this session.
  }
}
